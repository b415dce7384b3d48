import type { Translate } from '../../i18n/index.js';
import { type ExportRow, type RankedLearner, toCsv } from '../../store/index.js';
import { ACCENT, container, fileComponent, separator, text } from '../components.js';
import { fileNamePart } from '../file-names.js';
import { fitLines } from '../fit-lines.js';
import { componentsMessage, type Message, type MessageFile } from '../message.js';
import { type ScopeView, scopeLabel } from './scope.js';

export interface LeaderboardView {
  /** Who the board covers. */
  scope: ScopeView;
  learners: readonly RankedLearner[];
  /** The CSV export, when asked for: attached and shown as a file in the message. */
  export?: { file: MessageFile; rows: number } | undefined;
}

/** `/leaderboard`: rank, mention and points per learner, under the scope line. */
export function renderLeaderboard(view: LeaderboardView, t: Translate): Message {
  const rows = view.learners.map((learner) =>
    t('boards.leaderboard.row', { rank: learner.rank, userId: learner.userId, points: learner.points }),
  );
  const body =
    rows.length > 0
      ? [
          fitLines(rows, '\n', (count) => t('lists.more', { count })),
          t('boards.leaderboard.shown', { count: rows.length }),
        ].join('\n\n')
      : t('boards.leaderboard.empty');
  const exported = view.export;
  return componentsMessage(
    [
      container(ACCENT.lesson, [
        text(
          `${t('boards.leaderboard.header')}\n${t('boards.scope.line', { scope: scopeLabel(view.scope, t) })}`,
        ),
        separator(),
        text(body),
        ...(exported
          ? [
              separator(),
              text(t('boards.leaderboard.exported', { rows: exported.rows })),
              fileComponent(exported.file.name),
            ]
          : []),
      ]),
    ],
    exported ? [exported.file] : [],
  );
}

const csvColumns = [
  'rank',
  'userId',
  'dockerId',
  'scopePoints',
  'lessonId',
  'lessonTitle',
  'lessonPoints',
  'stepsDone',
  'stepsTotal',
  'quizFirstTryCorrect',
  'quizCorrect',
  'quizTotal',
  'verified',
  'completedAt',
] as const satisfies readonly (keyof ExportRow)[];

/** The export as CSV text (BOM, CRLF, formula-safe) with translated headers. */
export function leaderboardCsv(rows: readonly ExportRow[], t: Translate): string {
  const header = csvColumns.map((column) => t(`boards.csv.${column}`));
  const body = rows.map((row) =>
    csvColumns.map((column) => {
      if (column === 'verified') return t(row.verified ? 'boards.csv.yes' : 'boards.csv.no');
      if (column === 'completedAt')
        return row.completedAt === null ? '' : new Date(row.completedAt).toISOString();
      return row[column];
    }),
  );
  return toCsv([header, ...body]);
}

/** ASCII file name: `leaderboard-<scope>-<yyyy-mm-dd>.csv`, e.g. `leaderboard-group-123-lesson-5-2-2026-11-29.csv`. */
export function leaderboardFileName(
  scope: { groupChannelId?: string | undefined; lessonId?: string | undefined },
  at: number,
): string {
  const parts = [
    scope.groupChannelId === undefined ? null : `group-${scope.groupChannelId}`,
    scope.lessonId === undefined ? null : `lesson-${scope.lessonId}`,
  ].filter((part): part is string => part !== null);
  const name = fileNamePart(parts.join('-'), 'server');
  return `leaderboard-${name}-${new Date(at).toISOString().slice(0, 10)}.csv`;
}
