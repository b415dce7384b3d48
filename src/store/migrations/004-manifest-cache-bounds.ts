import type { Migration } from '../migrate.js';

/**
 * Bounds the manifest cache: each row gets its size in bytes and when it was last used, so the
 * least recently used manifests can go first once the cache is over its count or byte bound.
 * Triggers keep the totals in one row, so a put never counts the table. Rows from before this
 * migration count as never used: they are the first to go.
 * (Self-contained on purpose: a released migration must not change with later code.)
 */
export const manifestCacheBounds: Migration = {
  version: 4,
  name: 'manifest cache bounds',
  sql: `
ALTER TABLE manifests ADD COLUMN size_bytes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE manifests ADD COLUMN last_used_at INTEGER NOT NULL DEFAULT 0;
UPDATE manifests SET size_bytes = length(CAST(body AS BLOB));
-- Oldest use first, covering the eviction walk without reading bodies.
CREATE INDEX manifests_by_last_use ON manifests (last_used_at, size_bytes);

CREATE TABLE manifest_cache_totals (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  entries INTEGER NOT NULL,
  bytes   INTEGER NOT NULL
);
INSERT INTO manifest_cache_totals (id, entries, bytes)
  SELECT 1, COUNT(*), COALESCE(SUM(size_bytes), 0) FROM manifests;
CREATE TRIGGER manifests_totals_insert AFTER INSERT ON manifests BEGIN
  UPDATE manifest_cache_totals SET entries = entries + 1, bytes = bytes + NEW.size_bytes;
END;
CREATE TRIGGER manifests_totals_delete AFTER DELETE ON manifests BEGIN
  UPDATE manifest_cache_totals SET entries = entries - 1, bytes = bytes - OLD.size_bytes;
END;
CREATE TRIGGER manifests_totals_resize AFTER UPDATE OF size_bytes ON manifests BEGIN
  UPDATE manifest_cache_totals SET bytes = bytes - OLD.size_bytes + NEW.size_bytes;
END;
`,
};
