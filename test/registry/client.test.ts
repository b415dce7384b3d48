import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../src/registry/client.js';
import { RequestBudget } from '../../src/registry/request-budget.js';
import { ManualClock } from '../support/manual-clock.js';
import {
  type CourseFixtures,
  digestOf,
  MemoryManifestCache,
  pushCourseFixtures,
  startRegistry,
  type TestRegistry,
} from '../support/registry/index.js';

let registry: TestRegistry;
let fixtures: CourseFixtures;

beforeAll(async () => {
  registry = await startRegistry();
  fixtures = await pushCourseFixtures(registry);
});
afterAll(async () => registry?.stop());
beforeEach(() => registry.resetCounts());

function newClient(options: { credentials?: { username: string; token: string }; clock?: ManualClock } = {}) {
  const cache = new MemoryManifestCache();
  const client = new RegistryClient({
    registryUrl: registry.url,
    authHosts: registry.authHosts,
    manifestCache: cache,
    ...options,
  });
  return { client, cache };
}

/** Requests that really arrived: the proxy in front of the registry plus the token server. */
function arrived() {
  return { registry: registry.requests.length, token: registry.tokenServer.requests.length };
}

describe('headManifest against the real registry', () => {
  it('finds a pushed tag and reports the digest of the exact manifest bytes', async () => {
    const { client } = newClient();
    const outcome = await client.headManifest(fixtures.single, 'v1');
    expect(outcome).toEqual({
      kind: 'found',
      digest: fixtures.single.pushed.digest,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    });
    expect(fixtures.single.pushed.digest).toBe(digestOf(fixtures.single.pushed.body));
  });

  it('finds an OCI index as an index (all four media types are accepted)', async () => {
    const { client } = newClient();
    const outcome = await client.headManifest(fixtures.ociIndex, 'v1');
    expect(outcome).toMatchObject({
      kind: 'found',
      digest: fixtures.ociIndex.pushed.digest,
      mediaType: 'application/vnd.oci.image.index.v1+json',
    });
  });

  it('says tag-missing when the repository is public but has no such tag', async () => {
    const { client } = newClient();
    expect(await client.headManifest(fixtures.otherTagOnly, 'v1')).toEqual({ kind: 'tag-missing' });
  });

  it('says repository-missing-or-private for a repository nobody pushed', async () => {
    const { client } = newClient();
    expect(await client.headManifest({ name: 'nobody42/image-gallery' }, 'v1')).toEqual({
      kind: 'repository-missing-or-private',
    });
  });

  it('says repository-missing-or-private for a private repository read anonymously', async () => {
    const { client } = newClient();
    expect(await client.headManifest(fixtures.privateRepo, 'v1')).toEqual({
      kind: 'repository-missing-or-private',
    });
  });

  it('reads a private repository with credentials, sent as Basic only to the token realm', async () => {
    const { reader } = fixtures.privateRepo;
    const { client } = newClient({ credentials: { username: reader.username, token: reader.password } });
    const outcome = await client.headManifest(fixtures.privateRepo, 'v1');
    expect(outcome).toMatchObject({ kind: 'found', digest: fixtures.privateRepo.pushed.digest });
    expect(registry.tokenServer.requests.map((request) => request.username)).toEqual([reader.username]);
  });

  it('refuses an unchecked name or tag without sending anything', async () => {
    const { client } = newClient();
    expect(await client.headManifest({ name: '../../v2/_catalog' }, 'v1')).toEqual({ kind: 'invalid-input' });
    expect(await client.headManifest(fixtures.single, 'v1/../../x')).toEqual({ kind: 'invalid-input' });
    expect(arrived()).toEqual({ registry: 0, token: 0 });
  });
});

