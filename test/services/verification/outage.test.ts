import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BreakerSettings } from '../../../src/registry/circuit-breaker.js';
import {
  createImageLookup,
  judgesTheImage,
  type LookupInput,
} from '../../../src/services/verification/image-lookup.js';
import { ManualClock } from '../../support/manual-clock.js';
import {
  type CourseFixtures,
  FAULT_NAMESPACE,
  FAULTS,
  type FaultServer,
  MemoryManifestCache,
  pushCourseFixtures,
  startFaultServer,
  startRegistry,
  type TestRegistry,
} from '../../support/registry/index.js';

/**
 * Docker Hub down, hanging or swamped: the lookup as the bot builds it (createImageLookup: the
 * real client, the circuit breaker, the bounded queue) against a hanging fault server and the
 * real registry with 5xx injected in front of it.
 */
let registry: TestRegistry;
let fixtures: CourseFixtures;
let faults: FaultServer;

beforeAll(async () => {
  [registry, faults] = await Promise.all([startRegistry(), startFaultServer()]);
  fixtures = await pushCourseFixtures(registry);
}, 60_000);
afterAll(async () => {
  await Promise.all([registry?.stop(), faults?.stop()]);
});
beforeEach(() => {
  registry.resetCounts();
  registry.clearFaults();
  faults.requests.length = 0;
});

/** A short stall so the test does not wait the production 1.5 s; the rest as in production. */
const BREAKER: Partial<BreakerSettings> = { stallMs: 300, openMs: 30_000 };

function lookupAt(
  url: string,
  authHosts: string[],
  options: { maxQueued?: number; breaker?: Partial<BreakerSettings> } = {},
) {
  const clock = new ManualClock();
  const lookup = createImageLookup(
    {
      DOCKER_REGISTRY_URL: url,
      DOCKER_AUTH_HOSTS: authHosts,
      DOCKER_HUB_API_URL: 'http://127.0.0.1:9',
      DOCKERHUB_USERNAME: undefined,
      DOCKERHUB_TOKEN: undefined,
      VERIFY_COOLDOWN_SECONDS: 30,
    },
    {
      manifestCache: new MemoryManifestCache(),
      clock,
      ...options,
      breaker: { ...BREAKER, ...options.breaker },
    },
  );
  return { lookup, clock };
}

let learnerSeq = 0;
function input(dockerId: string, tag = 'v1'): LookupInput {
  learnerSeq += 1;
  return {
    learnerId: `learner-${learnerSeq}`,
    dockerId,
    repository: dockerId === FAULT_NAMESPACE ? FAULTS.slow : 'image-gallery',
    tag,
    check: { baseImage: 'diamol/base' },
  };
}

describe('a hanging registry trips the breaker', () => {
  it('answers every learner within the stall time, queued ones included, and then at once', async () => {
    const { lookup } = lookupAt(faults.url, ['127.0.0.1'], { maxQueued: 4 });
    // Distinct tags: no two lookups coalesce. 4 run, 4 wait, 4 are beyond the queue.
    const reports = await Promise.all(
      Array.from({ length: 12 }, (_, n) => lookup.lookupImage(input(FAULT_NAMESPACE, `t${n}`))),
    );
    const outcomes = reports.map((report) => report.outcome);
    expect(outcomes.filter((outcome) => outcome === 'busy')).toHaveLength(4);
    expect(outcomes.filter((outcome) => outcome === 'hub-down')).toHaveLength(8);
    for (const report of reports) expect(report.details.retryAfterSeconds).toBeGreaterThan(0);
    // Only the four running lookups reached the registry, once each: the stalls tripped the breaker.
    expect(faults.requests).toHaveLength(4);
    expect(lookup.status()).toMatchObject({ breaker: 'open', running: 0, queued: 0 });

    const later = await lookup.lookupImage(input(FAULT_NAMESPACE, 'later'));
    expect(later).toMatchObject({ outcome: 'hub-down', details: { retryAfterSeconds: 30 } });
    expect(faults.requests).toHaveLength(4);
    // Not a verdict: nothing is recorded and no cooldown starts.
    expect(reports.some((report) => judgesTheImage(report.outcome))).toBe(false);
  });
});

