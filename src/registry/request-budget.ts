import type { RequestRecord } from './http.js';

/**
 * One deadline for everything a lookup does from the moment it is accepted (the wait for a slot,
 * token fetches, HEADs, GETs, retries, the Hub): well under Discord's 15-minute interaction
 * token and under the bot's 10-second shutdown drain, and long enough for one registry request
 * and its retry (DEFAULT_REGISTRY_TIMEOUTS).
 */
export const LOOKUP_DEADLINE_MS = 8_500;

/**
 * Manifest GETs one lookup may send: every GET is a counted Docker Hub pull. Enough for the
 * learner's index and the base image's, then the linux/amd64 and linux/arm64 pairs (a learner
 * child and a base child each). Cached manifests are free, so more pairs are compared when
 * their manifests are already known.
 */
export const MAX_MANIFEST_GETS_PER_LOOKUP = 6;

/**
 * What one lookup may spend: time (an AbortSignal for the deadline) and manifest GETs. It also
 * records every request sent, in order, for the lookup's report.
 */
export class RequestBudget {
  readonly requests: RequestRecord[] = [];
  readonly signal: AbortSignal;
  private manifestGetsLeft: number;

  /** `abortWith`: further reasons to stop early (the circuit breaker opening, a shutdown). */
  constructor(limits: { deadlineMs?: number; maxManifestGets?: number; abortWith?: AbortSignal[] } = {}) {
    const deadline = AbortSignal.timeout(limits.deadlineMs ?? LOOKUP_DEADLINE_MS);
    this.signal = limits.abortWith?.length ? AbortSignal.any([deadline, ...limits.abortWith]) : deadline;
    this.manifestGetsLeft = limits.maxManifestGets ?? MAX_MANIFEST_GETS_PER_LOOKUP;
  }

  get manifestGetsRemaining(): number {
    return this.manifestGetsLeft;
  }

  /** Spends one manifest GET; false (and nothing spent) when none is left. */
  takeManifestGet(): boolean {
    if (this.manifestGetsLeft <= 0) return false;
    this.manifestGetsLeft -= 1;
    return true;
  }
}
