import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { AppContext } from '../src/app/context.js';
import { encodeClaimButton } from '../src/interactions/claim-button.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { UserFacingError } from '../src/interactions/errors.js';
import { renderProgress } from '../src/ui/views/progress.js';
import { inServersOnly } from './shared-options.js';

export const progressCommand = {
  name: 'progress',
  name_localizations: { ko: '진도' },
  description: 'Your progress: steps, quiz score, verification, points and rank',
  description_localizations: { ko: '내 진도: 단계, 퀴즈 점수, 인증, 점수와 순위' },
  ...inServersOnly,
  options: [
    {
      type: ApplicationCommandOptionType.User,
      name: 'user',
      name_localizations: { ko: '학습자' },
      description: 'Another learner (instructors only)',
      description_localizations: { ko: '다른 학습자 (강사 전용)' },
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const progress = defineCommand({
  data: progressCommand,
  access: 'everyone',
  async execute(app: AppContext, call, args) {
    const target = args.user ?? call.user;
    // Another learner's progress is for instructors; checked here, on the server, every time.
    if (target.id !== call.user.id && !call.isInstructor)
      throw new UserFacingError('progress.othersInstructorOnly');
    const learner = { guildId: call.guildId, userId: target.id };
    const claim = app.store.claims.held(learner);
    await call.respond.send(
      renderProgress(
        {
          displayName: target.displayName,
          entries: app.catalog.list(),
          summaries: app.store.progress.summary(learner),
          rank: app.store.leaderboard.rank({ guildId: call.guildId, userId: target.id }),
          dockerId: claim?.dockerId ?? null,
          proofTag: claim?.proofTag ?? null,
          // A digest is the proof of work: who shares one is for instructors' eyes only.
          digestTwins: call.isInstructor ? app.store.sharedDigests.forLearner(learner) : [],
          releaseButtonId:
            call.isInstructor && target.id !== call.user.id
              ? encodeClaimButton({ learnerId: target.id, ownerId: call.user.id })
              : undefined,
        },
        call.t,
      ),
    );
  },
});
