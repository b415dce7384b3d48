import { createHash } from 'node:crypto';
import { request } from 'undici';
import type { TestRegistry } from './start-registry.js';

export const MEDIA = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  inToto: 'application/vnd.in-toto+json',
} as const;

export function digestOf(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export interface Blob {
  digest: string;
  size: number;
  bytes: Buffer;
}

export function blobOf(content: Buffer | string): Blob {
  const bytes = Buffer.from(content);
  return { digest: digestOf(bytes), size: bytes.length, bytes };
}

export interface PushedManifest {
  digest: string;
  mediaType: string;
  /** The exact bytes sent; their sha256 is the digest. */
  body: string;
  size: number;
}

/**
 * Pushes over the Registry HTTP API straight to the registry (not through the counting
 * proxy), with an admin token; every pushed repository becomes known to the token server.
 */
export class Pusher {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly registry: TestRegistry) {}

  async pushBlob(name: string, blob: Blob): Promise<void> {
    const token = await this.token(name);
    const start = await request(`${this.registry.directUrl}/v2/${name}/blobs/uploads/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    await start.body.dump();
    const location = start.headers.location;
    if (start.statusCode !== 202 || typeof location !== 'string') {
      throw new Error(`upload start for ${name} answered ${start.statusCode}`);
    }
    const target = new URL(location, this.registry.directUrl);
    target.searchParams.set('digest', blob.digest);
    const put = await request(target, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'content-length': String(blob.size),
      },
      body: blob.bytes,
    });
    const text = await put.body.text();
    if (put.statusCode !== 201) throw new Error(`blob upload to ${name} answered ${put.statusCode}: ${text}`);
  }

  /** Cross-repository mount, as `docker push` does for base layers ("Mounted from"). */
  async mountBlob(name: string, from: string, digest: string): Promise<void> {
    const token = await this.token(name, from);
    const url = new URL(`${this.registry.directUrl}/v2/${name}/blobs/uploads/`);
    url.searchParams.set('mount', digest);
    url.searchParams.set('from', from);
    const answer = await request(url, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const text = await answer.body.text();
    if (answer.statusCode !== 201)
      throw new Error(`mount of ${digest} into ${name} answered ${answer.statusCode}: ${text}`);
  }

  async pushManifest(
    name: string,
    reference: string,
    mediaType: string,
    manifest: object,
  ): Promise<PushedManifest> {
    return this.putManifest(name, reference, mediaType, JSON.stringify(manifest, null, 3));
  }

  /**
   * `docker image tag` + `docker image push` of an image already in `name`: the same manifest
   * bytes under another tag, so both tags name one digest.
   */
  async tagManifest(name: string, tag: string, pushed: PushedManifest): Promise<PushedManifest> {
    return this.putManifest(name, tag, pushed.mediaType, pushed.body);
  }

  private async putManifest(
    name: string,
    reference: string,
    mediaType: string,
    body: string,
  ): Promise<PushedManifest> {
    const token = await this.token(name);
    const answer = await request(`${this.registry.directUrl}/v2/${name}/manifests/${reference}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': mediaType },
      body,
    });
    const text = await answer.body.text();
    if (answer.statusCode !== 201)
      throw new Error(`manifest push to ${name}:${reference} answered ${answer.statusCode}: ${text}`);
    const digest = digestOf(body);
    if (answer.headers['docker-content-digest'] !== digest)
      throw new Error('registry computed another digest');
    return { digest, mediaType, body, size: Buffer.byteLength(body) };
  }

  async deleteManifest(name: string, digest: string): Promise<void> {
    const token = await this.token(name);
    const answer = await request(`${this.registry.directUrl}/v2/${name}/manifests/${digest}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    await answer.body.dump();
    if (answer.statusCode !== 202)
      throw new Error(`delete of ${name}@${digest} answered ${answer.statusCode}`);
  }

  private async token(name: string, mountFrom?: string): Promise<string> {
    const key = `${name}|${mountFrom ?? ''}`;
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const { tokenServer } = this.registry;
    tokenServer.knownRepositories.add(name);
    const url = new URL(tokenServer.realm);
    url.searchParams.set('service', tokenServer.service);
    url.searchParams.append('scope', `repository:${name}:pull,push,delete`);
    if (mountFrom) url.searchParams.append('scope', `repository:${mountFrom}:pull`);
    const basic = Buffer.from(`${tokenServer.admin.username}:${tokenServer.admin.password}`).toString(
      'base64',
    );
    const answer = await request(url, { headers: { authorization: `Basic ${basic}` } });
    const { token } = (await answer.body.json()) as { token: string };
    this.tokens.set(key, token);
    return token;
  }
}
