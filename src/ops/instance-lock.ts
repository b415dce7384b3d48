import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';

/** Another process (a running bot, or a restore) holds the database. */
export class InstanceLockedError extends Error {
  override name = 'InstanceLockedError';

  constructor(readonly lockPath: string) {
    super(`Another process holds ${lockPath}: a bot (or a restore) is already using this database.`);
  }
}

export interface InstanceLock {
  readonly path: string;
  release(): void;
}

/** The sidecar file beside the database that only one process at a time may hold. */
export function lockPathFor(databasePath: string): string {
  return `${databasePath}.lock`;
}

/**
 * Makes this process the only one using `databasePath`: SQLite itself holds an exclusive
 * lock on a sidecar `<database>.lock` file for as long as the process lives. The operating
 * system drops the lock when the process ends in any way (kill -9 included), so a crash never
 * leaves a stale lock behind. The database itself stays open to readers: backups still work.
 */
export function acquireInstanceLock(databasePath: string): InstanceLock {
  const path = lockPathFor(databasePath);
  mkdirSync(dirname(path), { recursive: true });
  // No busy wait: a held lock is an answer, not something to queue behind.
  const db: Database = new BetterSqlite3(path, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // An exclusive transaction that is never committed keeps the lock until close (or death).
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new InstanceLockedError(path);
    throw error;
  }
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}
