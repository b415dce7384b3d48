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
