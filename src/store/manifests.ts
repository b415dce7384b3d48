import type { Database } from 'better-sqlite3';

/** Registry manifests by digest. A digest names immutable bytes, so entries never change. */
export interface ManifestCache {
  get(digest: string): { mediaType: string; body: string } | undefined;
  put(digest: string, mediaType: string, body: string): void;
}

export function sqliteManifestCache(db: Database): ManifestCache {
  const select = db.prepare<[string], { mediaType: string; body: string }>(
    'SELECT media_type AS mediaType, body FROM manifests WHERE digest = ?',
  );
  const insert = db.prepare<[string, string, string]>(
    'INSERT INTO manifests (digest, media_type, body) VALUES (?, ?, ?) ON CONFLICT (digest) DO NOTHING',
  );
  return {
    get: (digest) => select.get(digest),
    put: (digest, mediaType, body) => {
      insert.run(digest, mediaType, body);
    },
  };
}
