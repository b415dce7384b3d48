import type { ManifestCache } from '../../../src/registry/manifest-cache.js';

/** The store's manifest cache, in memory and unbounded, with a record of what was put. */
export class MemoryManifestCache implements ManifestCache {
  readonly entries = new Map<string, { mediaType: string; body: string }>();
  puts = 0;

  get(digest: string): { mediaType: string; body: string } | undefined {
    return this.entries.get(digest);
  }

  has(digest: string): boolean {
    return this.entries.has(digest);
  }

  put(digest: string, mediaType: string, body: string): void {
    this.puts += 1;
    this.entries.set(digest, { mediaType, body });
  }
}
