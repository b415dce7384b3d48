import { performance } from 'node:perf_hooks';
import { RegistryClient } from '../src/registry/client.js';
import { createTimedAgent, DEFAULT_REGISTRY_TIMEOUTS } from '../src/registry/http.js';
import { ImageLookup, type LookupInput } from '../src/verification/lookup.js';
import { MemoryManifestCache, pushCourseFixtures, startRegistry } from '../test/support/registry/index.js';

const RUNS = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * /verify latency and requests against the local docker-registry (token auth, deep check
 * against diamol/base). Cold: a fresh client and cache (nothing known: realm, tokens,
 * manifests). Warm: the same lookup again with everything cached. Medians of RUNS runs.
 */
export async function runVerifyBench(): Promise<Record<string, number>> {
  const registry = await startRegistry();
  try {
    const fixtures = await pushCourseFixtures(registry);
    const input: LookupInput = {
      learnerId: 'bench',
      dockerId: fixtures.ociIndex.dockerId,
      repository: 'image-gallery',
      tag: 'v1',
      check: { baseImage: 'diamol/base' },
    };
    const cold = { ms: [] as number[], requests: [] as number[] };
    const warm = { ms: [] as number[], requests: [] as number[] };
    for (let run = 0; run < RUNS; run += 1) {
      const agent = createTimedAgent(DEFAULT_REGISTRY_TIMEOUTS);
      const client = new RegistryClient({
        registryUrl: registry.url,
        authHosts: registry.authHosts,
        manifestCache: new MemoryManifestCache(),
        dispatcher: agent,
      });
      const lookup = new ImageLookup({ client, cooldownSeconds: 0 });
      for (const sample of [cold, warm]) {
        const started = performance.now();
        const report = await lookup.lookupImage(input);
        sample.ms.push(performance.now() - started);
        sample.requests.push(report.requests.length);
        if (report.outcome !== 'found') throw new Error(`bench lookup gave ${report.outcome}`);
      }
      await agent.close();
    }
    return {
      'verify.coldMs': Number(median(cold.ms).toFixed(2)),
      'verify.warmMs': Number(median(warm.ms).toFixed(2)),
      'verify.coldRequests': median(cold.requests),
      'verify.warmRequests': median(warm.requests),
    };
  } finally {
    await registry.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await runVerifyBench());
}
