import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { openStore, pointsTable, type Store } from '../../src/store/index.js';
import { migrate } from '../../src/store/migrate.js';
import { initialSchema } from '../../src/store/migrations/001-initial.js';
import { guildId, makeCourse, makeLesson, type TempStore, tempStore, user } from './factory.js';

const lessonV1 = makeLesson({ id: '5.1', steps: ['step-1', 'step-2', 'step-3'], questions: { q1: 'B' } });
const lessonV2 = makeLesson({ id: '5.1', steps: ['step-1', 'step-2'], questions: { q1: 'B' }, hash: 'v2' });
const lessonV3 = makeLesson({
  id: '5.1',
  steps: ['step-1', 'step-2', 'step-3'],
  questions: { q1: 'B' },
  hash: 'v3',
});
const lesson52 = makeLesson({ id: '5.2', steps: ['step-1'] });

const at = (ref: number, lessonId = '5.1') => ({ guildId, userId: user(ref), lessonId });

/** A history with completions, quiz retries, a verification, a bonus and a step retired after use. */
function recordHistory(store: Store): void {
  store.lessons.sync(makeCourse(lessonV1, lesson52));
  for (const step of ['step-1', 'step-2', 'step-3'])
    store.progress.completeStep({ ...at(1), stepId: step, at: 10 });
  store.quiz.recordAnswer({ ...at(1), questionId: 'q1', chosen: 'B', at: 11 });
  store.progress.completeStep({ ...at(1, '5.2'), stepId: 'step-1', at: 12 });
  store.progress.completeStep({ ...at(2), stepId: 'step-1', at: 20 });
  store.progress.completeStep({ ...at(2), stepId: 'step-2', at: 21 });
  store.quiz.recordAnswer({ ...at(2), questionId: 'q1', chosen: 'A', at: 22 });
  store.quiz.recordAnswer({ ...at(2), questionId: 'q1', chosen: 'B', at: 23 });
  store.progress.completeStep({ ...at(3), stepId: 'step-3', at: 30 });
  store.verifications.markVerified({ ...at(3), at: 31 });
  store.progress.setPosition({ ...at(4), pageIndex: 2, at: 40 });
  store.lessons.sync(makeCourse(lessonV2, lesson52));
  // An old button of the retired step: recorded, earns nothing, leaves no score row.
  store.progress.completeStep({ ...at(5), stepId: 'step-3', at: 50 });
}

/** Copies every row into a database that has only the first schema, as the previous code left it. */
function copyIntoFirstSchema(source: Store, path: string): void {
  const db = openDatabase(path);
  migrate(db, [initialSchema]);
  db.pragma('foreign_keys = OFF');
  db.prepare('ATTACH DATABASE ? AS source').run(source.db.name);
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT IN ('score_buckets') ORDER BY rowid",
    )
    .all();
  db.transaction(() => {
    for (const { name } of tables) {
      const columns = db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}', 'main')`)
        .all()
        .map((column) => column.name)
        .join(', ');
      // The points buckets refill through the schema's triggers as the score rows arrive.
      db.exec(`INSERT INTO main.${name} (${columns}) SELECT ${columns} FROM source.${name}`);
    }
  })();
  db.exec('DETACH DATABASE source');
  db.close();
}

function boards(store: Store) {
  const learners = [1, 2, 3, 4, 5].map(user);
  return {
    summaries: learners.map((userId) => store.progress.summary({ guildId, userId })),
    top: store.leaderboard.top({ guildId, limit: 25 }),
    lessonTop: store.leaderboard.top({ guildId, lessonId: '5.1', limit: 25 }),
    ranks: learners.map((userId) => store.leaderboard.rank({ guildId, userId })),
    lessonRanks: learners.map((userId) => store.leaderboard.rank({ guildId, userId, lessonId: '5.1' })),
  };
}

let fresh: TempStore;
let migrated: Store;
beforeEach(() => {
  fresh = tempStore();
  recordHistory(fresh.store);
  const path = `${fresh.dir}/from-001.sqlite`;
  copyIntoFirstSchema(fresh.store, path);
  migrated = openStore(path);
});
afterEach(() => {
  migrated.close();
  fresh.cleanup();
});

describe('migration 002 (lesson progress counters)', () => {
  it('upgrades a first-schema database with data to the same summaries and ranks', () => {
    expect(migrated.migration.from).toBe(1);
    // Later migrations follow; this one comes first.
    expect(migrated.migration.applied[0]).toBe('2: lesson progress counters');
    expect(boards(migrated)).toEqual(boards(fresh.store));
    expect(boards(migrated).summaries[1]?.[0]).toMatchObject({
      stepsDone: 2,
      quizCorrect: 1,
      completed: true,
    });
  });

  it('carries the counters on, so later events complete lessons exactly as on a new database', () => {
    for (const store of [fresh.store, migrated]) {
      // step-3 comes back with the history of learners 1, 3 and 5.
      store.lessons.sync(makeCourse(lessonV3, lesson52));
      const results = [
        store.progress.completeStep({ ...at(5), stepId: 'step-1', at: 60 }),
        store.progress.completeStep({ ...at(5), stepId: 'step-2', at: 61 }),
        store.quiz.recordAnswer({ ...at(5), questionId: 'q1', chosen: 'B', at: 62 }),
        store.progress.completeStep({ ...at(2), stepId: 'step-3', at: 63 }),
      ];
      expect(results.map((result) => result.lessonCompleted)).toEqual([false, false, true, true]);
      expect(results[2]?.pointsAwarded).toBe(pointsTable.quizFirstTryCorrect + pointsTable.lessonCompleted);
      // Learner 2 was complete only while step-3 was away, with no event: the bonus comes now.
      expect(results[3]?.pointsAwarded).toBe(pointsTable.stepCompleted + pointsTable.lessonCompleted);
      // Learner 1 completed it before: finishing nothing new, and no second bonus either way.
      expect(store.progress.summary({ guildId, userId: user(1) })[0]?.completed).toBe(true);
    }
    expect(boards(migrated)).toEqual(boards(fresh.store));
  });
});
