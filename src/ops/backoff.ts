import { setTimeout as sleep } from 'node:timers/promises';

export interface BackoffPolicy {
  /** Total time to keep trying, from the first attempt; 0 = a single attempt. */
  budgetMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Start-up against Discord: 1 s, 2 s, 4 s … capped at 30 s between tries. */
export const startupBackoff = { firstDelayMs: 1_000, maxDelayMs: 30_000 } as const;

/**
 * The pause before the next attempt after `failures` failed ones, doubling up to the cap; null
 * when the next attempt would start after the budget is spent.
 */
export function nextDelay(policy: BackoffPolicy, failures: number, elapsedMs: number): number | null {
  const delay = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, failures - 1));
  return elapsedMs + delay <= policy.budgetMs ? delay : null;
}

export interface RetryHooks {
  /** Errors that no retry can fix (a refused token) end the loop at once. */
  isPermanent(error: unknown): boolean;
  /** Told each failure with the pause before the next try, or null when giving up. */
  onFailure(error: unknown, attempt: number, retryInMs: number | null): void;
  signal?: AbortSignal;
  now?: () => number;
}

/** Gave up: the budget is spent. Carries the last failure and how long and how often it tried. */
export class RetriesExhaustedError extends Error {
  override name = 'RetriesExhaustedError';

  constructor(
    readonly lastError: unknown,
    readonly attempts: number,
    readonly elapsedMs: number,
  ) {
    super(`gave up after ${attempts} attempts in ${Math.round(elapsedMs / 1000)} s`);
  }
}

/**
 * Runs `attempt` until it succeeds, a permanent error occurs (rethrown as is), the budget is
 * spent (RetriesExhaustedError) or `signal` aborts (its AbortError).
 */
export async function retryWithBackoff<T>(
  attempt: (number: number) => Promise<T>,
  policy: BackoffPolicy,
  hooks: RetryHooks,
): Promise<T> {
  const now = hooks.now ?? Date.now;
  const started = now();
  for (let number = 1; ; number += 1) {
    hooks.signal?.throwIfAborted();
    try {
      return await attempt(number);
    } catch (error) {
      if (hooks.signal?.aborted) throw hooks.signal.reason;
      if (hooks.isPermanent(error)) {
        hooks.onFailure(error, number, null);
        throw error;
      }
      const elapsed = now() - started;
      const delay = nextDelay(policy, number, elapsed);
      hooks.onFailure(error, number, delay);
      if (delay === null) throw new RetriesExhaustedError(error, number, elapsed);
      await sleep(delay, undefined, hooks.signal ? { signal: hooks.signal } : {});
    }
  }
}
