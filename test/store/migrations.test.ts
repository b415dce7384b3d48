import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { latestSchemaVersion, openStore, StoreError } from '../../src/store/index.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';

const dirs: string[] = [];
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'store-migrate-'));
  dirs.push(dir);
  return join(dir, 'nested', 'bot.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('creates the schema from an empty file, with WAL and foreign keys on', () => {
    const path = tempPath();
    const store = openStore(path);
    expect(store.migration.from).toBe(0);
    expect(store.migration.to).toBe(latestSchemaVersion);
    expect(store.migration.applied).toHaveLength(migrations.length);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Small pages: each event rewrites fewer bytes (docs/store.md, Performance).
    expect(store.db.pragma('page_size', { simple: true })).toBe(1024);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    const tables = store.db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'lessons',
        'learners',
        'step_completions',
        'quiz_results',
        'docker_claims',
        'manifests',
      ]),
    );
    store.close();
  });

  it('applies nothing the second time and keeps the data', () => {
    const path = tempPath();
    const first = openStore(path);
    first.manifests.put('sha256:abc', 'application/json', '{"x":1}');
    first.close();
    const second = openStore(path);
    expect(second.migration).toEqual({ from: latestSchemaVersion, to: latestSchemaVersion, applied: [] });
    expect(second.manifests.get('sha256:abc')).toEqual({ mediaType: 'application/json', body: '{"x":1}' });
    second.close();
  });

  it('refuses a database made by newer code, with both versions in the message', () => {
    const path = tempPath();
    openStore(path).close();
    const raw = new BetterSqlite3(path);
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.close();
    let caught: unknown;
    try {
      openStore(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).code).toBe('database-newer-than-code');
    expect((caught as StoreError).details).toEqual({
      databaseVersion: latestSchemaVersion + 1,
      codeVersion: latestSchemaVersion,
    });
    expect((caught as StoreError).message).toContain(`version ${latestSchemaVersion + 1}`);
  });

  it('rolls back a failing migration as a whole and stays at the previous version', () => {
    const db = openDatabase(tempPath());
    const good = { version: 1, name: 'one table', sql: 'CREATE TABLE a (x INTEGER);' };
    const bad = {
      version: 2,
      name: 'broken',
      sql: 'CREATE TABLE b (y INTEGER); INSERT INTO missing VALUES (1);',
    };
    expect(() => migrate(db, [good, bad])).toThrow(/missing/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .all();
    expect(tables.map((row) => row.name)).toEqual(['a']);
    db.close();
  });
});
