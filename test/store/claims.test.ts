import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guildId, otherGuildId, type TempStore, tempStore, user } from './factory.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.cleanup());

describe('Docker ID claims', () => {
  it('gives a Docker ID to one learner per guild and tells others who holds it', () => {
    const claims = temp.store.claims;
    expect(claims.claim({ guildId, userId: user(1), dockerId: 'alice', at: 1 })).toEqual({
      ok: true,
      dockerId: 'alice',
    });
    expect(claims.claim({ guildId, userId: user(1), dockerId: 'Alice', at: 2 })).toEqual({
      ok: true,
      dockerId: 'alice',
    });
    expect(claims.claim({ guildId, userId: user(2), dockerId: 'ALICE', at: 3 })).toEqual({
      ok: false,
      reason: 'claimed-by-other',
      claimedBy: user(1),
    });
    expect(claims.get({ guildId, userId: user(1) })).toBe('alice');
    expect(claims.get({ guildId, userId: user(2) })).toBeNull();
    expect(claims.owner(guildId, 'alice')).toBe(user(1));
  });

  it('lets the same Docker ID be claimed in another guild', () => {
    temp.store.claims.claim({ guildId, userId: user(1), dockerId: 'alice', at: 1 });
    expect(
      temp.store.claims.claim({ guildId: otherGuildId, userId: user(2), dockerId: 'alice', at: 2 }),
    ).toEqual({
      ok: true,
      dockerId: 'alice',
    });
  });

  it('keeps one Docker ID per learner unless the caller asks to replace it', () => {
    const claims = temp.store.claims;
    claims.claim({ guildId, userId: user(1), dockerId: 'alice', at: 1 });
    expect(claims.claim({ guildId, userId: user(1), dockerId: 'alice2', at: 2 })).toEqual({
      ok: false,
      reason: 'learner-has-other',
      dockerId: 'alice',
    });
    expect(claims.claim({ guildId, userId: user(1), dockerId: 'alice2', at: 3, replace: true })).toEqual({
      ok: true,
      dockerId: 'alice2',
    });
    expect(claims.owner(guildId, 'alice')).toBeNull();
    expect(claims.get({ guildId, userId: user(1) })).toBe('alice2');
  });

  it('frees a Docker ID on release so another learner can claim it', () => {
    const claims = temp.store.claims;
    claims.claim({ guildId, userId: user(1), dockerId: 'alice', at: 1 });
    expect(claims.release(guildId, 'ALICE')).toBe(user(1));
    expect(claims.release(guildId, 'alice')).toBeNull();
    expect(claims.claim({ guildId, userId: user(2), dockerId: 'alice', at: 2 })).toEqual({
      ok: true,
      dockerId: 'alice',
    });
  });
});

describe('claim proofs and releases', () => {
  it('keeps the proof tag of a claim and shows it with the claim', () => {
    const claims = temp.store.claims;
    claims.claim({ guildId, userId: user(1), dockerId: 'alice', at: 10, proofTag: 'verify-abc123' });
    expect(claims.held({ guildId, userId: user(1) })).toEqual({
      dockerId: 'alice',
      proofTag: 'verify-abc123',
      claimedAt: 10,
    });
    expect(claims.held({ guildId, userId: user(2) })).toBeNull();
  });

  it('counts each release of a Docker ID per server, and only real releases', () => {
    const claims = temp.store.claims;
    expect(claims.releases(guildId, 'alice')).toBe(0);
    claims.claim({ guildId, userId: user(1), dockerId: 'alice', at: 1 });
    claims.release(guildId, 'alice');
    expect(claims.releases(guildId, 'ALICE')).toBe(1);
    // Nobody holds it now: releasing again changes nothing.
    expect(claims.release(guildId, 'alice')).toBeNull();
    expect(claims.releases(guildId, 'alice')).toBe(1);
    claims.claim({ guildId, userId: user(2), dockerId: 'alice', at: 2 });
    claims.release(guildId, 'alice');
    expect(claims.releases(guildId, 'alice')).toBe(2);
    expect(claims.releases(otherGuildId, 'alice')).toBe(0);
    expect(claims.releases(guildId, 'bob')).toBe(0);
  });
});