describe('5xx in a row open the breaker; one probe closes it', () => {
  it('closed → open after three failed requests → half-open probe → closed', async () => {
    const { lookup, clock } = lookupAt(registry.url, registry.authHosts);
    const manifests = `/v2/${fixtures.single.name}/manifests/`;
    registry.injectFault({ pathIncludes: manifests, status: 503, times: 100 });

    // First lookup: 503 and its retry, two failures; still closed.
    expect((await lookup.lookupImage(input(fixtures.single.dockerId))).outcome).toBe('unavailable');
    expect(lookup.status().breaker).toBe('closed');
    // Second: the third failure opens it, and this lookup says so.
    const tripped = await lookup.lookupImage(input(fixtures.single.dockerId, 'v2'));
    expect(tripped).toMatchObject({ outcome: 'hub-down', details: { retryAfterSeconds: 30 } });
    expect(lookup.status().breaker).toBe('open');
    const sentWhileClosed = registry.requests.length;

    // Open: answered at once, nothing sent.
    clock.advanceSeconds(10);
    expect(await lookup.lookupImage(input(fixtures.single.dockerId))).toMatchObject({
      outcome: 'hub-down',
      details: { retryAfterSeconds: 20 },
    });
    expect(registry.requests).toHaveLength(sentWhileClosed);

    // Half-open, still failing: the probe's failure opens it again for another 30 s.
    clock.advanceSeconds(20);
    expect(lookup.status().breaker).toBe('half-open');
    expect((await lookup.lookupImage(input(fixtures.single.dockerId))).outcome).toBe('hub-down');
    expect(registry.requests).toHaveLength(sentWhileClosed + 1);
    expect(lookup.status()).toMatchObject({ breaker: 'open', retryAfterSeconds: 30 });

    // Recovered: the next probe succeeds and every lookup goes out again.
    registry.clearFaults();
    clock.advanceSeconds(30);
    expect((await lookup.lookupImage(input(fixtures.single.dockerId))).outcome).toBe('found');
    expect(lookup.status().breaker).toBe('closed');
    expect((await lookup.lookupImage(input(fixtures.ociIndex.dockerId))).outcome).toBe('found');
  });

  it('any answer in between resets the count: scattered 5xx never open it', async () => {
    const { lookup } = lookupAt(registry.url, registry.authHosts);
    for (let round = 0; round < 3; round += 1) {
      // One 503, then the retry succeeds.
      registry.injectFault({
        pathIncludes: `/v2/${fixtures.single.name}/manifests/`,
        status: 503,
        times: 1,
      });
      expect((await lookup.lookupImage(input(fixtures.single.dockerId))).outcome).toBe('found');
    }
    expect(lookup.status().breaker).toBe('closed');
  });
});

describe('shutdown', () => {
  it('interrupts lookups running and waiting, and refuses new ones, without a verdict', async () => {
    // A breaker that never trips here: the shutdown alone must end the hung lookups.
    const { lookup } = lookupAt(faults.url, ['127.0.0.1'], { breaker: { failuresToOpen: 1_000 } });
    const pending = Array.from({ length: 6 }, (_, n) => lookup.lookupImage(input(FAULT_NAMESPACE, `s${n}`)));
    await waitUntil(() => faults.requests.length === 4);
    lookup.interruptAll();
    const reports = await Promise.all(pending);
    expect(reports.map((report) => report.outcome)).toEqual(Array(6).fill('interrupted'));
    expect((await lookup.lookupImage(input(FAULT_NAMESPACE, 'after'))).outcome).toBe('interrupted');
    expect(faults.requests).toHaveLength(4);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
