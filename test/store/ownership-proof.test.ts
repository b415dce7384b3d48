import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TAG_PATTERN } from '../../src/registry/names.js';
import {
  ownershipProofCode,
  ownershipProofTag,
  PROOF_CODE_LENGTH,
} from '../../src/services/verification/ownership-proof.js';
import type { Store } from '../../src/store/index.js';
import { guildId, otherGuildId, type TempStore, tempStore, user } from './factory.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.cleanup());

/** The code the bot gives a learner for a Docker ID, from what the store keeps. */
function codeIn(store: Store, learner: { guildId: string; userId: string }, dockerId: string): string {
  return ownershipProofCode(store.secrets.get('ownership-proof'), {
    ...learner,
    dockerId,
    releases: store.claims.releases(learner.guildId, dockerId),
  });
}

describe('ownership proof codes', () => {
  it('are short, typeable and make a valid Docker tag', () => {
    const code = codeIn(temp.store, { guildId, userId: user(1) }, 'alice');
    expect(code).toMatch(new RegExp(`^[0-9a-hjkmnp-tv-z]{${PROOF_CODE_LENGTH}}$`));
    expect(ownershipProofTag(code)).toBe(`verify-${code}`);
    expect(TAG_PATTERN.test(ownershipProofTag(code))).toBe(true);
  });

  it('stay the same when the database is opened again (a restart)', () => {
    const learner = { guildId, userId: user(1) };
    const before = codeIn(temp.store, learner, 'alice');
    temp.store.close();
    const reopened = temp.reopen();
    expect(codeIn(reopened, learner, 'alice')).toBe(before);
    expect(codeIn(reopened, learner, 'ALICE')).toBe(before);
  });

  it('differ per learner, per Docker ID and per server', () => {
    const codes = [
      codeIn(temp.store, { guildId, userId: user(1) }, 'alice'),
      codeIn(temp.store, { guildId, userId: user(2) }, 'alice'),
      codeIn(temp.store, { guildId, userId: user(1) }, 'alice2'),
      codeIn(temp.store, { guildId: otherGuildId, userId: user(1) }, 'alice'),
    ];
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('change after an instructor releases the Docker ID, for everyone', () => {
    const first = { guildId, userId: user(1) };
    const second = { guildId, userId: user(2) };
    const before = [codeIn(temp.store, first, 'alice'), codeIn(temp.store, second, 'alice')];
    const otherId = codeIn(temp.store, first, 'carol');
    temp.store.claims.claim({ ...first, dockerId: 'alice', at: 1 });
    // Claiming does not change a code; only a release does.
    expect(codeIn(temp.store, second, 'alice')).toBe(before[1]);
    temp.store.claims.release(guildId, 'alice');
    const after = [codeIn(temp.store, first, 'alice'), codeIn(temp.store, second, 'alice')];
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    // Another Docker ID is untouched by that release.
    expect(codeIn(temp.store, first, 'carol')).toBe(otherId);
  });

  it('come from a random key per database, made once and kept', () => {
    const other = tempStore();
    try {
      const learner = { guildId, userId: user(1) };
      const key = temp.store.secrets.get('ownership-proof');
      expect(key).toHaveLength(32);
      expect(other.store.secrets.get('ownership-proof').equals(key)).toBe(false);
      expect(codeIn(other.store, learner, 'alice')).not.toBe(codeIn(temp.store, learner, 'alice'));
      // A second connection (another process) reads the same key instead of making its own.
      expect(temp.reopen().secrets.get('ownership-proof').equals(key)).toBe(true);
    } finally {
      other.cleanup();
    }
  });

  it('spread over the whole alphabet (no learner can predict a neighbour’s code)', () => {
    const key = Buffer.alloc(32, 7);
    const seen = new Set<string>();
    const codes = new Set<string>();
    for (let n = 0; n < 2_000; n += 1) {
      const code = ownershipProofCode(key, { guildId, userId: user(n), dockerId: 'alice', releases: 0 });
      codes.add(code);
      for (const char of code) seen.add(char);
    }
    expect(seen.size).toBe(32);
    expect(codes.size).toBe(2_000);
  });
});
