import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { BaseImageChecker } from '../../src/registry/base-image.js';
import { RegistryClient } from '../../src/registry/client.js';
import { parseImageReference } from '../../src/registry/names.js';
import {
  type CourseFixtures,
  type LearnerFixture,
  MemoryManifestCache,
  pushCourseFixtures,
  startRegistry,
  type TestRegistry,
} from '../support/registry/index.js';

let registry: TestRegistry;
let fixtures: CourseFixtures;
const base = (() => {
  const parsed = parseImageReference('diamol/base');
  if (!parsed.ok) throw new Error('diamol/base must parse');
  return parsed.value;
})();

beforeAll(async () => {
  registry = await startRegistry();
  fixtures = await pushCourseFixtures(registry);
});
afterAll(async () => registry?.stop());
beforeEach(() => registry.resetCounts());

function newChecker() {
  const cache = new MemoryManifestCache();
  const client = new RegistryClient({
    registryUrl: registry.url,
    authHosts: registry.authHosts,
    manifestCache: cache,
  });
  return { checker: new BaseImageChecker(client, systemClock), cache };
}

const learner = (fixture: LearnerFixture) => ({ name: fixture.name, digest: fixture.pushed.digest });

describe('built FROM diamol/base, against the real registry', () => {
  it('passes a single Docker v2 manifest whose first layers are the base layers', async () => {
    const { checker } = newChecker();
    expect(await checker.check(learner(fixtures.single), base)).toEqual({
      kind: 'built-from-base',
      platform: 'linux/amd64',
      baseDigest: fixtures.base.list.digest,
      checkedPlatforms: ['linux/amd64'],
      skippedEntries: 0,
    });
  });

  it('passes an OCI index with an unknown/unknown attestation entry, using the real platform child', async () => {
    const { checker } = newChecker();
    expect(await checker.check(learner(fixtures.ociIndex), base)).toMatchObject({
      kind: 'built-from-base',
      platform: 'linux/amd64',
    });
  });

  it('passes a multi-arch manifest list', async () => {
    const { checker } = newChecker();
    expect(await checker.check(learner(fixtures.multiArch), base)).toMatchObject({
      kind: 'built-from-base',
      platform: 'linux/amd64',
    });
  });

  it('fails an image that does not start with the base layers', async () => {
    const { checker } = newChecker();
    expect(await checker.check(learner(fixtures.notFromBase), base)).toEqual({
      kind: 'not-built-from-base',
      checkedPlatforms: ['linux/amd64', 'linux/arm64/v8'],
      skippedEntries: 0,
      baseDigest: fixtures.base.list.digest,
    });
  });

  it('refuses an image made of the base layers alone: built on the base, but nothing of its own', async () => {
    const { checker } = newChecker();
    expect(await checker.check(learner(fixtures.noOwnLayer), base)).toEqual({
      kind: 'no-own-layer',
      checkedPlatforms: ['linux/amd64', 'linux/arm64/v8'],
      skippedEntries: 0,
      baseDigest: fixtures.base.list.digest,
    });
  });

  it('says platform-not-found when the only real platform is one the base does not have', async () => {
    const { checker } = newChecker();
    expect(await checker.check(learner(fixtures.otherPlatform), base)).toEqual({
      kind: 'platform-not-found',
      learnerPlatforms: ['linux/s390x'],
      basePlatforms: ['linux/amd64', 'linux/arm64/v8'],
      skippedEntries: 0,
    });
  });

  it('GETs each manifest only the first time its digest is seen', async () => {
    const { checker, cache } = newChecker();
    await checker.check(learner(fixtures.ociIndex), base);
    const successfulGets = registry.requests.filter((r) => r.method === 'GET' && r.status === 200);
    // learner index, base list, learner amd64 child, base amd64 child
    expect(successfulGets).toHaveLength(4);
    expect(cache.entries.size).toBe(4);

    registry.resetCounts();
    expect(await checker.check(learner(fixtures.ociIndex), base)).toMatchObject({ kind: 'built-from-base' });
    expect(registry.requests).toEqual([]);
    expect(registry.tokenServer.requests).toEqual([]);
  });

  it('reports a missing base image as a configuration problem', async () => {
    const { checker } = newChecker();
    const missing = parseImageReference('diamol/no-such-base');
    if (!missing.ok) throw new Error('must parse');
    expect(await checker.check(learner(fixtures.single), missing.value)).toEqual({
      kind: 'base-image-missing',
    });
  });
});
