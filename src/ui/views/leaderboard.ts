import type { Translate } from '../../i18n/index.js';
import type { BoardPeriod, OwnPlace } from '../../services/boards.js';
import { type ExportRow, type RankedLearner, toCsv } from '../../store/index.js';
import { ACCENT, container, fileComponent, separator, text } from '../components.js';
import { fileNamePart } from '../file-names.js';
import { fitLines } from '../fit-lines.js';
import { componentsMessage, type Message, type MessageFile } from '../message.js';
import { periodLabel } from './period.js';
import { type ScopeView, scopeLabel } from './scope.js';

export interface LeaderboardView {
  /** Who the board covers. */
  scope: ScopeView;
  period: BoardPeriod;
  learners: readonly RankedLearner[];
  /** A learner's own place (their group's board); absent on an instructor's board. */
  own?: OwnPlace | null | undefined;
  /** The CSV export, when asked for: attached and shown as a file in the message. */
  export?: { file: MessageFile; rows: number } | undefined;
}

/** The viewer's own place under a learner's board: rank, and the points to pass the one ahead. */
function ownLines(own: OwnPlace, t: Translate): string {
  if (!own.rank) return t('boards.own.unranked');
  const rank = t('boards.own.rank', { rank: own.rank.rank, outOf: own.rank.outOf, points: own.rank.points });
  const next =
    own.pointsToNext === null ? t('boards.own.first') : t('boards.own.next', { points: own.pointsToNext });
  return `${rank}\n${next}`;
}

/** `/leaderboard`: rank, mention and points per learner, under the scope and period lines. */
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
          [
            t('boards.leaderboard.header'),
            t('boards.scope.line', { scope: scopeLabel(view.scope, t) }),
            t('boards.period.line', { period: periodLabel(view.period, t) }),
          ].join('\n'),
        ),
        separator(),
        text(body),
        ...(view.own ? [separator(), text(ownLines(view.own, t))] : []),
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

/** The export as CSV text (BOM, CRLF, formula-safe) with translated headers; the period leads each row. */
export function leaderboardCsv(rows: readonly ExportRow[], period: BoardPeriod, t: Translate): string {
  const header = [t('boards.csv.period'), ...csvColumns.map((column) => t(`boards.csv.${column}`))];
  const shownPeriod = periodLabel(period, t);
  const body = rows.map((row) => [
    shownPeriod,
    ...csvColumns.map((column) => {
      if (column === 'verified') return t(row.verified ? 'boards.csv.yes' : 'boards.csv.no');
      if (column === 'completedAt')
        return row.completedAt === null ? '' : new Date(row.completedAt).toISOString();
      return row[column];
    }),
  ]);
  return toCsv([header, ...body]);
}

/**
 * ASCII file name: `leaderboard-<scope>-<period>-<yyyy-mm-dd>.csv`, e.g.
 * `leaderboard-group-123-lesson-5-2-w2026-11-23-2026-11-29.csv` (no period part for all time).
 */
export function leaderboardFileName(
  scope: { groupChannelId?: string | undefined; lessonId?: string | undefined; period?: string | undefined },
  at: number,
): string {
  const parts = [
    scope.groupChannelId === undefined ? null : `group-${scope.groupChannelId}`,
    scope.lessonId === undefined ? null : `lesson-${scope.lessonId}`,
    scope.period ?? null,
  ].filter((part): part is string => part !== null);
  const name = fileNamePart(parts.join('-'), 'server');
  return `leaderboard-${name}-${new Date(at).toISOString().slice(0, 10)}.csv`;
}
