import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { RegistryClient } from '../../src/registry/client.js';
import { HubClient } from '../../src/registry/hub.js';
import { createImageLookup, ImageLookup, type LookupInput } from '../../src/verification/lookup.js';
import {
  type CourseFixtures,
  FAULTS,
  type FakeHub,
  type FaultServer,
  hubTagBody,
  MemoryManifestCache,
  pushCourseFixtures,
  RATE_LIMIT_RETRY_AFTER_SECONDS,
  startFakeHub,
  startFaultServer,
  startRegistry,
  type TestRegistry,
} from '../support/registry/index.js';
import { ManualClock } from './manual-clock.js';

let registry: TestRegistry;
let fixtures: CourseFixtures;
let hub: FakeHub;
let faults: FaultServer;

beforeAll(async () => {
  [registry, hub, faults] = await Promise.all([startRegistry(), startFakeHub(), startFaultServer()]);
  fixtures = await pushCourseFixtures(registry);
});
afterAll(async () => {
  await Promise.all([registry?.stop(), hub?.stop(), faults?.stop()]);
});
beforeEach(() => {
  registry.resetCounts();
  hub.requests.length = 0;
  hub.answers.clear();
  faults.requests.length = 0;
});

const COOLDOWN_SECONDS = 30;

function newLookup(options: { registryUrl?: string; withHub?: boolean } = {}) {
  const clock = new ManualClock();
  const client = new RegistryClient({
    registryUrl: options.registryUrl ?? registry.url,
    authHosts: registry.authHosts,
    manifestCache: new MemoryManifestCache(),
    clock,
  });
  const hubClient = options.withHub
    ? new HubClient({
        hubUrl: hub.url,
        timeouts: { connectMs: 2_000, headersMs: 1_000, bodyMs: 1_000, totalMs: 1_500 },
      })
    : undefined;
  const lookup = new ImageLookup({
    client,
    ...(hubClient ? { hub: hubClient } : {}),
    clock,
    cooldownSeconds: COOLDOWN_SECONDS,
  });
  return { lookup, clock };
}

let learnerSeq = 0;
function input(dockerId: string, overrides: Partial<LookupInput> = {}): LookupInput {
  learnerSeq += 1;
  return {
    learnerId: `learner-${learnerSeq}`,
    dockerId,
    repository: 'image-gallery',
    tag: 'v1',
    check: { baseImage: 'diamol/base' },
    ...overrides,
  };
}

function arrivedAtRegistry() {
  return registry.requests.length + registry.tokenServer.requests.length;
}