describe('request counts', () => {
  it('first ever: 401 teaches the realm, then token + HEAD; a new scope: token + HEAD; warm: HEAD only', async () => {
    const { client } = newClient();
    const budget = new RequestBudget();

    await client.headManifest(fixtures.single, 'v1', budget);
    expect(arrived()).toEqual({ registry: 2, token: 1 });
    expect(budget.requests.map((record) => `${record.purpose} ${record.result}`)).toEqual([
      'manifest-head 401',
      'token 200',
      'manifest-head 200',
    ]);

    registry.resetCounts();
    await client.headManifest(fixtures.ociIndex, 'v1');
    expect(arrived()).toEqual({ registry: 1, token: 1 }); // cold: token + HEAD = 2

    registry.resetCounts();
    await client.headManifest(fixtures.ociIndex, 'v1');
    expect(arrived()).toEqual({ registry: 1, token: 0 }); // warm: HEAD only = 1
    expect(registry.requests[0]?.method).toBe('HEAD');
  });

  it('reuses a token until shortly before expires_in, then fetches a new one', async () => {
    const clock = new ManualClock();
    const { client } = newClient({ clock });
    await client.headManifest(fixtures.single, 'v1'); // the token server says expires_in 300
    clock.advanceSeconds(280);
    registry.resetCounts();
    await client.headManifest(fixtures.single, 'v1');
    expect(arrived()).toEqual({ registry: 1, token: 0 });
    clock.advanceSeconds(10); // 290 s: inside the safety margin
    registry.resetCounts();
    expect(await client.headManifest(fixtures.single, 'v1')).toMatchObject({ kind: 'found' });
    expect(arrived()).toEqual({ registry: 1, token: 1 });
  });

  it('does not keep a token that earned a 401, so a repository made public is seen at once', async () => {
    const { client } = newClient();
    await client.headManifest(fixtures.single, 'v1'); // learn the realm
    registry.tokenServer.privateRepositories.set(fixtures.multiArch.name, []);
    try {
      expect(await client.headManifest(fixtures.multiArch, 'v1')).toEqual({
        kind: 'repository-missing-or-private',
      });
    } finally {
      registry.tokenServer.privateRepositories.delete(fixtures.multiArch.name);
    }
    registry.resetCounts();
    expect(await client.headManifest(fixtures.multiArch, 'v1')).toMatchObject({ kind: 'found' });
    expect(arrived()).toEqual({ registry: 1, token: 1 });
  });
});

describe('getManifest', () => {
  it('GETs a manifest by digest once, checks its sha256, then serves it from the cache', async () => {
    const { client, cache } = newClient();
    const { digest } = fixtures.ociIndex.pushed;
    const first = await client.getManifest(fixtures.ociIndex, digest);
    expect(first).toMatchObject({ kind: 'manifest', digest, fromCache: false });
    expect(cache.get(digest)?.body).toBe(fixtures.ociIndex.pushed.body);
    // A fresh client learns the realm from the first 401, then GETs with its token.
    expect(registry.requests.map((request) => `${request.method} ${request.status}`)).toEqual([
      'GET 401',
      'GET 200',
    ]);

    registry.resetCounts();
    const second = await client.getManifest(fixtures.ociIndex, digest);
    expect(second).toMatchObject({ kind: 'manifest', digest, fromCache: true });
    expect(arrived()).toEqual({ registry: 0, token: 0 });
    if (first.kind === 'manifest' && first.manifest.kind === 'index') {
      expect(first.manifest.entries.map((entry) => entry.isAttestation)).toEqual([false, true]);
    } else {
      expect.fail('expected an index');
    }
  });

  it('does not cache a body whose digest is not the one asked for', async () => {
    const { client, cache } = newClient();
    // A cache that lies (for example a corrupted row) is re-fetched and verified.
    cache.put(
      fixtures.single.pushed.digest,
      'application/vnd.docker.distribution.manifest.v2+json',
      'not json',
    );
    const outcome = await client.getManifest(fixtures.single, fixtures.single.pushed.digest);
    expect(outcome).toMatchObject({ kind: 'manifest', fromCache: false });
    expect(cache.get(fixtures.single.pushed.digest)?.body).toBe(fixtures.single.pushed.body);
  });

  it('says manifest-missing for a digest the repository does not have', async () => {
    const { client } = newClient();
    const outcome = await client.getManifest(fixtures.single, digestOf('nothing like this was pushed'));
    expect(outcome).toEqual({ kind: 'manifest-missing' });
  });
});
