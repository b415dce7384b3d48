import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RegistryClient } from '../src/registry/client.js';
import { createTimedAgent, DEFAULT_REGISTRY_TIMEOUTS } from '../src/registry/http.js';
import type { ManifestCache } from '../src/registry/manifest-cache.js';
import { MAX_MANIFEST_GETS_PER_LOOKUP } from '../src/registry/request-budget.js';
import { ImageLookup, type LookupInput } from '../src/services/verification/image-lookup.js';
import { MANIFEST_CACHE_LIMITS, openStore } from '../src/store/index.js';
import {
  type LearnerFixture,
  MemoryManifestCache,
  manifestGets,
  pushCourseFixtures,
  pushHostileFixtures,
  startRegistry,
  type TestRegistry,
} from '../test/support/registry/index.js';

const RUNS = 50;
const CACHE_SAMPLES = 2_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const inputFor = (fixture: LearnerFixture): LookupInput => ({
  learnerId: 'bench',
  dockerId: fixture.dockerId,
  repository: 'image-gallery',
  tag: 'v1',
  check: { baseImage: 'diamol/base' },
});

/** A fresh bot's lookup: nothing known about realm, tokens or manifests. */
function freshLookup(registry: TestRegistry, manifestCache: ManifestCache) {
  const agent = createTimedAgent(DEFAULT_REGISTRY_TIMEOUTS);
  const client = new RegistryClient({
    registryUrl: registry.url,
    authHosts: registry.authHosts,
    manifestCache,
    dispatcher: agent,
  });
  return { lookup: new ImageLookup({ client, cooldownSeconds: 0 }), agent };
}

/**
 * The store's manifest cache filled to its count bound with manifest-sized rows: mean time of
 * a put that may evict (the steady state of a busy bot) and of a hit.
 */
function measureManifestCache(): { putMs: number; hitMs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-manifests-'));
  const store = openStore(join(dir, 'bot.sqlite'));
  try {
    const body = (n: number) =>
      JSON.stringify({
        schemaVersion: 2,
        n,
        layers: Array.from({ length: 8 }, () => `sha256:${'0'.repeat(64)}`),
      });
    const fill = store.db.transaction(() => {
      for (let n = 0; n < MANIFEST_CACHE_LIMITS.maxEntries; n += 1)
        store.manifests.put(`sha256:fill-${n}`, 'application/json', body(n));
    });
    fill();
    let started = performance.now();
    for (let n = 0; n < CACHE_SAMPLES; n += 1)
      store.manifests.put(`sha256:new-${n}`, 'application/json', body(n));
    const putMs = (performance.now() - started) / CACHE_SAMPLES;
    started = performance.now();
    for (let n = 0; n < CACHE_SAMPLES; n += 1) store.manifests.get(`sha256:new-${n}`);
    const hitMs = (performance.now() - started) / CACHE_SAMPLES;
    return { putMs, hitMs };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * /verify latency and requests against the local docker-registry (token auth, deep check
 * against diamol/base). Cold: a fresh client and cache (nothing known: realm, tokens,
 * manifests). Warm: the same lookup again with everything cached. Medians of RUNS runs.
 * Hostile: a cold lookup of an index listing 40 linux/amd64 children; its manifest GETs as they
 * reached the registry, next to the per-lookup cap they must stay under.
 */
export async function runVerifyBench(): Promise<Record<string, number>> {
  const registry = await startRegistry();
  try {
    const fixtures = await pushCourseFixtures(registry);
    const hostile = await pushHostileFixtures(registry, fixtures);
    const input = inputFor(fixtures.ociIndex);
    const cold = { ms: [] as number[], requests: [] as number[] };
    const warm = { ms: [] as number[], requests: [] as number[] };
    for (let run = 0; run < RUNS; run += 1) {
      const { lookup, agent } = freshLookup(registry, new MemoryManifestCache());
      for (const sample of [cold, warm]) {
        const started = performance.now();
        const report = await lookup.lookupImage(input);
        sample.ms.push(performance.now() - started);
        sample.requests.push(report.requests.length);
        if (report.outcome !== 'found') throw new Error(`bench lookup gave ${report.outcome}`);
      }
      await agent.close();
    }

    const { lookup, agent } = freshLookup(registry, new MemoryManifestCache());
    registry.resetCounts();
    const hostileReport = await lookup.lookupImage(inputFor(hostile.manyAmd64));
    const hostileGets = manifestGets(registry);
    await agent.close();
    if (hostileReport.outcome !== 'not-built-from-base') {
      throw new Error(`hostile bench lookup gave ${hostileReport.outcome}`);
    }

    const cache = measureManifestCache();
    return {
      'verify.coldMs': Number(median(cold.ms).toFixed(2)),
      'verify.warmMs': Number(median(warm.ms).toFixed(2)),
      'verify.coldRequests': median(cold.requests),
      'verify.warmRequests': median(warm.requests),
      'verify.hostileIndexRequests': hostileGets,
      'verify.hostileIndexAllRequests': hostileReport.requests.length,
      'verify.manifestGetCap': MAX_MANIFEST_GETS_PER_LOOKUP,
      'verify.manifestCachePutMs': Number(cache.putMs.toFixed(4)),
      'verify.manifestCacheHitMs': Number(cache.hitMs.toFixed(4)),
    };
  } finally {
    await registry.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await runVerifyBench());
}
