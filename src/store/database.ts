import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';

/** How long a writer waits for another process's lock (a deploy script, a backup) before failing. */
export const busyTimeoutMs = 5_000;

/**
 * WAL pages written before SQLite copies them back into the database file (default 1000).
 * Each event touches several hot pages (points tables and their indexes); checkpointing less
 * often copies each hot page once per many events and fsyncs less, for about 1.5x the event
 * rate. The WAL file grows to about 40 MB between checkpoints.
 */
const walAutocheckpointPages = 10_000;

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
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`wal_autocheckpoint = ${walAutocheckpointPages}`);
  db.pragma(`cache_size = -${pageCacheKib}`);
  return db;
}
