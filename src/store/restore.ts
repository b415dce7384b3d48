import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { StoreError } from './errors.js';
import { latestSchemaVersion } from './migrate.js';

export interface RestoreResult {
  /** The database now in place. */
  path: string;
  /** The backup's schema version (pending migrations run when the bot next starts). */
  schemaVersion: number;
  /** Where the database that was in place went (with its -wal/-shm files), or null if there was none. */
  setAside: string | null;
}

/** SQLite keeps a database's recent commits in these files beside it; they move with it. */
const companions = ['', '-wal', '-shm'] as const;

/** A table every version of the schema has: how a backup of this bot is told from another SQLite file. */
const markerTable = 'learners';

function openCopy(copyPath: string, backupPath: string): Database {
  try {
    return new BetterSqlite3(copyPath, { fileMustExist: true });
  } catch (error) {
    throw new StoreError(
      'restore-not-a-database',
      `${backupPath} cannot be opened as SQLite: ${String(error)}`,
      {
        path: backupPath,
      },
    );
  }
}

/** Checks that `backupPath` is a whole, undamaged backup of this bot that this code can run. */
function checkBackup(backup: Database, backupPath: string): number {
  let verdict: unknown;
  try {
    verdict = backup.pragma('quick_check', { simple: true });
  } catch {
    verdict = 'unreadable';
  }
  if (verdict !== 'ok') {
    throw new StoreError('restore-not-a-database', `${backupPath} is not an intact SQLite database.`, {
      path: backupPath,
    });
  }
  const hasMarker = backup
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
    .get(markerTable);
  if (!hasMarker) {
    throw new StoreError('restore-not-a-database', `${backupPath} is not a docker-study-bot database.`, {
      path: backupPath,
    });
  }
  const version = backup.pragma('user_version', { simple: true }) as number;
  if (version > latestSchemaVersion) {
    throw new StoreError(
      'database-newer-than-code',
      `${backupPath} has schema version ${version}; this code knows up to ${latestSchemaVersion}.`,
      { databaseVersion: version, codeVersion: latestSchemaVersion },
    );
  }
  return version;
}

/**
 * Puts a backup in place of the database. The caller must hold the instance lock (no bot
 * running). A copy of the backup is checked first (intact, this bot's, not newer than the
 * code); the current database moves aside together with its -wal/-shm files (never a stale
 * -wal beside the restored file); the checked copy is renamed into place.
 */
export function restoreDatabase(
  backupPath: string,
  databasePath: string,
  now: Date = new Date(),
): RestoreResult {
  const target = resolve(databasePath);
  if (!existsSync(backupPath)) {
    throw new StoreError('restore-source-missing', `There is no backup at ${backupPath}.`, {
      path: backupPath,
    });
  }
  if (resolve(backupPath) === target) {
    throw new StoreError('restore-onto-itself', `${backupPath} is the database itself.`, { path: target });
  }
  // The backup itself is never opened (SQLite would leave -wal/-shm files beside it, and it may
  // sit on read-only media): a copy is checked, and its -wal (a raw copy of a live database)
  // folded in, before anything in place is touched.
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.restoring-${process.pid}`;
  const removePartial = () => {
    for (const suffix of companions) rmSync(partial + suffix, { force: true });
  };
  let schemaVersion: number;
  try {
    copyFileSync(backupPath, partial);
    if (existsSync(`${backupPath}-wal`)) copyFileSync(`${backupPath}-wal`, `${partial}-wal`);
    const copy = openCopy(partial, backupPath);
    try {
      schemaVersion = checkBackup(copy, backupPath);
      copy.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      copy.close();
    }
  } catch (error) {
    removePartial();
    throw error;
  }
  let setAside: string | null = null;
  if (existsSync(target)) {
    setAside = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of companions)
      if (existsSync(target + suffix)) renameSync(target + suffix, setAside + suffix);
  } else {
    for (const suffix of companions.slice(1)) rmSync(target + suffix, { force: true });
  }
  renameSync(partial, target);
  for (const suffix of companions.slice(1)) rmSync(partial + suffix, { force: true });
  return { path: target, schemaVersion, setAside };
}
