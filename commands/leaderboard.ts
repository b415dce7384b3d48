import {
  ApplicationCommandOptionType,
  ChannelType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { AppContext } from '../src/app/context.js';
import type { Call } from '../src/interactions/call.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { Scope } from '../src/store/index.js';
import { leaderboardCsv, leaderboardFileName, renderLeaderboard } from '../src/ui/views/leaderboard.js';
import type { ScopeView } from '../src/ui/views/scope.js';
import { lessonChoices, requireLesson } from './lesson.js';
import { inServersOnly, lessonOption } from './shared-options.js';

/** The `group` option of /leaderboard and /stats: a study group's channel. */
export const groupOption = {
  type: ApplicationCommandOptionType.Channel,
  name: 'group',
  name_localizations: { ko: '스터디그룹' },
  description: 'Only this study group’s members (its channel)',
  description_localizations: { ko: '이 스터디 그룹(채널)의 학습자만' },
  // A mutable array: Discord's option type does not take a readonly one.
  channel_types: [ChannelType.GuildText] as ChannelType.GuildText[],
} as const;

export const leaderboardCommand = {
  name: 'leaderboard',
  name_localizations: { ko: '리더보드' },
  description: 'Ranked learners by points (instructors)',
  description_localizations: { ko: '점수 순 학습자 순위 (강사 전용)' },
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  ...inServersOnly,
  options: [
    groupOption,
    {
      ...lessonOption,
      required: false,
      description: 'Points in this lesson only (default: all lessons)',
      description_localizations: { ko: '이 강의의 점수만 (기본: 전체 강의)' },
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'export',
      name_localizations: { ko: '내보내기' },
      description: 'Attach every learner’s progress as a CSV file',
      description_localizations: { ko: '모든 학습자의 진도를 CSV 파일로 첨부' },
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The leaderboard shows at most this many learners (the CSV has everyone). */
const boardSize = 25;

export interface BoardScope {
  scope: Scope;
  /** What the message says the scope is (the view escapes the group's name). */
  shown: ScopeView;
}

/**
 * The server, a study group and/or a lesson, from the `group` and `lesson` options. A channel
 * without a study group and an unknown lesson are refused with a friendly message.
 */
export function resolveScope(
  app: AppContext,
  call: Call,
  options: { group: { id: string } | undefined; lesson: string | undefined },
): BoardScope {
  const scope: Scope = { guildId: call.guildId };
  const shown: ScopeView = {};
  if (options.group) {
    const group = app.store.groups.get({ guildId: call.guildId, channelId: options.group.id });
    if (!group) throw new UserFacingError('boards.group.none', { channelId: options.group.id });
    scope.groupChannelId = group.channelId;
    shown.groupName = group.name;
  }
  if (options.lesson !== undefined) {
    const { lesson } = requireLesson(app, options.lesson);
    scope.lessonId = lesson.id;
    shown.lesson = lesson;
  }
  return { scope, shown };
}

export const leaderboard = defineCommand({
  data: leaderboardCommand,
  access: 'instructor',
  async execute(app: AppContext, call, args) {
    // Exporting reads every learner: acknowledge first so Discord's 3 s never runs out.
    if (args.export) await call.respond.defer();
    const { scope, shown } = resolveScope(app, call, args);
    if (!args.export) {
      const learners = app.store.leaderboard.top({ ...scope, limit: boardSize });
      await call.respond.send(renderLeaderboard({ scope: shown, learners }, call.t));
      return;
    }
    const learners = app.store.leaderboard.top({ ...scope, limit: boardSize });
    const rows = app.store.leaderboard.exportRows(scope);
    const file = {
      name: leaderboardFileName(scope, app.clock.now()),
      data: Buffer.from(leaderboardCsv(rows, call.t), 'utf8'),
      contentType: 'text/csv; charset=utf-8',
    };
    await call.respond.send(
      renderLeaderboard({ scope: shown, learners, export: { file, rows: rows.length } }, call.t),
    );
  },
  async autocomplete(app: AppContext, _call, focused) {
    return focused.name === 'lesson' ? lessonChoices(app, focused.value) : [];
  },
});
