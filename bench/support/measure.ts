import { performance } from 'node:perf_hooks';
import type { FakeDiscord } from '../../test/support/fake-discord/index.js';

export interface LatencySummary {
  medianMs: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
  meanMs: number;
  samples: number;
}

/** Nearest-rank percentile of sorted values (p in 0..100). */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function summarize(latenciesMs: readonly number[]): LatencySummary {
  if (latenciesMs.length === 0) throw new Error('No samples to summarize.');
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    medianMs: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    minMs: round(sorted[0]!),
    maxMs: round(sorted.at(-1)!),
    meanMs: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
    samples: sorted.length,
  };
}

/**
 * Injects interactions one after another and measures, as the fake sees it, the time from
 * dispatch to the first callback (whatever its type or status). Samples run sequentially so
 * each measures one interaction on an otherwise idle bot.
 */
export async function measureFirstResponse(
  fake: FakeDiscord,
  inject: () => { id: string },
  samples: number,
  options: { warmup?: number; timeoutMs?: number } = {},
): Promise<LatencySummary> {
  const once = async () => {
    const started = performance.now();
    const { id } = inject();
    await fake.waitForResponse(id, (response) => response.kind === 'callback', options.timeoutMs ?? 15_000);
    return performance.now() - started;
  };
  for (let i = 0; i < (options.warmup ?? 0); i += 1) await once();
  const latencies: number[] = [];
  for (let i = 0; i < samples; i += 1) latencies.push(await once());
  return summarize(latencies);
}
