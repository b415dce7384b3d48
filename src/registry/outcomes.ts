import type { UnavailableReason } from './http.js';

/** `ratelimit-limit` / `ratelimit-remaining` as Docker Hub sends them (`100;w=21600`). */
export interface PullRateLimit {
  limit: number;
  remaining: number;
  windowSeconds: number | undefined;
}

/** Ways a registry exchange can fail that every operation shares. */
export type RegistryFailure =
  | { kind: 'repository-missing-or-private' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'unavailable'; reason: UnavailableReason }
  /** The registry pointed at a token server we do not trust; nothing was sent there. */
  | { kind: 'auth-realm-refused'; realmHost: string }
  | { kind: 'invalid-input' };

export type HeadOutcome =
  | { kind: 'found'; digest: string; mediaType: string; rateLimit?: PullRateLimit }
  | { kind: 'tag-missing' }
  | RegistryFailure;

/** Seconds to wait from `Retry-After` (seconds or an HTTP date); a minute when absent or odd. */
export function retryAfterSeconds(header: string | undefined, nowMs: number): number {
  const fallback = 60;
  if (!header) return fallback;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return fallback;
  return Math.max(1, Math.ceil((date - nowMs) / 1000));
}

export function parsePullRateLimit(headers: Record<string, string>): PullRateLimit | undefined {
  const limit = parseLimitHeader(headers['ratelimit-limit']);
  const remaining = parseLimitHeader(headers['ratelimit-remaining']);
  if (!limit || !remaining) return undefined;
  return { limit: limit.value, remaining: remaining.value, windowSeconds: limit.window ?? remaining.window };
}

function parseLimitHeader(
  value: string | undefined,
): { value: number; window: number | undefined } | undefined {
  const match = value ? /^\s*(\d+)\s*(?:;\s*w=(\d+))?/.exec(value) : null;
  if (!match) return undefined;
  return { value: Number(match[1]), window: match[2] ? Number(match[2]) : undefined };
}
