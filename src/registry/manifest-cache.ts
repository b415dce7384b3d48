/**
 * Manifests addressed by digest never change, so each is fetched (and counted as a Docker Hub
 * pull) once and then kept while it is in use. The store provides the durable implementation,
 * bounded by count and bytes: the least recently used manifests leave first.
 */
export interface ManifestCache {
  /** The stored manifest; a hit counts as a use. */
  get(digest: string): { mediaType: string; body: string } | undefined;
  /** Whether a GET would be free, without counting as a use. */
  has(digest: string): boolean;
  put(digest: string, mediaType: string, body: string): void;
}
