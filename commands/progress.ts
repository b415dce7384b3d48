import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { defineButtons } from '../src/interactions/buttons.js';
import { learnerOf } from '../src/interactions/call.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import { releaseClaimIds } from '../src/ui/buttons/claim-buttons.js';
import { renderProgress } from '../src/ui/views/progress.js';
import {
  renderCertificateMessage,
  renderCertificateRefusal,
  renderProgressCardMessage,
} from '../src/ui/views/recognition.js';
import { certificateCheckCommand } from './shared-certificate.js';
import { askToConfirm } from './shared-corrections.js';
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
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'card',
      name_localizations: { ko: '카드' },
      description: 'Show the progress as a picture card',
      description_localizations: { ko: '진도를 그림 카드로 보기' },
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'certificate',
      name_localizations: { ko: '수료증' },
      description: 'Your completion certificate, once every lesson is finished',
      description_localizations: { ko: '모든 레슨을 마치면 받는 수료증' },
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * "도커 ID 해제" on an instructor's /progress of another learner: asks to confirm freeing the
 * learner's Docker ID in this server (the same correction as `/correct release-docker-id`).
 */
const releaseClaimButton = defineButtons({
  name: 'release-claim',
  ids: releaseClaimIds,
  access: 'instructor',
  owner: (press) => press.ownerId,
  async handle(app: AppContext, call, press) {
    const ask = app.corrections.requestRelease(
      { ...learnerOf(call), isInstructor: call.isInstructor },
      press.learnerId,
    );
    await askToConfirm(call, ask, press.learnerId);
  },
});

export const progress = defineCommand({
  data: progressCommand,
  access: 'everyone',
  buttons: [releaseClaimButton],
  async execute(app: AppContext, call, args) {
    const target = args.user ?? call.user;
    // Another learner's progress is for instructors: the service checks, on the server, every time.
    const shown = app.progress.reportFor({ ...learnerOf(call), isInstructor: call.isInstructor }, target.id);
    if (shown.kind === 'not-allowed') throw new UserFacingError('progress.othersInstructorOnly');
    const { report } = shown;
    const context = { t: call.t, locale: call.locale };
    if (args.certificate) {
      // Drawing a picture takes a moment: acknowledge first.
      await call.respond.defer();
      const request = app.certificates.certificateFor(learnerOf(call, target.id));
      if (request.kind !== 'issued') {
        await call.respond.send(renderCertificateRefusal(request, call.t));
        return;
      }
      app.logger.info(
        { interactionId: call.interactionId, learner: target.id, by: call.user.id },
        'certificate shown',
      );
      await call.respond.send(
        renderCertificateMessage(
          {
            certificate: request.certificate,
            learnerName: target.displayName,
            serverName: call.guildName ?? '',
            checkCommand: certificateCheckCommand(call.locale),
          },
          context,
        ),
      );
      return;
    }
    if (args.card) {
      await call.respond.defer();
      await call.respond.send(
        renderProgressCardMessage(
          {
            userId: target.id,
            displayName: target.displayName,
            serverName: call.guildName,
            entries: app.catalog.list(),
            summaries: report.summaries,
            rank: report.rank,
          },
          context,
        ),
      );
      return;
    }
    await call.respond.send(
      renderProgress(
        {
          displayName: target.displayName,
          entries: app.catalog.list(),
          summaries: report.summaries,
          rank: report.rank,
          dockerId: report.claim?.dockerId ?? null,
          proofTag: report.claim?.proofTag ?? null,
          digestTwins: report.digestTwins,
          streak: report.streak,
          corrections: app.corrections.history(learnerOf(call, target.id)),
          releaseButtonId: report.mayReleaseClaim
            ? releaseClaimIds.encode({ learnerId: target.id, ownerId: call.user.id })
            : undefined,
        },
        call.t,
      ),
    );
  },
});
