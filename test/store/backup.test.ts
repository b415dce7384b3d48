import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/store/backup.js';
import { openStore, pointsTable, StoreError } from '../../src/store/index.js';
import { guildId, type TempStore, tempStore } from './factory.js';
import { startWriter } from './writer-process.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.cleanup());

function completedUsers(path: string): string[] {
  const db = new BetterSqlite3(path, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const rows = db
    .prepare<[], { user_id: string }>('SELECT user_id FROM step_completions ORDER BY user_id')
    .all()
    .map((row) => row.user_id);
  db.close();
  return rows;
}

describe('online backup', () => {
  it('copies a consistent database while another process keeps writing', async () => {
    const writer = startWriter(temp.path);
    await writer.waitFor(2_000);
    const before = writer.acknowledged.length;
    const target = join(temp.dir, 'backup.sqlite');
    const result = await backupDatabase(temp.path, target);
    const copied = completedUsers(target);
    // Let the writer commit past the snapshot, so the live database must differ from the copy.
    await writer.waitFor(copied.length + 200);
    writer.child.kill('SIGTERM');
    await writer.exited;

    expect(result.path).toBe(target);
    expect(result.pages).toBeGreaterThan(0);
    const live = new Set(completedUsers(temp.path));
    // Everything acknowledged before the backup started is in it, and nothing it holds is invented.
    expect(copied.length).toBeGreaterThanOrEqual(before);
    expect(copied.filter((userId) => !live.has(userId))).toEqual([]);
    expect(live.size).toBeGreaterThan(copied.length);
    // The copy opens as a store with the same rows, points matching completions.
    const restored = openStore(target);
    expect(restored.migration.applied).toEqual([]);
    expect(restored.leaderboard.top({ guildId, limit: 100_000 })).toHaveLength(copied.length);
    expect(restored.leaderboard.top({ guildId, limit: 1 })[0]?.points).toBe(pointsTable.stepCompleted);
    restored.close();
  }, 120_000);

  it('refuses to overwrite an existing file or read a missing database', async () => {
    const target = join(temp.dir, 'taken.sqlite');
    writeFileSync(target, 'keep me');
    await expect(backupDatabase(temp.path, target)).rejects.toMatchObject({ code: 'backup-target-exists' });
    await expect(
      backupDatabase(join(temp.dir, 'none.sqlite'), join(temp.dir, 'b.sqlite')),
    ).rejects.toBeInstanceOf(StoreError);
    await expect(backupDatabase(temp.path, join(temp.dir, 'no', 'dir', 'b.sqlite'))).rejects.toMatchObject({
      code: 'backup-directory-missing',
    });
  });
});

describe('npm run db:backup', () => {
  const cli = fileURLToPath(new URL('../../src/store/cli/backup.ts', import.meta.url));
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args], {
      env: { ...process.env, DATABASE_PATH: temp.path, LANG: 'C.UTF-8' },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('writes the backup and says where, then refuses to overwrite it in Korean', async () => {
    temp.store.manifests.put('sha256:cli', 'application/json', '{}');
    const target = join(temp.dir, 'cli-backup.sqlite');
    const first = await run([target]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('백업 완료');
    expect(first.stdout).toContain(target);
    expect(existsSync(target)).toBe(true);
    const copy = openStore(target);
    expect(copy.manifests.get('sha256:cli')).toEqual({ mediaType: 'application/json', body: '{}' });
    copy.close();

    const second = await run([target]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('이미 있는 파일');
    expect(second.stderr).not.toContain('    at ');
    const usage = await run([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('npm run db:backup');
  }, 60_000);
});
