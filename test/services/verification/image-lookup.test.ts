import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { RegistryClient } from '../../../src/registry/client.js';
import { HubClient } from '../../../src/registry/hub.js';
import {
  createImageLookup,
  ImageLookup,
  type LookupInput,
} from '../../../src/services/verification/image-lookup.js';
import { ManualClock } from '../../support/manual-clock.js';
import {
  type CourseFixtures,
  FAULTS,
  type FakeHub,
  type FaultServer,
  hubTagBody,
  MemoryManifestCache,
  Pusher,
  pushCourseFixtures,
  pushProofTag,
  RATE_LIMIT_RETRY_AFTER_SECONDS,
  startFakeHub,
  startFaultServer,
  startRegistry,
  type TestRegistry,
} from '../../support/registry/index.js';

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
  registry.clearFaults();
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
    ['the base layers with no layer of its own', 'baseonly', 'no-own-layer'],
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

describe('the course base image itself', () => {
  it.each([
    ['the base image', { dockerId: 'diamol', repository: 'base', tag: 'latest' }],
    ['another repository of its publisher', { dockerId: 'diamol', repository: 'image-gallery' }],
  ])('%s → base-image-refused, zero requests, no cooldown', async (_case, overrides) => {
    const { lookup } = newLookup();
    const learnerId = 'learner-copying-the-base';
    const report = await lookup.lookupImage(input('learner1', { ...overrides, learnerId }));
    expect(report).toMatchObject({
      outcome: 'base-image-refused',
      passed: false,
      details: { baseImage: 'diamol/base:latest' },
    });
    expect(arrivedAtRegistry()).toBe(0);
    const next = await lookup.lookupImage(input('learner1', { learnerId }));
    expect(next.outcome).toBe('found');
  });
});

describe('ownership proof tag', () => {
  it('missing → proof-tag-missing after the image passed, one extra HEAD and no GET for it', async () => {
    const { lookup } = newLookup();
    const report = await lookup.lookupImage(input('multiarch', { proofTag: 'verify-none00' }));
    expect(report).toMatchObject({
      outcome: 'proof-tag-missing',
      passed: false,
      digest: fixtures.multiArch.pushed.digest,
      platform: 'linux/amd64',
      details: { proofTag: 'verify-none00', baseImage: 'diamol/base:latest' },
    });
    const proofRequests = registry.requests.filter((request) => request.path.includes('verify-none00'));
    expect(proofRequests.map((request) => `${request.method} ${request.status}`)).toEqual(['HEAD 404']);
  });

  it('the same manifest under the proof tag → found, with the proof kept in the details', async () => {
    await pushProofTag(registry, fixtures.ociIndex, 'verify-same01');
    const { lookup } = newLookup();
    const report = await lookup.lookupImage(input('ocilearner', { proofTag: 'verify-same01' }));
    expect(report).toMatchObject({
      outcome: 'found',
      passed: true,
      digest: fixtures.ociIndex.pushed.digest,
      details: { proofTag: 'verify-same01' },
    });
    expect(report.details.proofDigest).toBeUndefined();
  });

  it('another image under the proof tag → proof-tag-mismatch with both digests', async () => {
    // The learner put the proof tag on another build: a different manifest in the same repository.
    const older = await new Pusher(registry).pushManifest(
      fixtures.single.name,
      'verify-other1',
      fixtures.single.pushed.mediaType,
      { ...JSON.parse(fixtures.single.pushed.body), annotations: { build: 'older' } },
    );
    expect(older.digest).not.toBe(fixtures.single.pushed.digest);
    const { lookup } = newLookup();
    const report = await lookup.lookupImage(input('learner1', { proofTag: 'verify-other1' }));
    expect(report).toMatchObject({
      outcome: 'proof-tag-mismatch',
      passed: false,
      digest: fixtures.single.pushed.digest,
      details: { proofTag: 'verify-other1', proofDigest: older.digest },
    });
  });

  it('is not asked when the image itself fails', async () => {
    const { lookup } = newLookup();
    const report = await lookup.lookupImage(input('notbase', { proofTag: 'verify-never1' }));
    expect(report.outcome).toBe('not-built-from-base');
    expect(registry.requests.some((request) => request.path.includes('verify-never1'))).toBe(false);
  });

  it('a 429 on the proof HEAD is a rate limit for everyone, not a verdict', async () => {
    const { lookup } = newLookup();
    registry.injectFault({
      pathIncludes: '/manifests/verify-limit1',
      status: 429,
      headers: { 'retry-after': '90' },
      times: 1,
    });
    const report = await lookup.lookupImage(
      input('learner1', { proofTag: 'verify-limit1', check: { baseImage: null } }),
    );
    expect(report).toMatchObject({ outcome: 'rate-limited', details: { retryAfterSeconds: 90 } });
    registry.resetCounts();
    const someoneElse = await lookup.lookupImage(input('multiarch'));
    expect(someoneElse).toMatchObject({ outcome: 'rate-limited', details: { retryAfterSeconds: 90 } });
    expect(arrivedAtRegistry()).toBe(0);
  });

  it('lookups with different proof tags are not coalesced into one', async () => {
    await pushProofTag(registry, fixtures.single, 'verify-mine01');
    const { lookup } = newLookup();
    const [mine, theirs] = await Promise.all([
      lookup.lookupImage(input('learner1', { proofTag: 'verify-mine01' })),
      lookup.lookupImage(input('learner1', { proofTag: 'verify-them01' })),
    ]);
    expect(mine.outcome).toBe('found');
    expect(theirs.outcome).toBe('proof-tag-missing');
  });
});

