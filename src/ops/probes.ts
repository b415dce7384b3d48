import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { HealthProbe } from './health.js';

/** How long the write probe waits for SQLite's write lock before calling the database stuck. */
const probeBusyTimeoutMs = 250;

/**
 * The database can take a write: the connection is open, the file and its folder (where the
 * -wal and -shm files live) are writable, and SQLite grants the write lock. Nothing is written.
 */
export function databaseProbe(db: Database, path: string): HealthProbe {
  return {
    name: 'database',
    check() {
      if (!db.open) return { ok: false, detail: 'the database is closed' };
      try {
        accessSync(dirname(path), constants.W_OK);
        accessSync(path, constants.W_OK);
      } catch (error) {
        return {
          ok: false,
          detail: `not writable: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        };
      }
      // Handlers never leave a transaction open across ticks; if one is open, it is writing.
      if (db.inTransaction) return { ok: true, detail: 'writable' };
      const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
      db.pragma(`busy_timeout = ${probeBusyTimeoutMs}`);
      try {
        db.exec('BEGIN IMMEDIATE');
        db.exec('ROLLBACK');
        return { ok: true, detail: 'writable' };
      } catch (error) {
        return {
          ok: false,
          detail: `cannot take the write lock: ${(error as { code?: string }).code ?? String(error)}`,
        };
      } finally {
        db.pragma(`busy_timeout = ${busyTimeout}`);
      }
    },
  };
}

/** The course is loaded: at least one lesson is served. */
export function courseProbe(catalog: { list(): readonly unknown[] }): HealthProbe {
  return {
    name: 'course',
    check() {
      const lessons = catalog.list().length;
      return lessons > 0
        ? { ok: true, detail: `${lessons} lessons` }
        : { ok: false, detail: 'no lessons loaded' };
    },
  };
}

/** The Discord gateway connection is ready to receive interactions. */
export function gatewayProbe(gateway: { connected: boolean; describe(): string }): HealthProbe {
  return { name: 'gateway', check: () => ({ ok: gateway.connected, detail: gateway.describe() }) };
}

/**
 * Docker Hub as /verify sees it, for the operator's eye only: an outage there is not the bot's
 * failure (learners are told at once and nothing is recorded), so a restart would not help and
 * this check never fails.
 */
export function dockerHubProbe(hub: {
  hubStatus(): { breaker: string; retryAfterSeconds: number; running: number; queued: number };
}): HealthProbe {
  return {
    name: 'dockerHub',
    check() {
      const { breaker, retryAfterSeconds, running, queued } = hub.hubStatus();
      const retry = breaker === 'closed' ? '' : `, next try in ${retryAfterSeconds} s`;
      return { ok: true, detail: `breaker ${breaker}${retry}; lookups ${running} running, ${queued} queued` };
    },
  };
}
