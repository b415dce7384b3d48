import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';

/** How long a writer waits for another process's lock (a deploy script, a backup) before failing. */
export const busyTimeoutMs = 5_000;

/**
 * WAL size at which SQLite copies it back into the database file (default 1000 pages, 4 MB).
 * Each event touches several hot pages (points tables and their indexes); checkpointing less
 * often copies each hot page once per many events and fsyncs less, for about 1.5x the event
 * rate. The WAL file grows to about 40 MB between checkpoints, whatever the page size.
 */
const walAutocheckpointBytes = 40 * 1024 * 1024;

/**
 * Page size of a newly created database file (SQLite's default is 4096; an existing file keeps
 * its own). Each event rewrites about six small, scattered b-tree pages, and with
 * synchronous=NORMAL every checkpoint flushes all WAL bytes to disk: smaller pages write a
 * quarter of the bytes per event, which is what bounds the event rate (see docs/store.md).
 */
const newFilePageSize = 1024;

/** Page cache per connection in KiB (default 2 MiB): keeps the points indexes of a big server in memory. */
const pageCacheKib = 32 * 1024;

/**
 * Opens the SQLite file with the settings every connection needs: WAL so readers never block
 * the writer, foreign keys enforced, a busy timeout, and synchronous=NORMAL (safe in WAL: a
 * killed process loses nothing it committed; only a power cut may drop the last commits).
 */
export function openDatabase(path: string, options: { mustExist?: boolean } = {}): Database {
  if (!options.mustExist && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path, { fileMustExist: options.mustExist ?? false, timeout: busyTimeoutMs });
  // Takes effect only while the file is still empty; must precede the switch to WAL.
  db.pragma(`page_size = ${newFilePageSize}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${Math.round(walAutocheckpointBytes / pageSize)}`);
  db.pragma(`cache_size = -${pageCacheKib}`);
  return db;
}
