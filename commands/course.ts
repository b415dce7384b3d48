import {
  type APIApplicationCommandOptionChoice,
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { ContentError, contentRelativePath } from '../src/content/index.js';
import { CourseReadError } from '../src/content/worker/read-off-thread.js';
import type { Call, ServerLookup } from '../src/interactions/call.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { newErrorId, UserFacingError } from '../src/interactions/errors.js';
import type { AppContext, SyncReport } from '../src/services/app-context.js';
import { type Milestone, milestones } from '../src/services/milestone-roles.js';
import {
  renderCourseRefused,
  renderCourseReloaded,
  renderCourseReloadFailed,
} from '../src/ui/views/course-reload.js';
import { renderRoleCleared, renderRoleSet, renderRolesOverview } from '../src/ui/views/milestone-roles.js';
import { renderCertificateCheck } from '../src/ui/views/recognition.js';
import { certificateSubcommand, courseCommandNames } from './shared-certificate.js';
import { lessonChoices, lessonOption, requireLesson } from './shared-lesson.js';
import { inServersOnly } from './shared-options.js';

const milestoneChoices: APIApplicationCommandOptionChoice<string>[] = [
  {
    name: 'A lesson verified (/verify)',
    name_localizations: { ko: '레슨 인증 (/verify)' },
    value: 'lesson-verified',
  },
  { name: 'A lesson completed', name_localizations: { ko: '레슨 완료' }, value: 'lesson-completed' },
  {
    name: 'The whole course completed',
    name_localizations: { ko: '코스 전체 수료' },
    value: 'course-completed',
  },
];

const milestoneOption = {
  type: ApplicationCommandOptionType.String,
  name: 'milestone',
  name_localizations: { ko: '마일스톤' },
  description: 'What the learner reaches',
  description_localizations: { ko: '학습자가 달성하는 것' },
  required: true,
  choices: milestoneChoices,
} as const;

const roleLessonOption = {
  ...lessonOption,
  required: false,
  description: 'The lesson (lesson milestones only)',
  description_localizations: { ko: '레슨 (레슨 마일스톤에만)' },
} as const;

export const courseCommand = {
  ...courseCommandNames,
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
    {
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: 'roles',
      name_localizations: { ko: '역할' },
      description: 'Server roles that milestones earn (instructors of this server)',
      description_localizations: { ko: '마일스톤을 달성하면 받는 서버 역할 (이 서버의 강사 전용)' },
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'set',
          name_localizations: { ko: '연결' },
          description: 'Give a role for a milestone, also to those who reached it already',
          description_localizations: { ko: '마일스톤에 역할을 연결해요 (이미 달성한 학습자에게도 줘요)' },
          options: [
            milestoneOption,
            {
              type: ApplicationCommandOptionType.Role,
              name: 'role',
              name_localizations: { ko: '역할' },
              description: 'The role to give (below the bot’s own role)',
              description_localizations: { ko: '줄 역할 (봇의 역할보다 아래에 있어야 해요)' },
              required: true,
            },
            roleLessonOption,
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'clear',
          name_localizations: { ko: '해제' },
          description: 'Stop giving a role for a milestone (roles already given stay)',
          description_localizations: { ko: '마일스톤의 역할 연결을 지워요 (이미 준 역할은 그대로)' },
          options: [milestoneOption, roleLessonOption],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'list',
          name_localizations: { ko: '목록' },
          description: 'Milestone roles, who got them, and grants that failed',
          description_localizations: { ko: '마일스톤 역할, 받은 학습자 수, 주지 못한 역할' },
        },
      ],
    },
    certificateSubcommand,
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
  // Certificates (and roles) belong to each server: its instructors manage them.
  access: 'instructor',
  // The course is shared by every server: reloading it is for the home server (or an owner).
  subcommandAccess: { reload: 'course-wide' },
  async autocomplete(app: AppContext, _call, focused) {
    return focused.name === 'lesson' ? lessonChoices(app, focused.value) : [];
  },
  async execute(app: AppContext, call, args) {
    switch (args.subcommand) {
      case 'reload':
        return reload(app, call);
      case 'roles set': {
        const milestone = milestoneOf(args.milestone);
        const lessonId = milestone === 'course-completed' ? '' : lessonOf(app, args.lesson);
        const lookup = serverOf(call);
        await call.respond.defer();
        const facts = await lookup.roleSetup(args.role.id);
        if (!facts) throw new UserFacingError('roles.unknownRole');
        const result = app.milestoneRoles.set(
          {
            guildId: call.guildId,
            milestone: milestone,
            lessonId,
            roleId: args.role.id,
            by: call.user.id,
          },
          facts,
        );
        app.logger.info(
          {
            guild: call.guildId,
            by: call.user.id,
            milestone: milestone,
            lessonId,
            role: args.role.id,
            result: result.kind,
            ...(result.kind === 'set' ? { backfilled: result.backfilled } : { problems: result.problems }),
          },
          'milestone role set-up',
        );
        if (result.kind === 'set') lookup.rolesQueued();
        await call.respond.send(
          renderRoleSet(
            {
              milestone: milestone,
              lessonId,
              roleId: args.role.id,
              result,
              perMinute: app.config.ROLE_GRANTS_PER_MINUTE,
            },
            call.t,
          ),
        );
        return;
      }
      case 'roles clear': {
        const milestone = milestoneOf(args.milestone);
        const lessonId = milestone === 'course-completed' ? '' : lessonOf(app, args.lesson);
        const cleared = app.milestoneRoles.clear({
          guildId: call.guildId,
          milestone: milestone,
          lessonId,
        });
        if (cleared)
          app.logger.info(
            { guild: call.guildId, by: call.user.id, milestone: milestone, lessonId },
            'milestone role cleared',
          );
        await call.respond.send(renderRoleCleared({ milestone: milestone, lessonId, cleared }, call.t));
        return;
      }
      case 'roles list': {
        const overview = app.milestoneRoles.overview(call.guildId);
        for (const failure of overview.failures) {
          app.logger.warn(
            { guild: call.guildId, learner: failure.userId, role: failure.roleId, reason: failure.lastError },
            'milestone role given up (reported)',
          );
        }
        await call.respond.send(renderRolesOverview(overview, call.t));
        return;
      }
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

/** A milestone as chosen from the option's choices (anything else typed is refused). */
function milestoneOf(value: string): Milestone {
  const milestone = milestones.find((candidate) => candidate === value);
  if (!milestone) throw new UserFacingError('roles.unknownMilestone');
  return milestone;
}

/** The lesson a lesson milestone names; it must be given and be part of the course. */
function lessonOf(app: AppContext, typed: string | undefined): string {
  if (typed === undefined) throw new UserFacingError('roles.lessonRequired');
  return requireLesson(app, typed).lesson.id;
}

/** The server behind the call; roles exist only on Discord. */
function serverOf(call: Call): ServerLookup {
  if (!call.server) throw new UserFacingError('roles.discordOnly');
  return call.server;
}

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
