import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DRAIN } from '../../../src/discord/run-discord.js';
import { BaseImageChecker, MAX_INDEX_ENTRIES } from '../../../src/registry/base-image.js';
import { RegistryClient } from '../../../src/registry/client.js';
import { DEFAULT_REGISTRY_TIMEOUTS, type HttpTimeouts } from '../../../src/registry/http.js';
import { DEFAULT_HUB_TIMEOUTS } from '../../../src/registry/hub.js';
import { parseImageReference } from '../../../src/registry/names.js';
import {
  LOOKUP_DEADLINE_MS,
  MAX_MANIFEST_GETS_PER_LOOKUP,
  RequestBudget,
} from '../../../src/registry/request-budget.js';
import { ImageLookup, type LookupInput } from '../../../src/services/verification/image-lookup.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { ManualClock } from '../../support/manual-clock.js';
import {
  type CourseFixtures,
  FAULTS,
  type FaultServer,
  HOSTILE_ENTRIES,
  type HostileFixtures,
  manifestGets,
  pushCourseFixtures,
  pushHostileFixtures,
  startFaultServer,
  startRegistry,
  type TestRegistry,
} from '../../support/registry/index.js';

let registry: TestRegistry;
let faults: FaultServer;
let course: CourseFixtures;
let hostile: HostileFixtures;
let dir: string;
const stores: Store[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lookup-cost-'));
  [registry, faults] = await Promise.all([startRegistry(), startFaultServer()]);
  course = await pushCourseFixtures(registry);
  hostile = await pushHostileFixtures(registry, course);
});
afterAll(async () => {
  for (const store of stores) store.close();
  await Promise.all([registry?.stop(), faults?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  registry.resetCounts();
  faults.requests.length = 0;
});

/** A fresh bot's view: its own real SQLite manifest cache, nothing known about realm or tokens. */
function newClient(options: { registryUrl?: string; timeouts?: HttpTimeouts } = {}) {
  const clock = new ManualClock();
  const store = openStore(join(dir, `bot-${stores.length}.sqlite`), { clock });
  stores.push(store);
  const client = new RegistryClient({
    registryUrl: options.registryUrl ?? registry.url,
    authHosts: registry.authHosts,
    manifestCache: store.manifests,
    clock,
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
  });
  return { client, clock };
}

function newLookup(options: { registryUrl?: string; timeouts?: HttpTimeouts; deadlineMs?: number } = {}) {
  const { client, clock } = newClient(options);
  return new ImageLookup({
    client,
    clock,
    cooldownSeconds: 0,
    ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
  });
}

const input = (dockerId: string, repository = 'image-gallery'): LookupInput => ({
  learnerId: `learner-${dockerId}`,
  dockerId,
  repository,
  tag: 'v1',
  check: { baseImage: 'diamol/base' },
});

const base = (() => {
  const parsed = parseImageReference('diamol/base');
  if (!parsed.ok) throw new Error('diamol/base must parse');
  return parsed.value;
})();

describe('a hostile index costs at most the cap of manifest GETs', () => {
  const skippedAllButOne = HOSTILE_ENTRIES - 1;
  it.each([
    [
      `${HOSTILE_ENTRIES} linux/amd64 children`,
      'manyAmd64',
      {
        outcome: 'not-built-from-base',
        details: { checkedPlatforms: ['linux/amd64'], skippedEntries: skippedAllButOne },
      },
    ],
    [
      `one child listed ${HOSTILE_ENTRIES} times`,
      'duplicates',
      {
        outcome: 'not-built-from-base',
        details: { checkedPlatforms: ['linux/amd64'], skippedEntries: skippedAllButOne },
      },
    ],
    [
      `${HOSTILE_ENTRIES} nested indexes`,
      'nested',
      {
        outcome: 'platform-not-found',
        details: {
          learnerPlatforms: [],
          basePlatforms: ['linux/amd64', 'linux/arm64/v8'],
          skippedEntries: HOSTILE_ENTRIES,
        },
      },
    ],
    [
      `${HOSTILE_ENTRIES} nested indexes that claim to be images`,
      'nestedInDisguise',
      {
        outcome: 'not-built-from-base',
        details: { checkedPlatforms: ['linux/amd64'], skippedEntries: skippedAllButOne },
      },
    ],
    [
      `${HOSTILE_ENTRIES} linux/amd64 children, the first built on the base`,
      'manyOnBase',
      {
        outcome: 'found',
        platform: 'linux/amd64',
        details: { checkedPlatforms: ['linux/amd64'], skippedEntries: skippedAllButOne },
      },
    ],
    [
      `${HOSTILE_ENTRIES} made-up platforms before the real ones`,
      'platformFlood',
      {
        outcome: 'platform-not-found',
        details: {
          learnerPlatforms: Array.from({ length: MAX_INDEX_ENTRIES }, (_, i) => `linux/amd64/v${i + 1}`),
          skippedEntries: HOSTILE_ENTRIES + 2 - MAX_INDEX_ENTRIES,
        },
      },
    ],
    [
      'linux/amd64 and linux/arm64/v8, neither on the base',
      'twoPlatformsNotOnBase',
      {
        outcome: 'not-built-from-base',
        details: { checkedPlatforms: ['linux/amd64', 'linux/arm64/v8'], skippedEntries: 0 },
      },
    ],
  ] as const)(
    '%s: a verdict, the platforms checked, and at most the cap of GETs',
    async (_case, key, expected) => {
      const fixture = hostile[key];
      const lookup = newLookup();
      const report = await lookup.lookupImage(input(fixture.dockerId));
      expect(report).toMatchObject({ ...expected, digest: fixture.pushed.digest });
      const gets = manifestGets(registry);
      expect(gets).toBeGreaterThan(0);
      expect(gets).toBeLessThanOrEqual(MAX_MANIFEST_GETS_PER_LOOKUP);
      expect(report.requests.filter((request) => request.purpose === 'manifest-get')).toHaveLength(gets);

      // Everything it needed is cached now: the same lookup again is one HEAD.
      registry.resetCounts();
      const again = await lookup.lookupImage(input(fixture.dockerId));
      expect(again).toMatchObject(expected);
      expect(registry.requests.map((request) => request.method)).toEqual(['HEAD']);
    },
  );

  it('the most expensive honest image uses the whole cap and no more', async () => {
    await newLookup().lookupImage(input(hostile.twoPlatformsNotOnBase.dockerId));
    // Learner index, base list, then a learner child and a base child per platform.
    expect(manifestGets(registry)).toBe(MAX_MANIFEST_GETS_PER_LOOKUP);
  });
});

describe('the manifest GET budget', () => {
  /** A checker whose client knows the realm already, as after a lookup's HEAD. */
  async function newChecker() {
    const { client, clock } = newClient();
    await client.headManifest(course.single, 'v1');
    registry.resetCounts();
    return new BaseImageChecker(client, clock);
  }
  const learner = (key: keyof HostileFixtures | 'notFromBase') => {
    const fixture = key === 'notFromBase' ? course.notFromBase : hostile[key];
    return { name: fixture.name, digest: fixture.pushed.digest };
  };

  it('passes over a pair that would need more GETs than are left, and says the entry was skipped', async () => {
    const checker = await newChecker();
    const budget = new RequestBudget({ maxManifestGets: 4 });
    expect(await checker.check(learner('twoPlatformsNotOnBase'), base, budget)).toEqual({
      kind: 'not-built-from-base',
      checkedPlatforms: ['linux/amd64'],
      skippedEntries: 1,
      baseDigest: course.base.list.digest,
    });
    expect(manifestGets(registry)).toBe(4);

    // Cached manifests are free: with the same four GETs the second platform fits now.
    registry.resetCounts();
    const verdict = await checker.check(
      learner('twoPlatformsNotOnBase'),
      base,
      new RequestBudget({ maxManifestGets: 4 }),
    );
    expect(verdict).toMatchObject({ checkedPlatforms: ['linux/amd64', 'linux/arm64/v8'], skippedEntries: 0 });
    expect(manifestGets(registry)).toBe(2);
  });

  it('a single image compared with fewer base platforms skips no entry of the learner’s', async () => {
    const checker = await newChecker();
    expect(
      await checker.check(learner('notFromBase'), base, new RequestBudget({ maxManifestGets: 3 })),
    ).toEqual({
      kind: 'not-built-from-base',
      checkedPlatforms: ['linux/amd64'],
      skippedEntries: 0,
      baseDigest: course.base.list.digest,
    });
    expect(manifestGets(registry)).toBe(3);
  });

  it('a budget spent before anything could be compared is an outcome, not a guess', async () => {
    const checker = await newChecker();
    expect(
      await checker.check(learner('manyAmd64'), base, new RequestBudget({ maxManifestGets: 1 })),
    ).toEqual({
      kind: 'unavailable',
      reason: 'request-budget',
    });
    expect(manifestGets(registry)).toBe(1);
  });
});

describe('one deadline per lookup', () => {
  /** Per-request limits far beyond the test's patience: only the lookup's deadline can end these. */
  const PATIENT: HttpTimeouts = { connectMs: 60_000, headersMs: 60_000, bodyMs: 60_000, totalMs: 60_000 };

  it.each([
    ['a HEAD that never answers', FAULTS.slow, ['manifest-head timeout']],
    ['a token endpoint that never answers', FAULTS.slowToken, ['manifest-head 401', 'token timeout']],
    ['a manifest body that trickles for ever', FAULTS.trickle, ['manifest-head 200', 'manifest-get 200']],
  ])('%s: unavailable (timeout), and no retry once the deadline has passed', async (_case, fault, sent) => {
    const lookup = newLookup({ registryUrl: faults.url, timeouts: PATIENT, deadlineMs: 500 });
    const report = await lookup.lookupImage(input('faults', fault));
    expect(report).toMatchObject({ outcome: 'unavailable', details: { unavailableReason: 'timeout' } });
    expect(report.requests.map((request) => `${request.purpose} ${request.result}`)).toEqual(sent);
    expect(faults.requests).toHaveLength(sent.length);
  });

  it('fits one registry request and its retry, the Hub’s request, and ends before the shutdown drain', () => {
    expect(2 * DEFAULT_REGISTRY_TIMEOUTS.totalMs).toBeLessThanOrEqual(LOOKUP_DEADLINE_MS);
    expect(DEFAULT_HUB_TIMEOUTS.totalMs).toBeLessThanOrEqual(LOOKUP_DEADLINE_MS);
    expect(LOOKUP_DEADLINE_MS).toBeLessThan(DEFAULT_DRAIN.timeoutMs);
  });
});
