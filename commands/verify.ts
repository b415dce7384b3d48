import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { translator } from '../src/i18n/index.js';
import { learnerOf } from '../src/interactions/call.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import { escapeUserText } from '../src/ui/escape.js';
import { renderVerifyAnnouncement, renderVerifyResult } from '../src/ui/views/verify.js';
import { describeLookup } from '../src/ui/views/verify-outcome.js';
import { inServersOnly } from './shared-options.js';

export const verifyCommand = {
  name: 'verify',
  name_localizations: { ko: '인증' },
  description: 'Check on Docker Hub that the image you pushed is really there',
  description_localizations: { ko: '푸시한 이미지가 도커 허브에 있는지 확인해요' },
  ...inServersOnly,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'docker-id',
      name_localizations: { ko: '도커-id' },
      description: 'Your Docker Hub ID (remembered after the first success)',
      description_localizations: { ko: '도커 허브 계정 이름 (첫 인증 후에는 생략 가능)' },
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'tag',
      name_localizations: { ko: '태그' },
      description: 'Image tag (default: the lesson’s, e.g. v1)',
      description_localizations: { ko: '이미지 태그 (기본: 레슨에서 쓰는 태그, 예: v1)' },
      max_length: 128,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'repository',
      name_localizations: { ko: '리포지토리' },
      description: 'Repository name (default: the lesson’s, e.g. image-gallery)',
      description_localizations: { ko: '리포지토리 이름 (기본: 레슨에서 쓰는 이름, 예: image-gallery)' },
      max_length: 128,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The refusal when another learner in this server has already verified with the Docker ID. */
export function claimedByOtherRefusal(dockerId: string): UserFacingError {
  return new UserFacingError('verifyResult.claimedByOther', {
    dockerId: escapeUserText(dockerId, { max: 40, inCode: true }),
  });
}

export const verify = defineCommand({
  data: verifyCommand,
  access: 'everyone',
  async execute(app: AppContext, call, args) {
    // The lookup may take seconds: acknowledge at once, answer by editing.
    await call.respond.defer();
    const learner = learnerOf(call);
    const entry = app.verification.lessonToCheck(learner, app.catalog.list());
    if (!entry) throw new UserFacingError('verifyResult.noCheck');
    const { lesson, check } = entry;
    const result = await app.verification.verify(learner, lesson, check, {
      dockerId: args['docker-id'],
      repository: args.repository,
      tag: args.tag,
    });
    if (result.kind === 'needs-docker-id') throw new UserFacingError('verifyResult.needDockerId');
    if (result.kind === 'claimed-by-other') throw claimedByOtherRefusal(result.dockerId);
    // Stopped by a shutdown: the deferred answer gets the restart notice, like any other interaction.
    if (result.report.outcome === 'interrupted') throw new UserFacingError('error.shuttingDown');
    const stepTitle = (stepId: string) => lesson.steps.find((step) => step.id === stepId)?.title ?? stepId;
    const description = describeLookup(result.report, call.t, result.dockerId, {
      fixSteps: check.fixSteps,
      buildHint: check.buildHint,
      buildCommand: check.buildCommand ?? null,
      stepTitle,
    });
    await call.respond.send(
      renderVerifyResult(
        {
          lesson,
          description,
          passed: result.report.passed,
          earned: app.path.verifiedPoints(learner, result.verified),
          next: result.report.passed ? app.path.nextLesson(learner, lesson.id) : null,
          ownerId: call.user.id,
        },
        call.t,
      ),
    );
    if (
      result.verified?.firstTime &&
      app.studyGroups.find({ guildId: call.guildId, channelId: call.channelId })
    ) {
      // A public line in the course's language, whoever's client language triggered it.
      await call.respond.announce(
        call.channelId,
        renderVerifyAnnouncement(call.user.displayName, lesson, translator('ko')),
      );
    }
  },
});
