import type { Database } from 'better-sqlite3';
import { StoreError } from './errors.js';
import { migrations } from './migrations/index.js';

/** One forward-only schema change. `version` counts up from 1 without gaps. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the code's schema. Each migration runs in its own IMMEDIATE
 * transaction together with its user_version bump, so a crash leaves the previous version
 * intact and two processes starting at once cannot apply the same step twice.
 */
export function migrate(db: Database, list: readonly Migration[] = migrations): MigrationReport {
  const latest = list.at(-1)?.version ?? 0;
  const from = schemaVersion(db);
  if (from > latest) {
    throw new StoreError(
      'database-newer-than-code',
      `The database schema is version ${from}, but this code knows only up to version ${latest}. ` +
        'Run a newer version of the bot, or restore a backup made by this version.',
      { databaseVersion: from, codeVersion: latest },
    );
  }
  const applied: string[] = [];
  for (const migration of list) {
    const step = db.transaction(() => {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      if (schemaVersion(db) >= migration.version) return false;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
      return true;
    });
    if (step.immediate()) applied.push(`${migration.version}: ${migration.name}`);
  }
  return { from, to: schemaVersion(db), applied };
}
