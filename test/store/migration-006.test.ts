import { afterEach, describe, expect, it } from 'vitest';
import { CourseCalendar } from '../../src/calendar.js';
import { openStore } from '../../src/store/index.js';
import {
  dropStatsCounters,
  guildId,
  makeCourse,
  makeLesson,
  type TempStore,
  tempStore,
  user,
} from './factory.js';
import { ledgerComparison } from './ledger-invariant.js';

const lessonV1 = makeLesson({ id: '5.1', steps: ['step-1', 'step-2', 'step-3'], questions: { q1: 'B' } });
const lessonV2 = makeLesson({ id: '5.1', steps: ['step-1', 'step-2'], questions: { q1: 'B' }, hash: 'v2' });

/** Seoul times: Sunday 2026-11-29 23:30 and Monday 2026-11-30 00:30 are in different weeks. */
const sundayNight = Date.UTC(2026, 10, 29, 14, 30);
const mondayMorning = Date.UTC(2026, 10, 29, 15, 30);
const decemberFirst = Date.UTC(2026, 10, 30, 15, 30);

const at = (n: number) => ({ guildId, userId: user(n), lessonId: '5.1' });

let temp: TempStore | undefined;
afterEach(() => temp?.cleanup());

/**
 * Turns the file back into what version 5 of the schema left: migration 006 only adds tables,
 * 007 (a study group's week) tables and columns, 008 (recognition) a view, tables and triggers,
 * 009 (the /stats counters) tables, triggers and an index.
 */
function backToVersion5(path: string): void {
  const store = openStore(path);
  dropStatsCounters(store.db);
  store.db.exec(`
    DROP TABLE points_ledger; DROP TABLE period_scores; DROP TABLE seasons; DROP TABLE corrections;
    DROP TABLE pending_corrections; DROP TABLE store_settings;
    DROP TABLE group_digests; DROP TABLE reminders;
    DROP TRIGGER milestone_lesson_completed; DROP TRIGGER milestone_lesson_verified;
    DROP TRIGGER milestone_course_completed; DROP VIEW course_lessons_done;
    DROP TABLE certificates; DROP TABLE role_grants; DROP TABLE milestone_roles;
    ALTER TABLE group_members DROP COLUMN display_name;
    ALTER TABLE learners DROP COLUMN active_week; ALTER TABLE learners DROP COLUMN streak_weeks;
    PRAGMA user_version = 5;`);
  store.close();
}

describe('migration 006 (points ledger)', () => {
  it('backfills historic points into the weeks and months they were earned in (Seoul time)', () => {
    temp = tempStore();
    const { store, path } = temp;
    store.lessons.sync(makeCourse(lessonV1));
    store.progress.completeStep({ ...at(1), stepId: 'step-1', at: sundayNight });
    store.progress.completeStep({ ...at(1), stepId: 'step-2', at: mondayMorning });
    store.quiz.recordAnswer({ ...at(1), questionId: 'q1', chosen: 'A', at: mondayMorning });
    store.quiz.recordAnswer({ ...at(1), questionId: 'q1', chosen: 'B', at: decemberFirst });
    store.progress.completeStep({ ...at(1), stepId: 'step-3', at: decemberFirst });
    store.verifications.markVerified({ ...at(1), at: decemberFirst });
    store.progress.completeStep({ ...at(2), stepId: 'step-3', at: sundayNight });
    store.quiz.recordAnswer({ ...at(2), questionId: 'q1', chosen: 'B', at: mondayMorning });
    store.lessons.sync(makeCourse(lessonV2));
    // A retired step's old button: recorded in the history, earns nothing.
    store.progress.completeStep({ ...at(3), stepId: 'step-3', at: mondayMorning });
    store.close();
    backToVersion5(path);

    const migrated = openStore(path);
    try {
      expect(migrated.migration.applied[0]).toBe('6: points ledger, periods, seasons and corrections');
      const { fromLedger, kept, buckets } = ledgerComparison(migrated.db);
      expect(kept).toEqual(fromLedger);
      expect(buckets.kept).toEqual(buckets.counted);
      expect(kept.totals).toEqual({ [`${guildId}|${user(1)}`]: 115, [`${guildId}|${user(2)}`]: 30 });
      const weekly = migrated.db
        .prepare(
          `SELECT period, user_id AS userId, points FROM period_scores WHERE lesson_id = '' AND points <> 0
           ORDER BY period, user_id`,
        )
        .all();
      expect(weekly).toEqual([
        // Monday 30 November is still November; 1 December is the next month.
        { period: 'm2026-11', userId: user(1), points: 20 },
        { period: 'm2026-11', userId: user(2), points: 30 },
        { period: 'm2026-12', userId: user(1), points: 95 },
        { period: 'w2026-11-23', userId: user(1), points: 10 },
        { period: 'w2026-11-23', userId: user(2), points: 10 },
        { period: 'w2026-11-30', userId: user(1), points: 105 },
        { period: 'w2026-11-30', userId: user(2), points: 20 },
      ]);
      const kinds = migrated.db
        .prepare(
          `SELECT kind, SUM(points) AS points FROM points_ledger WHERE user_id = ? GROUP BY kind ORDER BY kind`,
        )
        .all(user(1));
      expect(kinds).toEqual(
        [
          { kind: 'completion', points: 30 },
          { kind: 'step', points: 30 },
          { kind: 'verified', points: 50 },
          { kind: 'quiz-retry', points: 5 },
        ].sort((a, b) => a.kind.localeCompare(b.kind)),
      );
    } finally {
      migrated.close();
    }
  });

  it('recounts the periods when the course time zone changes', () => {
    temp = tempStore();
    temp.store.lessons.sync(makeCourse(lessonV1));
    temp.store.progress.completeStep({ ...at(1), stepId: 'step-1', at: mondayMorning });
    temp.store.close();
    const utc = openStore(temp.path, { calendar: new CourseCalendar('UTC') });
    try {
      // 2026-11-29 15:30 UTC is still Sunday in UTC: the week of 23 November.
      const weeks = utc.db
        .prepare("SELECT period FROM period_scores WHERE period LIKE 'w%' AND lesson_id = ''")
        .all();
      expect(weeks).toEqual([{ period: 'w2026-11-23' }]);
      expect(ledgerComparison(utc.db, 'UTC').kept).toEqual(ledgerComparison(utc.db, 'UTC').fromLedger);
    } finally {
      utc.close();
    }
  });
});
