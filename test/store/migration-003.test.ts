import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { latestSchemaVersion, openStore, type Store } from '../../src/store/index.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { guildId, type TempStore, tempStore, user } from './factory.js';

let temp: TempStore;
let upgraded: Store | undefined;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => {
  upgraded?.close();
  temp.cleanup();
});

/** A database as the previous version left it: schema 2, with claims made before proofs existed. */
function previousVersionDatabase(path: string): void {
  const db = openDatabase(path);
  migrate(
    db,
    migrations.filter((migration) => migration.version <= 2),
  );
  const insert = db.prepare(
    'INSERT INTO docker_claims (guild_id, user_id, docker_id, claimed_at) VALUES (?, ?, ?, ?)',
  );
  insert.run(guildId, user(1), 'alice', 100);
  insert.run(guildId, user(2), 'bob', 200);
  db.close();
}

describe('migration 003 (ownership proof)', () => {
  it('keeps every claim made before proofs existed, valid and marked as unproven-by-tag', () => {
    const path = `${temp.dir}/from-002.sqlite`;
    previousVersionDatabase(path);
    upgraded = openStore(path);
    expect(upgraded.migration).toEqual({
      from: 2,
      to: latestSchemaVersion,
      applied: expect.arrayContaining(['3: ownership proof and shared digests']),
    });
    expect(upgraded.claims.held({ guildId, userId: user(1) })).toEqual({
      dockerId: 'alice',
      proofTag: null,
      claimedAt: 100,
    });
    expect(upgraded.claims.owner(guildId, 'bob')).toBe(user(2));
    // Still the learner's: claiming it again is fine, another learner is refused.
    expect(upgraded.claims.claim({ guildId, userId: user(1), dockerId: 'alice', at: 300 })).toEqual({
      ok: true,
      dockerId: 'alice',
    });
    expect(upgraded.claims.claim({ guildId, userId: user(3), dockerId: 'alice', at: 300 })).toMatchObject({
      ok: false,
      reason: 'claimed-by-other',
    });
    expect(upgraded.claims.releases(guildId, 'alice')).toBe(0);
  });
});
