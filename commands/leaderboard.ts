import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { defineCommand } from '../src/interactions/command-module.js';
import type { AppContext } from '../src/services/app-context.js';
import { leaderboardCsv, leaderboardFileName, renderLeaderboard } from '../src/ui/views/leaderboard.js';
import { lessonChoices, lessonOption, requireLesson } from './shared-lesson.js';
import { groupOption, groupScope, inServersOnly } from './shared-options.js';

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
      description_localizations: { ko: '이 레슨의 점수만 (기본: 전체 레슨)' },
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

export const leaderboard = defineCommand({
  data: leaderboardCommand,
  access: 'instructor',
  async execute(app: AppContext, call, args) {
    // Exporting reads every learner: acknowledge first so Discord's 3 s never runs out.
    if (args.export) await call.respond.defer();
    const { scope, shown } = groupScope(app, call, args.group);
    if (args.lesson !== undefined) {
      const { lesson } = requireLesson(app, args.lesson);
      scope.lessonId = lesson.id;
      shown.lesson = lesson;
    }
    const learners = app.boards.leaderboard(scope, boardSize);
    if (!args.export) {
      await call.respond.send(renderLeaderboard({ scope: shown, learners }, call.t));
      return;
    }
    const { rows, exportedAt } = app.boards.export(scope);
    const file = {
      name: leaderboardFileName(scope, exportedAt),
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
