import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { openStore, type Store } from '../../src/store/index.js';
import {
  type ManifestCacheLimits,
  sqliteManifestCache,
  TOUCH_GRANULARITY_MS,
} from '../../src/store/manifests.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { ManualClock } from '../support/manual-clock.js';

const MEDIA = 'application/vnd.oci.image.manifest.v1+json';
/** A manifest-like body of exactly `bytes` bytes. */
const bodyOf = (tag: string, bytes = 100) => `{"m":"${tag}"}`.padEnd(bytes, ' ');
const digest = (name: string) => `sha256:${name}`;

let dir: string;
let clock: ManualClock;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'manifest-cache-'));
  clock = new ManualClock();
  store = openStore(join(dir, 'bot.sqlite'), { clock });
});
afterEach(() => {
  if (store.db.open) store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The store's cache with small bounds, on the same real database file. */
function boundedCache(limits: Partial<ManifestCacheLimits>) {
  return sqliteManifestCache(store.db, {
    now: () => clock.now(),
    limits: { maxEntries: 1_000, maxBytes: 1_000_000, maxEntryBytes: 100_000, ...limits },
  });
}

/** A minute later, so every use is distinct to the cache. */
const later = () => clock.advanceSeconds(TOUCH_GRANULARITY_MS / 1000);

function storedDigests(): string[] {
  return store.db
    .prepare<[], { digest: string }>('SELECT digest FROM manifests ORDER BY digest')
    .all()
    .map((row) => row.digest);
}

describe('manifest cache bounds', () => {
  it('past its count bound, drops the least recently used manifests, not the oldest stored', () => {
    const cache = boundedCache({ maxEntries: 10 });
    const names = Array.from({ length: 10 }, (_, i) => `m${i}`);
    for (const name of names) {
      cache.put(digest(name), MEDIA, bodyOf(name));
      later();
    }
    expect(storedDigests()).toHaveLength(10);
    expect(cache.get(digest('m0'))?.body).toBe(bodyOf('m0')); // used again: m1 is now the oldest use
    later();
    cache.put(digest('new'), MEDIA, bodyOf('new'));
    // Eleven is over ten: room is made down to nine, least recently used first.
    expect(storedDigests()).toEqual(
      [digest('new'), ...names.filter((name) => name !== 'm1' && name !== 'm2').map(digest)].sort(),
    );
    expect(cache.get(digest('m1'))).toBeUndefined();
    expect(cache.has(digest('m2'))).toBe(false);
    expect(cache.has(digest('m0'))).toBe(true);
  });

  it('past its byte bound, drops least recently used manifests until the rest fit with room to spare', () => {
    const cache = boundedCache({ maxBytes: 1_000 });
    for (const name of ['a', 'b', 'c']) {
      cache.put(digest(name), MEDIA, bodyOf(name, 300));
      later();
    }
    expect(storedDigests()).toEqual([digest('a'), digest('b'), digest('c')]);
    // 3 × 300 + 200 = 1100 is over 1000: the oldest goes, leaving 800 (under the 900 goal).
    cache.put(digest('d'), MEDIA, bodyOf('d', 200));
    expect(storedDigests()).toEqual([digest('b'), digest('c'), digest('d')]);
    const totals = store.db
      .prepare<[], { entries: number; bytes: number }>('SELECT entries, bytes FROM manifest_cache_totals')
      .get();
    const counted = store.db
      .prepare<[], { entries: number; bytes: number }>(
        'SELECT COUNT(*) AS entries, SUM(size_bytes) AS bytes FROM manifests',
      )
      .get();
    expect(totals).toEqual({ entries: 3, bytes: 800 });
    expect(counted).toEqual(totals);
  });

  it('counts bytes, not characters (Korean text in an annotation is 3 bytes a letter)', () => {
    const cache = boundedCache({});
    const body = '{"annotations":{"org.opencontainers.image.title":"이미지 갤러리"}}';
    cache.put(digest('ko'), MEDIA, body);
    const row = store.db
      .prepare<[string], { size: number }>('SELECT size_bytes AS size FROM manifests WHERE digest = ?')
      .get(digest('ko'));
    expect(row?.size).toBe(Buffer.byteLength(body));
    expect(row?.size).toBeGreaterThan(body.length);
  });

  it('serves but does not keep a manifest bigger than the per-entry bound', () => {
    const cache = boundedCache({ maxEntryBytes: 500 });
    cache.put(digest('small'), MEDIA, bodyOf('small', 500));
    cache.put(digest('padded'), MEDIA, bodyOf('padded', 501));
    expect(storedDigests()).toEqual([digest('small')]);
  });

  it('keeps the base image’s manifests that every lookup uses while learners’ images come and go', () => {
    const cache = boundedCache({ maxEntries: 10 });
    const base = [digest('base-index'), digest('base-amd64')];
    for (const each of base) cache.put(each, MEDIA, bodyOf(each));
    // Forty lookups, each: the base from the cache, then two new manifests of a learner.
    for (let lookup = 0; lookup < 40; lookup += 1) {
      later();
      for (const each of base) expect(cache.get(each)).toBeDefined();
      cache.put(digest(`learner-${lookup}-index`), MEDIA, bodyOf(`i${lookup}`));
      cache.put(digest(`learner-${lookup}-child`), MEDIA, bodyOf(`c${lookup}`));
    }
    const stored = storedDigests();
    expect(stored).toEqual(expect.arrayContaining(base));
    expect(stored).toContain(digest('learner-39-child'));
    expect(stored).not.toContain(digest('learner-0-index'));
    expect(stored.length).toBeLessThanOrEqual(10);
  });

  it('a base manifest nobody used for a long time goes before recently used learners’ manifests', () => {
    const cache = boundedCache({ maxEntries: 3 });
    cache.put(digest('old-base'), MEDIA, bodyOf('old-base'));
    for (const name of ['x', 'y', 'z']) {
      later();
      cache.put(digest(name), MEDIA, bodyOf(name));
    }
    // Room is made down to two (90 % of three): old-base and then x go.
    expect(storedDigests()).toEqual([digest('y'), digest('z')]);
  });

  it('a hit within the touch granularity writes nothing', () => {
    const cache = boundedCache({});
    cache.put(digest('a'), MEDIA, bodyOf('a'));
    const before = store.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    clock.advanceSeconds(1);
    cache.get(digest('a'));
    const after = store.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(after.n).toBe(before.n);
    clock.advanceSeconds(TOUCH_GRANULARITY_MS / 1000);
    cache.get(digest('a'));
    const touched = store.db.prepare('SELECT total_changes() AS n').get() as { n: number };
    expect(touched.n).toBe(before.n + 1);
  });

  it('the store’s own cache has the default bounds and stamps uses with the store’s clock', () => {
    store.manifests.put(digest('a'), MEDIA, bodyOf('a'));
    const row = store.db
      .prepare<[string], { usedAt: number; size: number }>(
        'SELECT last_used_at AS usedAt, size_bytes AS size FROM manifests WHERE digest = ?',
      )
      .get(digest('a'));
    expect(row).toEqual({ usedAt: clock.now(), size: 100 });
  });
});

describe('migration 004 (manifest cache bounds)', () => {
  it('sizes the rows already cached in bytes and makes them the first to go', () => {
    const path = join(dir, 'from-003.sqlite');
    const db = openDatabase(path);
    migrate(db, migrations.slice(0, 3));
    const koreanBody = '{"annotations":{"title":"갤러리"}}';
    db.prepare('INSERT INTO manifests (digest, media_type, body) VALUES (?, ?, ?)').run(
      digest('before'),
      MEDIA,
      koreanBody,
    );
    db.close();

    const upgraded = openStore(path, { clock });
    try {
      expect(upgraded.migration).toMatchObject({
        from: 3,
        applied: expect.arrayContaining(['4: manifest cache bounds']),
      });
      const row = upgraded.db
        .prepare<[string], { size: number; usedAt: number }>(
          'SELECT size_bytes AS size, last_used_at AS usedAt FROM manifests WHERE digest = ?',
        )
        .get(digest('before'));
      expect(row).toEqual({ size: Buffer.byteLength(koreanBody), usedAt: 0 });
      expect(upgraded.manifests.get(digest('before'))).toEqual({ mediaType: MEDIA, body: koreanBody });
      expect(upgraded.db.prepare('SELECT entries, bytes FROM manifest_cache_totals').get()).toEqual({
        entries: 1,
        bytes: Buffer.byteLength(koreanBody),
      });
      const plan = upgraded.db
        .prepare<[], { detail: string }>(
          'EXPLAIN QUERY PLAN SELECT digest, size_bytes FROM manifests ORDER BY last_used_at, size_bytes, digest',
        )
        .all()
        .map((step) => step.detail)
        .join(' ');
      expect(plan).toContain('COVERING INDEX manifests_by_last_use');
      expect(plan).not.toContain('TEMP B-TREE');
    } finally {
      upgraded.close();
    }
  });
});
