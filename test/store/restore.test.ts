import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock } from '../../src/ops/instance-lock.js';
import { backupDatabase } from '../../src/store/backup.js';
import { openStore, type Store } from '../../src/store/index.js';
import { restoreDatabase } from '../../src/store/restore.js';
import { guildId, type TempStore, tempStore } from './factory.js';

const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, '../..');

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.cleanup());

function addGroup(store: Store, channel: number, name: string): void {
  store.groups.create({ guildId, channelId: `30000000000000000${channel}`, name, createdBy: '1', at: 1 });
}

function groupNames(path: string): string[] {
  const store = openStore(path);
  try {
    return store.groups
      .list(guildId)
      .map((group) => group.name)
      .sort();
  } finally {
    store.close();
  }
}

/** `npm run db:restore -- FILE`, exactly as the manual says, on the temp database. */
function restoreCli(file: string) {
  return run('npm', ['run', '-s', 'db:restore', '--', file], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_PATH: temp.path, LANG: 'ko_KR.UTF-8', DISCORD_TOKEN: '' },
  }).then(
    (done) => ({ code: 0, ...done }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );
}

/** A database with group `before` in its backup and `after` added since; returns the backup's path. */
async function backupBetween(before: string, after: string): Promise<string> {
  addGroup(temp.store, 1, before);
  const backup = join(temp.dir, 'backup.sqlite');
  await backupDatabase(temp.path, backup);
  addGroup(temp.store, 2, after);
  temp.store.close();
  return backup;
}

describe('restoring a backup', () => {
  it('puts the backup in place and keeps the newer database aside, WAL and all', async () => {
    const backup = await backupBetween('월요 스터디', '화요 스터디');

    const result = restoreDatabase(backup, temp.path, new Date('2026-11-29T10:00:00Z'));
    expect(result).toEqual({
      path: temp.path,
      schemaVersion: temp.store.migration.to,
      setAside: `${temp.path}.before-restore-2026-11-29T10-00-00-000Z`,
    });
    expect(groupNames(temp.path)).toEqual(['월요 스터디']);
    expect(groupNames(result.setAside!)).toEqual(['월요 스터디', '화요 스터디']);
    // Nothing beside the restored file that SQLite could replay into it; the backup untouched.
    const left = readdirSync(temp.dir).sort();
    expect(left.filter((name) => name.startsWith('bot.sqlite-'))).toEqual([]);
    expect(left.filter((name) => name.startsWith('backup.sqlite'))).toEqual(['backup.sqlite']);
  });

  it('refuses a file that is not an intact backup of this bot, or is newer than the code, changing nothing', async () => {
    addGroup(temp.store, 1, '그대로');
    temp.store.close();
    const before = readFileSync(temp.path);

    const text = join(temp.dir, 'notes.txt');
    writeFileSync(text, 'not a database');
    const other = join(temp.dir, 'other.sqlite');
    new BetterSqlite3(other).exec('CREATE TABLE t (x)').close();
    const newer = join(temp.dir, 'newer.sqlite');
    await backupDatabase(temp.path, newer);
    new BetterSqlite3(newer).pragma('user_version = 999');
    const truncated = join(temp.dir, 'truncated.sqlite');
    writeFileSync(truncated, before.subarray(0, 4096));

    expect(() => restoreDatabase(join(temp.dir, 'missing.sqlite'), temp.path)).toThrow(
      expect.objectContaining({ code: 'restore-source-missing' }),
    );
    expect(() => restoreDatabase(temp.path, temp.path)).toThrow(
      expect.objectContaining({ code: 'restore-onto-itself' }),
    );
    for (const bad of [text, other, truncated])
      expect(() => restoreDatabase(bad, temp.path)).toThrow(
        expect.objectContaining({ code: 'restore-not-a-database' }),
      );
    expect(() => restoreDatabase(newer, temp.path)).toThrow(
      expect.objectContaining({ code: 'database-newer-than-code', details: expect.anything() }),
    );
    expect(readFileSync(temp.path).equals(before)).toBe(true);
    expect(
      readdirSync(temp.dir).filter((name) => name.includes('restoring') || name.includes('before-restore')),
    ).toEqual([]);
  });

  it('npm run db:restore refuses while a bot holds the database, then restores once it stopped', async () => {
    const backup = await backupBetween('백업 당시', '나중에');

    const bot = acquireInstanceLock(temp.path);
    const refused = await restoreCli(backup);
    bot.release();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('봇이 이 데이터베이스로 실행 중이에요');
    expect(refused.stderr).toContain('아무것도 바꾸지 않았어요');
    expect(groupNames(temp.path)).toEqual(['나중에', '백업 당시']);

    const restored = await restoreCli(backup);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toContain(`✅ 복원 완료: ${backup} → ${temp.path}`);
    expect(restored.stdout).toContain('이전 데이터베이스는');
    expect(groupNames(temp.path)).toEqual(['백업 당시']);

    const usage = await restoreCli(' ');
    expect(usage).toMatchObject({ code: 2 });
    expect(usage.stderr).toContain('사용법: npm run db:restore -- <백업 파일 경로>');
  });

  it('restores a raw copy of a live database together with its -wal file', () => {
    addGroup(temp.store, 1, '복사본');
    // A copy taken while the bot runs: the last commits are still in the -wal file.
    const raw = join(temp.dir, 'raw.sqlite');
    copyFileSync(temp.path, raw);
    copyFileSync(`${temp.path}-wal`, `${raw}-wal`);
    temp.store.close();
    restoreDatabase(raw, join(temp.dir, 'fresh', 'bot.sqlite'));
    expect(groupNames(join(temp.dir, 'fresh', 'bot.sqlite'))).toEqual(['복사본']);
    expect(existsSync(join(temp.dir, 'fresh', 'bot.sqlite-wal'))).toBe(false);
  });
});
