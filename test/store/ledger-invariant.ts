import type { Database } from 'better-sqlite3';
import { PeriodCalendar, seasonKey } from '../../src/store/periods.js';

interface LedgerRow {
  guild_id: string;
  user_id: string;
  lesson_id: string | null;
  points: number;
  at: number;
  season_id: number | null;
}

/** `key → points`, dropping zeros (a row that went back to 0 is the same as no row). */
function sums(entries: Iterable<[string, number]>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const [key, points] of entries) totals.set(key, (totals.get(key) ?? 0) + points);
  for (const [key, points] of totals) if (points === 0) totals.delete(key);
  return totals;
}

function asObject(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Every number a board reads, recomputed from the points ledger alone, beside what the store
 * keeps: learner totals, lesson scores, period scores (weeks and months in `timeZone`, the season
 * each row was recorded in)
 * and the points buckets. Equal objects mean the invariant holds.
 */
export function ledgerComparison(db: Database, timeZone = 'Asia/Seoul') {
  const ledger = db
    .prepare<[], LedgerRow>('SELECT guild_id, user_id, lesson_id, points, at, season_id FROM points_ledger')
    .all();
  const calendar = new PeriodCalendar(timeZone);
  const periodEntries: [string, number][] = [];
  for (const row of ledger) {
    const keys = calendar.keysOf(row.at);
    const periods = [keys.week, keys.month];
    if (row.season_id !== null) periods.push(seasonKey(row.season_id));
    for (const period of periods) {
      periodEntries.push([`${row.guild_id}|${period}||${row.user_id}`, row.points]);
      if (row.lesson_id !== null)
        periodEntries.push([`${row.guild_id}|${period}|${row.lesson_id}|${row.user_id}`, row.points]);
    }
  }
  const fromLedger = {
    totals: asObject(sums(ledger.map((row) => [`${row.guild_id}|${row.user_id}`, row.points]))),
    lessons: asObject(
      sums(
        ledger
          .filter((row) => row.lesson_id !== null)
          .map((row) => [`${row.guild_id}|${row.user_id}|${row.lesson_id}`, row.points]),
      ),
    ),
    periods: asObject(sums(periodEntries)),
  };
  const kept = {
    totals: asObject(
      sums(
        db
          .prepare<[], { key: string; points: number }>(
            "SELECT guild_id || '|' || user_id AS key, points FROM learners",
          )
          .all()
          .map((row) => [row.key, row.points]),
      ),
    ),
    lessons: asObject(
      sums(
        db
          .prepare<[], { key: string; points: number }>(
            "SELECT guild_id || '|' || user_id || '|' || lesson_id AS key, points FROM lesson_scores",
          )
          .all()
          .map((row) => [row.key, row.points]),
      ),
    ),
    periods: asObject(
      sums(
        db
          .prepare<[], { key: string; points: number }>(
            "SELECT guild_id || '|' || period || '|' || lesson_id || '|' || user_id AS key, points FROM period_scores",
          )
          .all()
          .map((row) => [row.key, row.points]),
      ),
    ),
  };
  const buckets = {
    kept: db
      .prepare(
        'SELECT guild_id, lesson_id, points, learners FROM score_buckets WHERE learners <> 0 ORDER BY 1, 2, 3',
      )
      .all(),
    counted: db
      .prepare(
        `SELECT guild_id, lesson_id, points, COUNT(*) AS learners FROM (
           SELECT guild_id, '' AS lesson_id, points FROM learners WHERE points > 0
           UNION ALL SELECT guild_id, lesson_id, points FROM lesson_scores WHERE points > 0)
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .all(),
  };
  return { fromLedger, kept, buckets };
}
