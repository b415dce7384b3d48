import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pointsTable } from '../../src/store/index.js';
import { guildId, type TempStore, tempStore } from './factory.js';
import { startWriter } from './writer-process.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.cleanup());

describe('crash safety', () => {
  it('keeps every acknowledged write and a sound file when the writer is killed with SIGKILL', async () => {
    const writer = startWriter(temp.path);
    await writer.waitFor(3_000);
    writer.child.kill('SIGKILL');
    await writer.exited;
    expect(writer.child.signalCode).toBe('SIGKILL');
    const acknowledged = [...writer.acknowledged];
    expect(acknowledged.length).toBeGreaterThanOrEqual(3_000);

    const db = new BetterSqlite3(temp.path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(
      db
        .prepare<[string], { user_id: string }>('SELECT user_id FROM step_completions WHERE guild_id = ?')
        .all(guildId)
        .map((row) => row.user_id),
    );
    const missing = acknowledged.filter((userId) => !stored.has(userId));
    expect(missing).toEqual([]);
    // Each completion and its points committed together: no completion without its points.
    const points = db
      .prepare<[string], { total: number; learners: number }>(
        'SELECT SUM(points) AS total, COUNT(*) AS learners FROM learners WHERE guild_id = ? AND points > 0',
      )
      .get(guildId);
    expect(points).toEqual({ total: stored.size * pointsTable.stepCompleted, learners: stored.size });
    db.close();
  }, 120_000);
});
