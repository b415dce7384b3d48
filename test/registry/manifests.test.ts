import { describe, expect, it } from 'vitest';
import { MANIFEST_ACCEPT, parseManifest } from '../../src/registry/manifests.js';

const digest = (c: string) => `sha256:${c.repeat(64)}`;

describe('parseManifest', () => {
  it('reads an image manifest and its layer order', () => {
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'x', size: 1, digest: digest('c') },
      layers: [
        { mediaType: 'x', size: 1, digest: digest('1') },
        { mediaType: 'x', size: 1, digest: digest('2') },
      ],
    });
    expect(
      parseManifest(body, 'application/vnd.docker.distribution.manifest.v2+json; charset=utf-8'),
    ).toEqual({
      kind: 'image',
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      configDigest: digest('c'),
      layers: [digest('1'), digest('2')],
    });
  });

  it('marks attestation entries by platform unknown/unknown or by annotation', () => {
    const body = JSON.stringify({
      schemaVersion: 2,
      manifests: [
        { digest: digest('a'), size: 1, platform: { os: 'linux', architecture: 'amd64' } },
        { digest: digest('b'), size: 1, platform: { os: 'unknown', architecture: 'unknown' } },
        {
          digest: digest('d'),
          size: 1,
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
        },
      ],
    });
    const parsed = parseManifest(body, 'application/vnd.oci.image.index.v1+json');
    expect(parsed?.kind === 'index' ? parsed.entries.map((e) => e.isAttestation) : null).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('reads only platforms written as Docker writes them, and marks nested indexes', () => {
    const body = JSON.stringify({
      schemaVersion: 2,
      manifests: [
        { digest: digest('a'), size: 1, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        {
          digest: digest('b'),
          size: 1,
          platform: { os: 'linux', architecture: '[x](https://evil.example)' },
        },
        { digest: digest('c'), size: 1, platform: { os: 'Linux', architecture: 'amd64' } },
        {
          digest: digest('d'),
          size: 1,
          platform: { os: 'linux', architecture: 'amd64', variant: 'v'.repeat(500) },
        },
        {
          digest: digest('e'),
          size: 1,
          mediaType: 'application/vnd.oci.image.index.v1+json',
          platform: { os: 'linux', architecture: 'amd64' },
        },
      ],
    });
    const parsed = parseManifest(body, 'application/vnd.oci.image.index.v1+json');
    if (parsed?.kind !== 'index') return expect.fail('expected an index');
    expect(parsed.entries.map((entry) => entry.platform)).toEqual([
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      undefined,
      undefined,
      undefined,
      { os: 'linux', architecture: 'amd64' },
    ]);
    expect(parsed.entries.map((entry) => entry.isIndex)).toEqual([false, false, false, false, true]);
  });

  it.each([
    [
      'schema 1',
      JSON.stringify({ schemaVersion: 1, fsLayers: [] }),
      'application/vnd.docker.distribution.manifest.v1+prettyjws',
    ],
    ['not JSON', '<html>rate limited</html>', 'text/html'],
    [
      'an index body under an image media type',
      JSON.stringify({ schemaVersion: 2, manifests: [] }),
      'application/vnd.oci.image.manifest.v1+json',
    ],
    [
      'a bad digest',
      JSON.stringify({ schemaVersion: 2, config: { digest: 'md5:x', size: 1 }, layers: [] }),
      undefined,
    ],
  ])('refuses %s', (_case, body, mediaType) => {
    expect(parseManifest(body, mediaType)).toBeUndefined();
  });

  it('accepts all four manifest media types', () => {
    expect(MANIFEST_ACCEPT.split(', ')).toEqual([
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.v2+json',
    ]);
  });
});
