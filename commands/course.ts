import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { ContentError, contentRelativePath } from '../src/content/index.js';
import { CourseReadError } from '../src/content/worker/read-off-thread.js';
import type { Locale } from '../src/i18n/index.js';
import type { Call } from '../src/interactions/call.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { newErrorId } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import type { SyncReport } from '../src/store/index.js';
import {
  renderCourseRefused,
  renderCourseReloaded,
  renderCourseReloadFailed,
} from '../src/ui/views/course-reload.js';
import { renderCertificateCheck } from '../src/ui/views/recognition.js';
import { inServersOnly } from './shared-options.js';

export const courseCommand = {
  name: 'course',
  name_localizations: { ko: '강의관리' },
  description: 'Manage the course content (instructors)',
  description_localizations: { ko: '강의 내용 관리 (강사 전용)' },
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  ...inServersOnly,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'reload',
      name_localizations: { ko: '다시불러오기' },
      description: 'Reload the lesson files and report what changed; learners keep their progress',
      description_localizations: { ko: '강의 파일을 다시 읽고 바뀐 내용을 알려요 (학습자 진도는 유지)' },
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'certificate',
      name_localizations: { ko: '수료증확인' },
      description: 'Check a completion certificate code: whose it is, when, which image',
      description_localizations: { ko: '수료증 코드 확인: 누구의 수료증인지, 수료일, 인증 이미지' },
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'code',
          name_localizations: { ko: '코드' },
          description: 'The code printed on the certificate (DSB-XXXX-XXXX-XXXX)',
          description_localizations: { ko: '수료증에 적힌 코드 (DSB-XXXX-XXXX-XXXX)' },
          required: true,
          max_length: 64,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const certificateSubcommand = courseCommand.options[1];

/** `/course certificate code:` as the reader's client shows it (Korean clients see the Korean names). */
export function certificateCheckCommand(locale: Locale): string {
  const [code] = certificateSubcommand.options;
  if (locale === 'ko') {
    return `/${courseCommand.name_localizations.ko} ${certificateSubcommand.name_localizations.ko} ${code.name_localizations.ko}:`;
  }
  return `/${courseCommand.name} ${certificateSubcommand.name} ${code.name}:`;
}

function changeCounts(report: SyncReport) {
  return {
    added: report.added.map((change) => change.lessonId),
    updated: report.updated.map((change) => change.lessonId),
    unchanged: report.unchanged.length,
    skipped: report.skipped,
    retired: report.retired,
  };
}

export const course = defineCommand({
  data: courseCommand,
  // Certificates (and roles) belong to each server: its instructors manage them.
  access: 'instructor',
  // The course is shared by every server: reloading it is for the home server (or an owner).
  subcommandAccess: { reload: 'course-wide' },
  async execute(app: AppContext, call, args) {
    switch (args.subcommand) {
      case 'reload':
        return reload(app, call);
      case 'certificate': {
        const check = app.certificates.check(call.guildId, args.code);
        app.logger.info(
          { interactionId: call.interactionId, user: call.user.id, result: check.kind },
          'certificate checked',
        );
        await call.respond.send(renderCertificateCheck(check, args.code, { t: call.t, locale: call.locale }));
        return;
      }
    }
  },
});

/** `/course reload`: reads the lesson files again and reports what changed. */
async function reload(app: AppContext, call: Call): Promise<void> {
  // Reading and parsing every lesson file may take a moment: acknowledge first.
  await call.respond.defer();
  let report: SyncReport;
  try {
    report = await app.reloadCourse();
  } catch (error) {
    if (error instanceof CourseReadError) {
      // The worker hung or crashed: nothing was stored, the old course stays served.
      const errorId = newErrorId();
      app.logger.error(
        { err: error, errorId, interactionId: call.interactionId, reason: error.reason },
        'course reload failed: reading the files did not finish',
      );
      await call.respond.send(
        renderCourseReloadFailed(
          { reason: error.reason, timeoutSeconds: Math.ceil(error.timeoutMs / 1000), errorId },
          call.t,
        ),
      );
      return;
    }
    // A malformed file stops the reload before anything is stored: the old course stays served.
    if (!(error instanceof ContentError)) throw error;
    app.logger.warn(
      { interactionId: call.interactionId, user: call.user.id, problems: error.problems.length },
      'course reload refused: content problems',
    );
    await call.respond.send(
      renderCourseRefused(error.problems, contentRelativePath(app.config.LESSONS_DIR), call.t),
    );
    return;
  }
  app.logger.info(
    { interactionId: call.interactionId, user: call.user.id, ...changeCounts(report) },
    'course reloaded',
  );
  await call.respond.send(
    renderCourseReloaded({ report, titleOf: (lessonId) => app.catalog.find(lessonId)?.lesson.title }, call.t),
  );
}
