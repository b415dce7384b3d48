import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { ContentError, contentRelativePath } from '../src/content/index.js';
import { CourseReadError } from '../src/content/worker/read-off-thread.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { newErrorId } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import type { SyncReport } from '../src/store/index.js';
import {
  renderCourseRefused,
  renderCourseReloaded,
  renderCourseReloadFailed,
} from '../src/ui/views/course-reload.js';
import { inServersOnly } from './shared-options.js';

export const courseCommand = {
  name: 'course',
  name_localizations: { ko: '코스관리' },
  description: 'Manage the course content (instructors)',
  description_localizations: { ko: '코스(모든 레슨) 관리 (강사 전용)' },
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  ...inServersOnly,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'reload',
      name_localizations: { ko: '다시불러오기' },
      description: 'Reload the lesson files and report what changed; learners keep their progress',
      description_localizations: { ko: '레슨 파일을 다시 읽고 바뀐 내용을 알려요 (학습자 진도는 유지)' },
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

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
  // The course is shared by every server: reloading it is for the home server (or an owner).
  access: 'course-wide',
  async execute(app: AppContext, call) {
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
      renderCourseReloaded(
        { report, titleOf: (lessonId) => app.catalog.find(lessonId)?.lesson.title },
        call.t,
      ),
    );
  },
});
