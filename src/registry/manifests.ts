import { z } from 'zod';

/** The four manifest media types; always all sent in `Accept` (see notes/registry.md). */
export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest,
].join(', ');

const INDEX_TYPES: readonly string[] = [MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList];
const IMAGE_TYPES: readonly string[] = [MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest];

const digest = z.string().regex(/^sha256:[a-f0-9]{64}$/);

const descriptor = z.object({
  mediaType: z.string().optional(),
  digest,
  size: z.number().int().nonnegative(),
});

const platform = z.object({
  architecture: z.string(),
  os: z.string(),
  variant: z.string().optional(),
});

const imageManifestSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  config: descriptor,
  layers: z.array(descriptor),
});

const indexSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  manifests: z.array(
    descriptor.extend({
      platform: platform.optional(),
      annotations: z.record(z.string(), z.string()).optional(),
    }),
  ),
});

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface IndexEntry {
  digest: string;
  mediaType: string | undefined;
  /** Undefined when absent, or when its parts are not platform names (see PLATFORM_PART). */
  platform: Platform | undefined;
  /** Attestations (buildx provenance/SBOM) are `unknown/unknown` or annotated as such. */
  isAttestation: boolean;
  /** The entry declares an index: an index inside an index, which is no image. */
  isIndex: boolean;
}

/**
 * One part of a platform as Docker writes it (`linux`, `amd64`, `arm64`, `v8`, `ppc64le`).
 * Anything else is not a platform Docker pulls, and would reach the answer as raw text.
 */
const PLATFORM_PART = /^[a-z0-9][a-z0-9.-]{0,15}$/;

function platformOf(raw: { os: string; architecture: string; variant?: string | undefined } | undefined) {
  if (!raw) return undefined;
  const parts = [raw.os, raw.architecture, ...(raw.variant === undefined ? [] : [raw.variant])];
  if (!parts.every((part) => PLATFORM_PART.test(part))) return undefined;
  const platform: Platform = { os: raw.os, architecture: raw.architecture };
  if (raw.variant !== undefined) platform.variant = raw.variant;
  return platform;
}

export type ParsedManifest =
  | { kind: 'image'; mediaType: string; configDigest: string; layers: string[] }
  | { kind: 'index'; mediaType: string; entries: IndexEntry[] };

export function platformLabel(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

/**
 * Reads a manifest body. The media type from the response header wins; the body's own
 * `mediaType` field is the fallback. Returns undefined for anything that is not a
 * schema-2 image manifest or index (schema1, garbage, HTML error pages).
 */
export function parseManifest(body: string, headerMediaType: string | undefined): ParsedManifest | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const declared = (headerMediaType?.split(';')[0]?.trim() || undefined) ?? bodyMediaType(json);
  const wantsIndex = declared ? INDEX_TYPES.includes(declared) : hasManifests(json);
  if (wantsIndex) {
    const parsed = indexSchema.safeParse(json);
    if (!parsed.success) return undefined;
    return {
      kind: 'index',
      mediaType: declared ?? MEDIA_TYPES.ociIndex,
      entries: parsed.data.manifests.map((entry) => ({
        digest: entry.digest,
        mediaType: entry.mediaType,
        platform: platformOf(entry.platform),
        isAttestation:
          (entry.platform?.os === 'unknown' && entry.platform.architecture === 'unknown') ||
          entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest',
        isIndex: entry.mediaType !== undefined && INDEX_TYPES.includes(entry.mediaType),
      })),
    };
  }
  if (declared && !IMAGE_TYPES.includes(declared)) return undefined;
  const parsed = imageManifestSchema.safeParse(json);
  if (!parsed.success) return undefined;
  return {
    kind: 'image',
    mediaType: declared ?? MEDIA_TYPES.ociManifest,
    configDigest: parsed.data.config.digest,
    layers: parsed.data.layers.map((layer) => layer.digest),
  };
}

function bodyMediaType(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const value = (json as { mediaType?: unknown }).mediaType;
  return typeof value === 'string' ? value : undefined;
}

function hasManifests(json: unknown): boolean {
  return (
    typeof json === 'object' && json !== null && Array.isArray((json as { manifests?: unknown }).manifests)
  );
}
