import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pointsTable } from '../../src/store/index.js';
import { guildId, makeCourse, makeLesson, type TempStore, tempStore, user } from './factory.js';

const steps = ['step-1', 'step-2', 'step-3', 'step-4'];

/** Completions stored in the database file itself, leaving out the WAL (what a checkpoint copied). */
function completionsInMainFile(temp: TempStore): number | null {
  const copy = join(temp.dir, 'main-file-only.sqlite');
  try {
    copyFileSync(temp.path, copy);
    const db = new BetterSqlite3(copy, { readonly: true });
    try {
      return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM step_completions').get()?.n ?? 0;
    } finally {
      db.close();
    }
  } catch {
    // A copy taken while a checkpoint writes may be torn: look again.
    return null;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
  temp.store.lessons.sync(makeCourse(makeLesson({ id: '5.1', steps })));
});
afterEach(() => temp.cleanup());

describe('background checkpoints', () => {
  it('copies committed completions into the database file while the store stays open', async () => {
    for (let learner = 0; learner < 50; learner += 1) {
      for (const stepId of steps) {
        temp.store.progress.completeStep({ guildId, userId: user(learner), lessonId: '5.1', stepId, at: 1 });
      }
    }
    // Far below the writer's own checkpoint size: only the background checkpoint copies them.
    expect(await waitUntil(() => completionsInMainFile(temp) === 200)).toBe(true);
    expect(temp.store.leaderboard.rank({ guildId, userId: user(0) })).toMatchObject({
      points: steps.length * pointsTable.stepCompleted + pointsTable.lessonCompleted,
      outOf: 50,
    });
  });

  it('lets go of the file when the store closes, so the last close removes the WAL', async () => {
    temp.store.progress.completeStep({ guildId, userId: user(1), lessonId: '5.1', stepId: 'step-1', at: 1 });
    temp.store.close();
    expect(await waitUntil(() => !existsSync(`${temp.path}-wal`))).toBe(true);
    const db = new BetterSqlite3(temp.path, { readonly: true });
    expect(db.prepare('SELECT user_id FROM step_completions').all()).toEqual([{ user_id: user(1) }]);
    db.close();
  });
});
