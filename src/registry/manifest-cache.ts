/**
 * Manifests addressed by digest never change, so each is fetched (and counted as a Docker Hub
 * pull) at most once and then kept. The store provides the durable implementation.
 */
export interface ManifestCache {
  get(digest: string): { mediaType: string; body: string } | undefined;
  put(digest: string, mediaType: string, body: string): void;
}