describe('lookupImage outcomes against the real registry', () => {
  it('found: digest of the pushed manifest, platform, base confirmed, Hub details added', async () => {
    hub.answers.set('learner1/image-gallery:v1', {
      status: 200,
      body: hubTagBody({ pushed: '2026-01-01T09:15:00Z', size: 26_200_000, platforms: [['linux', 'amd64']] }),
    });
    const { lookup } = newLookup({ withHub: true });
    const report = await lookup.lookupImage(input('learner1'));
    expect(report).toMatchObject({
      outcome: 'found',
      passed: true,
      image: {
        namespace: 'learner1',
        repository: 'image-gallery',
        tag: 'v1',
        name: 'learner1/image-gallery',
      },
      digest: fixtures.single.pushed.digest,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      platform: 'linux/amd64',
      details: { baseImage: 'diamol/base:latest', baseDigest: fixtures.base.list.digest },
      enrichment: {
        lastPushed: '2026-01-01T09:15:00Z',
        fullSizeBytes: 26_200_000,
        platforms: ['linux/amd64'],
      },
      checkedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(report.requests.length).toBe(arrivedAtRegistry() + hub.requests.length);
    expect(JSON.parse(JSON.stringify(report.details))).toEqual(report.details);
  });

  it.each([
    ['an OCI index with an attestation entry', 'ocilearner', 'found'],
    ['a multi-arch manifest list', 'multiarch', 'found'],
    ['an image not built from the base', 'notbase', 'not-built-from-base'],
    ['an image only for a platform the base lacks', 's390learner', 'platform-not-found'],
    ['a public repository without the tag', 'othertag', 'tag-missing'],
    ['a repository nobody pushed', 'nobody42', 'repository-missing-or-private'],
    ['a private repository', 'secretlearner', 'repository-missing-or-private'],
  ])('%s → %s', async (_case, dockerId, outcome) => {
    const { lookup } = newLookup();
    const report = await lookup.lookupImage(input(dockerId));
    expect(report.outcome).toBe(outcome);
    expect(report.passed).toBe(outcome === 'found');
  });

  it.each([404, 429, 500] as const)(
    'a Hub %s leaves the verdict as it is (enrichment is never decisive)',
    async (status) => {
      hub.answers.set('learner1/image-gallery:v1', { status });
      const { lookup } = newLookup({ withHub: true });
      const report = await lookup.lookupImage(input('learner1'));
      expect(report).toMatchObject({ outcome: 'found', enrichment: null });
      expect(hub.requests).toHaveLength(1);
    },
  );

  it('a Hub that never answers costs one short timeout and no verdict change', async () => {
    hub.answers.set('learner1/image-gallery:v1', { status: 'hang' });
    const { lookup } = newLookup({ withHub: true });
    const report = await lookup.lookupImage(input('learner1'));
    expect(report).toMatchObject({ outcome: 'found', enrichment: null });
  });
});

describe('requests per lookup', () => {
  it('cold: token + HEAD = 2; warm: HEAD only = 1', async () => {
    const { lookup } = newLookup();
    await lookup.lookupImage(input('othertag', { check: { baseImage: null } })); // learns the realm
    registry.resetCounts();

    const cold = await lookup.lookupImage(input('learner1', { check: { baseImage: null } }));
    expect(cold.outcome).toBe('found');
    expect(cold.requests.map((r) => `${r.purpose} ${r.result}`)).toEqual(['token 200', 'manifest-head 200']);
    expect(arrivedAtRegistry()).toBe(2);

    registry.resetCounts();
    const warm = await lookup.lookupImage(input('learner1', { check: { baseImage: null } }));
    expect(warm.requests.map((r) => `${r.purpose} ${r.result}`)).toEqual(['manifest-head 200']);
    expect(arrivedAtRegistry()).toBe(1);
  });

  it('the deep check GETs manifests the first time only; the second lookup makes no GET', async () => {
    const { lookup } = newLookup();
    const first = await lookup.lookupImage(input('ocilearner'));
    expect(first.outcome).toBe('found');
    expect(first.requests.filter((r) => r.purpose === 'manifest-get' && r.result === 200)).toHaveLength(4);

    registry.resetCounts();
    const second = await lookup.lookupImage(input('ocilearner'));
    expect(second.outcome).toBe('found');
    expect(second.requests.map((r) => r.purpose)).toEqual(['manifest-head']);
    expect(registry.requests.map((r) => r.method)).toEqual(['HEAD']);
  });
});

describe('refused input sends nothing', () => {
  const cases: [string, Partial<LookupInput>, { field: string; hint: string; suggestion?: string }][] = [
    [
      'upper case',
      { dockerId: 'YangWonJun' },
      { field: 'dockerId', hint: 'uppercase', suggestion: 'yangwonjun' },
    ],
    ['@everyone', { dockerId: '@everyone' }, { field: 'dockerId', hint: 'mention' }],
    ['300 characters', { dockerId: 'a'.repeat(300) }, { field: 'dockerId', hint: 'too-long' }],
    ['../ in the repository', { repository: '../../v2/_catalog' }, { field: 'repository', hint: 'path' }],
    [
      'a Hub URL',
      { dockerId: 'https://hub.docker.com/u/learner1' },
      { field: 'dockerId', hint: 'url', suggestion: 'learner1' },
    ],
    [
      'Cyrillic а',
      { dockerId: 'lеarnеr1'.replace(/e/g, 'е') },
      { field: 'dockerId', hint: 'non-ascii', suggestion: 'learner1' },
    ],
    [
      'full-width letters',
      { dockerId: 'ｌｅａｒｎｅｒ１' },
      { field: 'dockerId', hint: 'non-ascii', suggestion: 'learner1' },
    ],
    ['empty', { dockerId: '' }, { field: 'dockerId', hint: 'empty' }],
    ['whitespace only', { dockerId: '   ' }, { field: 'dockerId', hint: 'empty' }],
    ['a space inside', { dockerId: 'learner 1' }, { field: 'dockerId', hint: 'whitespace' }],
    ['a tag with a slash', { tag: 'v1/../latest' }, { field: 'tag', hint: 'path' }],
  ];

  it.each(cases)('%s → invalid-input, zero requests', async (_case, overrides, expected) => {
    const { lookup } = newLookup({ withHub: true });
    const report = await lookup.lookupImage(input('learner1', overrides));
    expect(report.outcome).toBe('invalid-input');
    expect(report.image).toBeNull();
    expect(report.details.problems).toEqual([expect.objectContaining(expected)]);
    if (!expected.suggestion) expect(report.details.problems?.[0]?.suggestion).toBeUndefined();
    expect(report.requests).toEqual([]);
    expect(arrivedAtRegistry()).toBe(0);
    expect(hub.requests).toEqual([]);
  });

  it('a refused lookup does not start the cooldown', async () => {
    const { lookup } = newLookup();
    const learnerId = 'learner-retyping';
    await lookup.lookupImage(input('LEARNER1', { learnerId }));
    const report = await lookup.lookupImage(input('learner1', { learnerId, check: { baseImage: null } }));
    expect(report.outcome).toBe('found');
  });
});

describe('limits', () => {
  it('coalesces two concurrent identical lookups into one HEAD', async () => {
    const { lookup } = newLookup();
    await lookup.lookupImage(input('othertag', { check: { baseImage: null } })); // learns the realm
    registry.resetCounts();
    const [a, b] = await Promise.all([
      lookup.lookupImage(input('learner1', { check: { baseImage: null } })),
      lookup.lookupImage(input('learner1', { check: { baseImage: null } })),
    ]);
    expect([a.outcome, b.outcome]).toEqual(['found', 'found']);
    expect(registry.requests.filter((r) => r.method === 'HEAD')).toHaveLength(1);
    expect(b.details.coalesced).toBe(true);
    expect(b.requests).toEqual([]);
  });

  it('a learner who just looked up waits out the cooldown, with the time left', async () => {
    const { lookup, clock } = newLookup();
    const learnerId = 'learner-eager';
    expect((await lookup.lookupImage(input('learner1', { learnerId }))).outcome).toBe('found');
    clock.advanceSeconds(10);
    registry.resetCounts();
    const early = await lookup.lookupImage(input('learner1', { learnerId }));
    expect(early).toMatchObject({ outcome: 'cooldown', details: { cooldownSeconds: COOLDOWN_SECONDS - 10 } });
    expect(arrivedAtRegistry()).toBe(0);

    const someoneElse = await lookup.lookupImage(input('learner1'));
    expect(someoneElse.outcome).toBe('found');

    clock.advanceSeconds(COOLDOWN_SECONDS - 10);
    expect((await lookup.lookupImage(input('learner1', { learnerId }))).outcome).toBe('found');
  });

  it('a 429 blocks every learner until Retry-After has passed, without sending anything', async () => {
    const { lookup, clock } = newLookup({ registryUrl: faults.url });
    const limited = await lookup.lookupImage(
      input('faults', { repository: FAULTS.rateLimited, check: { baseImage: null } }),
    );
    expect(limited).toMatchObject({
      outcome: 'rate-limited',
      details: { retryAfterSeconds: RATE_LIMIT_RETRY_AFTER_SECONDS },
    });
    expect(faults.requests).toHaveLength(1);

    clock.advanceSeconds(20);
    const other = await lookup.lookupImage(input('faults', { repository: FAULTS.serverError }));
    expect(other).toMatchObject({
      outcome: 'rate-limited',
      details: { retryAfterSeconds: RATE_LIMIT_RETRY_AFTER_SECONDS - 20 },
    });
    expect(faults.requests).toHaveLength(1);

    clock.advanceSeconds(RATE_LIMIT_RETRY_AFTER_SECONDS);
    const later = await lookup.lookupImage(
      input('faults', { repository: FAULTS.serverError, check: { baseImage: null } }),
    );
    expect(later).toMatchObject({ outcome: 'unavailable', details: { unavailableReason: 'http-5xx' } });
    expect(faults.requests).toHaveLength(3);
  });
});

describe('createImageLookup from the bot configuration', () => {
  it('wires registry, token hosts, Hub and credentials from the environment', async () => {
    hub.answers.set('secretlearner/image-gallery:v1', {
      status: 200,
      body: hubTagBody({ pushed: '2026-01-02T03:04:05Z', size: 1_000_000, platforms: [['linux', 'amd64']] }),
    });
    const { reader } = fixtures.privateRepo;
    const config = loadConfig({
      DOCKER_REGISTRY_URL: registry.url,
      DOCKER_AUTH_HOSTS: registry.authHosts.join(','),
      DOCKER_HUB_API_URL: hub.url,
      DOCKERHUB_USERNAME: reader.username,
      DOCKERHUB_TOKEN: reader.password,
      VERIFY_COOLDOWN_SECONDS: '0',
    });
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('trace', sink);
    const lookup = createImageLookup(config, { manifestCache: new MemoryManifestCache(), logger });
    const report = await lookup.lookupImage(input('secretlearner'));
    await lookup.lookupImage(input('nobody42'));
    expect(report).toMatchObject({
      outcome: 'found',
      digest: fixtures.privateRepo.pushed.digest,
      platform: 'linux/amd64',
      enrichment: { lastPushed: '2026-01-02T03:04:05Z' },
    });
    expect(registry.tokenServer.requests.every((request) => request.username === reader.username)).toBe(true);

    const log = lines.join('');
    expect(log).toContain('verify lookup finished');
    expect(log).not.toContain(reader.password);
    expect(log).not.toMatch(/Bearer |Basic /);
  });
});