describe('fairness: only a verdict on the image starts the cooldown', () => {
  it.each([
    ['unavailable (5xx)', FAULTS.serverError, 'unavailable'],
    ['rate limited', FAULTS.rateLimited, 'rate-limited'],
    ['a token realm not allowed', FAULTS.foreignRealm, 'auth-realm-refused'],
  ])('%s → the learner may try again at once', async (_case, fault, outcome) => {
    const { lookup, clock } = newLookup({ registryUrl: faults.url });
    const learnerId = `learner-outage-${fault}`;
    const first = await lookup.lookupImage(
      input('faults', { learnerId, repository: fault, check: { baseImage: null } }),
    );
    expect(first.outcome).toBe(outcome);
    // Past any rate limit, the same learner is not told to cool down.
    clock.advanceSeconds(RATE_LIMIT_RETRY_AFTER_SECONDS);
    const again = await lookup.lookupImage(
      input('faults', { learnerId, repository: FAULTS.serverError, check: { baseImage: null } }),
    );
    expect(again.outcome).toBe('unavailable');
  });

  it('a course base image that does not exist (bot misconfiguration) starts no cooldown', async () => {
    const { lookup } = newLookup();
    const learnerId = 'learner-misconfigured';
    const first = await lookup.lookupImage(
      input('learner1', { learnerId, check: { baseImage: 'diamol/nope' } }),
    );
    expect(first.outcome).toBe('configuration-error');
    const again = await lookup.lookupImage(input('learner1', { learnerId }));
    expect(again.outcome).toBe('found');
  });

  it.each([
    ['tag-missing', 'othertag'],
    ['not-built-from-base', 'notbase'],
    ['no-own-layer', 'baseonly'],
  ])('%s judges the image → cooldown', async (outcome, dockerId) => {
    const { lookup } = newLookup();
    const learnerId = `learner-judged-${outcome}`;
    expect((await lookup.lookupImage(input(dockerId, { learnerId }))).outcome).toBe(outcome);
    expect(await lookup.lookupImage(input('learner1', { learnerId }))).toMatchObject({
      outcome: 'cooldown',
      details: { cooldownSeconds: COOLDOWN_SECONDS },
    });
  });

  it('a second /verify while the first is running answers at once, sending nothing', async () => {
    const { lookup } = newLookup();
    const learnerId = 'learner-impatient';
    const first = lookup.lookupImage(input('multiarch', { learnerId }));
    const second = await lookup.lookupImage(input('learner1', { learnerId }));
    expect(second).toMatchObject({ outcome: 'in-progress', requests: [] });
    expect((await first).outcome).toBe('found');
    // The first one judged the image: now the cooldown holds, in-flight or not.
    expect((await lookup.lookupImage(input('learner1', { learnerId }))).outcome).toBe('cooldown');
    expect(registry.requests.filter((request) => request.path.includes('learner1/'))).toEqual([]);
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
