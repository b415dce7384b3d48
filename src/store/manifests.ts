import type { Database } from 'better-sqlite3';
import type { ManifestCache } from '../registry/manifest-cache.js';
import type { EpochMs } from './types.js';

export type { ManifestCache } from '../registry/manifest-cache.js';

export interface ManifestCacheLimits {
  maxEntries: number;
  maxBytes: number;
  /** Bigger manifests are served but not kept: one of them would push out hundreds of real ones. */
  maxEntryBytes: number;
}

/**
 * A real image manifest or index is a few KiB, so these bounds keep thousands of learners'
 * images (one pull each, ever) while a learner pushing 4 MiB manifests cannot fill the disk.
 */
export const MANIFEST_CACHE_LIMITS: ManifestCacheLimits = {
  maxEntries: 5_000,
  maxBytes: 64 * 1024 * 1024,
  maxEntryBytes: 1024 * 1024,
};

/**
 * Past a bound, eviction makes room down to this share of it, so it runs once per many puts
 * instead of on every put of a full cache.
 */
export const EVICT_TO_SHARE = 0.9;

/**
 * A hit writes its time only when the stored one is older than this: recency to the minute is
 * plenty for eviction, and most hits (the base image on every /verify) then cost no write.
 */
export const TOUCH_GRANULARITY_MS = 60_000;

interface StoredRow {
  digest: string;
  mediaType: string;
  body: string;
  size: number;
}

/**
 * Registry manifests by digest, least recently used out first. A digest names immutable bytes,
 * so a stored body never changes; only its last use does.
 */
export function sqliteManifestCache(
  db: Database,
  options: { now: () => EpochMs; limits?: ManifestCacheLimits },
): ManifestCache {
  const limits = options.limits ?? MANIFEST_CACHE_LIMITS;
  const select = db.prepare<[string], { mediaType: string; body: string }>(
    'SELECT media_type AS mediaType, body FROM manifests WHERE digest = ?',
  );
  const exists = db.prepare<[string], { found: 1 }>('SELECT 1 AS found FROM manifests WHERE digest = ?');
  const touch = db.prepare<{ digest: string; now: EpochMs; staleBefore: EpochMs }>(
    'UPDATE manifests SET last_used_at = @now WHERE digest = @digest AND last_used_at < @staleBefore',
  );
  const insert = db.prepare<StoredRow & { now: EpochMs }>(
    `INSERT INTO manifests (digest, media_type, body, size_bytes, last_used_at)
     VALUES (@digest, @mediaType, @body, @size, @now)
     ON CONFLICT (digest) DO UPDATE SET last_used_at = excluded.last_used_at`,
  );
  const totals = db.prepare<[], { entries: number; bytes: number }>(
    'SELECT entries, bytes FROM manifest_cache_totals',
  );
  const oldestFirst = db.prepare<[], { digest: string; size: number }>(
    'SELECT digest, size_bytes AS size FROM manifests ORDER BY last_used_at, size_bytes, digest',
  );
  const remove = db.prepare<[string]>('DELETE FROM manifests WHERE digest = ?');

  const entryGoal = Math.floor(limits.maxEntries * EVICT_TO_SHARE);
  const byteGoal = Math.floor(limits.maxBytes * EVICT_TO_SHARE);
  // The newest row must survive the eviction its own put starts.
  const maxEntryBytes = Math.min(limits.maxEntryBytes, byteGoal);
  const makeRoom = (entries: number, bytes: number) => {
    const victims: string[] = [];
    // The walk reads the index only, and stops as soon as enough has gone.
    for (const row of oldestFirst.iterate()) {
      if (entries <= entryGoal && bytes <= byteGoal) break;
      victims.push(row.digest);
      entries -= 1;
      bytes -= row.size;
    }
    for (const digest of victims) remove.run(digest);
  };
  const putInTransaction = db.transaction((row: StoredRow) => {
    insert.run({ ...row, now: options.now() });
    const { entries, bytes } = totals.get()!;
    if (entries > limits.maxEntries || bytes > limits.maxBytes) makeRoom(entries, bytes);
  });

  return {
    get: (digest) => {
      const row = select.get(digest);
      if (row) {
        const now = options.now();
        touch.run({ digest, now, staleBefore: now - TOUCH_GRANULARITY_MS });
      }
      return row;
    },
    has: (digest) => exists.get(digest) !== undefined,
    put: (digest, mediaType, body) => {
      const size = Buffer.byteLength(body);
      if (size > maxEntryBytes) return;
      putInTransaction.immediate({ digest, mediaType, body, size });
    },
  };
}
