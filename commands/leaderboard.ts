import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { learnerOf } from '../src/interactions/call.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import { type BoardAnswer, periodChoiceSchema } from '../src/services/boards.js';
import { leaderboardCsv, leaderboardFileName, renderLeaderboard } from '../src/ui/views/leaderboard.js';
import type { ScopeView } from '../src/ui/views/scope.js';
import { lessonChoices, lessonOption, requireLesson } from './shared-lesson.js';
import { groupOption, inServersOnly } from './shared-options.js';

export const leaderboardCommand = {
  name: 'leaderboard',
  name_localizations: { ko: '리더보드' },
  description: 'Ranked learners by points: your study group, or any scope (instructors)',
  description_localizations: { ko: '점수 순 학습자 순위: 내 스터디 그룹, 강사는 모든 범위' },
  // Learners may ask too (their own group's board); the service checks everything else.
  ...inServersOnly,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'period',
      name_localizations: { ko: '기간' },
      description: 'Points earned this week, this month, this season or all time (default)',
      description_localizations: { ko: '이번 주, 이번 달, 이번 시즌 또는 전체 기간(기본)의 점수' },
      choices: [
        { name: 'This week', name_localizations: { ko: '이번 주' }, value: 'week' },
        { name: 'This month', name_localizations: { ko: '이번 달' }, value: 'month' },
        { name: 'Season', name_localizations: { ko: '시즌' }, value: 'season' },
        { name: 'All time', name_localizations: { ko: '전체 기간' }, value: 'all' },
      ],
    },
    {
      ...groupOption,
      description: 'Only this study group’s members (instructors)',
      description_localizations: { ko: '이 스터디 그룹(채널)의 학습자만 (강사 전용)' },
    },
    {
      ...lessonOption,
      required: false,
      description: 'Points in this lesson only (instructors; default: all lessons)',
      description_localizations: { ko: '이 레슨의 점수만 (강사 전용, 기본: 전체 레슨)' },
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'export',
      name_localizations: { ko: '내보내기' },
      description: 'Attach every learner’s progress as a CSV file (instructors)',
      description_localizations: { ko: '모든 학습자의 진도를 CSV 파일로 첨부 (강사 전용)' },
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Why a board is not shown, as the user reads it. */
function refuse(answer: Exclude<BoardAnswer, { kind: 'board' }>, groupChannelId: string | undefined): never {
  switch (answer.kind) {
    case 'no-group':
      throw new UserFacingError('boards.group.none', { channelId: groupChannelId ?? '' });
    case 'no-season':
      throw new UserFacingError('boards.season.none');
    case 'instructor-only':
      throw new UserFacingError('boards.learner.instructorOnly');
    case 'learner-without-group':
      throw new UserFacingError('boards.learner.noGroup');
  }
}

export const leaderboard = defineCommand({
  data: leaderboardCommand,
  access: 'everyone',
  async execute(app: AppContext, call, args) {
    // Exporting reads every learner: acknowledge first so Discord's 3 s never runs out.
    if (args.export && call.isInstructor) await call.respond.defer();
    const period = periodChoiceSchema.safeParse(args.period ?? 'all');
    if (!period.success) throw new UserFacingError('boards.period.unknown');
    // Only an instructor's lesson is looked up: a learner is refused for asking at all.
    const lesson =
      args.lesson !== undefined && call.isInstructor ? requireLesson(app, args.lesson).lesson : null;
    const answer = app.boards.board(
      { ...learnerOf(call), isInstructor: call.isInstructor },
      {
        period: period.data,
        groupChannelId: args.group?.id,
        lessonId: lesson?.id ?? args.lesson,
        export: args.export,
        channelId: call.channelId,
      },
    );
    if (answer.kind !== 'board') refuse(answer, args.group?.id);
    const shown: ScopeView = {
      ...(answer.group ? { groupName: answer.group.name } : {}),
      ...(lesson ? { lesson } : {}),
    };
    const view = { scope: shown, period: answer.period, learners: answer.learners, own: answer.own };
    if (!answer.export) {
      await call.respond.send(renderLeaderboard(view, call.t));
      return;
    }
    const { rows, exportedAt } = answer.export;
    const file = {
      name: leaderboardFileName(answer.scope, exportedAt),
      data: Buffer.from(leaderboardCsv(rows, answer.period, call.t), 'utf8'),
      contentType: 'text/csv; charset=utf-8',
    };
    await call.respond.send(renderLeaderboard({ ...view, export: { file, rows: rows.length } }, call.t));
  },
  async autocomplete(app: AppContext, _call, focused) {
    return focused.name === 'lesson' ? lessonChoices(app, focused.value) : [];
  },
});
