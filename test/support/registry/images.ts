import { type Blob, blobOf, MEDIA, type PushedManifest, type Pusher } from './push.js';

export interface FakePlatform {
  os: string;
  architecture: string;
  variant?: string;
}

export type ManifestFormat = 'docker' | 'oci';

/** A small stand-in for a layer tarball: registries do not look inside blobs. */
export function fakeLayer(seed: string): Blob {
  return blobOf(`fake layer: ${seed}\n`);
}

export interface ImageSpec {
  format: ManifestFormat;
  platform: FakePlatform;
  layers: Blob[];
  /** Layers already in another repository: mounted instead of uploaded. */
  mountFrom?: { name: string; layers: Blob[] };
}

/** Pushes config, layers and the image manifest; `reference` is a tag or, for index children, omitted. */
export async function pushImage(
  pusher: Pusher,
  name: string,
  reference: string | undefined,
  spec: ImageSpec,
): Promise<PushedManifest> {
  const mounted = spec.mountFrom?.layers ?? [];
  const allLayers = [...mounted, ...spec.layers];
  const config = blobOf(
    JSON.stringify({
      architecture: spec.platform.architecture,
      os: spec.platform.os,
      ...(spec.platform.variant ? { variant: spec.platform.variant } : {}),
      rootfs: { type: 'layers', diff_ids: allLayers.map((layer) => layer.digest) },
      config: {},
    }),
  );
  for (const layer of mounted) await pusher.mountBlob(name, spec.mountFrom!.name, layer.digest);
  for (const layer of spec.layers) await pusher.pushBlob(name, layer);
  await pusher.pushBlob(name, config);
  const docker = spec.format === 'docker';
  const mediaType = docker ? MEDIA.dockerManifest : MEDIA.ociManifest;
  const manifest = {
    schemaVersion: 2,
    mediaType,
    config: {
      mediaType: docker ? MEDIA.dockerConfig : MEDIA.ociConfig,
      size: config.size,
      digest: config.digest,
    },
    layers: allLayers.map((layer) => ({
      mediaType: docker ? MEDIA.dockerLayer : MEDIA.ociLayer,
      size: layer.size,
      digest: layer.digest,
    })),
  };
  // Index children are addressed by digest only, as buildx pushes them.
  return pusher.pushManifest(name, reference ?? digestReference(manifest), mediaType, manifest);
}

function digestReference(manifest: object): string {
  return blobOf(JSON.stringify(manifest, null, 3)).digest;
}

export interface IndexChild {
  manifest: PushedManifest;
  platform: FakePlatform;
}

/**
 * Pushes an OCI index or a Docker manifest list over already-pushed children; `attestFor`
 * adds a buildx-style `unknown/unknown` attestation manifest for that child.
 */
export async function pushIndex(
  pusher: Pusher,
  name: string,
  tag: string,
  format: ManifestFormat,
  children: IndexChild[],
  attestFor?: IndexChild,
): Promise<PushedManifest> {
  const entries: object[] = children.map((child) => ({
    mediaType: child.manifest.mediaType,
    digest: child.manifest.digest,
    size: child.manifest.size,
    platform: child.platform,
  }));
  if (attestFor) {
    const statement = blobOf(JSON.stringify({ _type: 'https://in-toto.io/Statement/v0.1', subject: [] }));
    const config = blobOf(
      '{"architecture":"unknown","os":"unknown","config":{},"rootfs":{"type":"layers","diff_ids":[]}}',
    );
    await pusher.pushBlob(name, statement);
    await pusher.pushBlob(name, config);
    const attestation = {
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      config: { mediaType: MEDIA.ociConfig, size: config.size, digest: config.digest },
      layers: [{ mediaType: MEDIA.inToto, size: statement.size, digest: statement.digest }],
    };
    const pushed = await pusher.pushManifest(
      name,
      digestReference(attestation),
      MEDIA.ociManifest,
      attestation,
    );
    entries.push({
      mediaType: MEDIA.ociManifest,
      digest: pushed.digest,
      size: pushed.size,
      platform: { architecture: 'unknown', os: 'unknown' },
      annotations: {
        'vnd.docker.reference.digest': attestFor.manifest.digest,
        'vnd.docker.reference.type': 'attestation-manifest',
      },
    });
  }
  const mediaType = format === 'oci' ? MEDIA.ociIndex : MEDIA.dockerList;
  return pusher.pushManifest(name, tag, mediaType, { schemaVersion: 2, mediaType, manifests: entries });
}
