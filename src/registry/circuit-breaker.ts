import type { Clock } from '../clock.js';

export interface BreakerSettings {
  /** Consecutive failed or stalled registry requests that open the breaker. */
  failuresToOpen: number;
  /** How long an open breaker answers at once before one probe may go out. */
  openMs: number;
  /**
   * A request with no answer after this long counts as failed at once (it may still succeed):
   * a hanging registry trips the breaker in this time instead of a whole request timeout.
   */
  stallMs: number;
}

/**
 * Docker Hub answers a manifest HEAD or a token well under a second; three requests in a row
 * with nothing after 1 s (or a 5xx, a reset, no connection) mean it is down, not slow. One slow
 * answer in between resets the count, so a slow Hub is still asked.
 */
export const DEFAULT_BREAKER_SETTINGS: BreakerSettings = {
  failuresToOpen: 3,
  openMs: 30_000,
  stallMs: 1_000,
};

export type BreakerState = 'closed' | 'open' | 'half-open';

export type Admission =
  /** `signal` fires when the breaker opens while the lookup runs; `probe`: the one half-open try. */
  { admitted: true; signal: AbortSignal; probe: boolean } | { admitted: false; retryAfterSeconds: number };

/** Why an admitted lookup was cut short: the registry was found down meanwhile. */
export class BreakerOpenError extends Error {
  constructor() {
    super('Docker registry circuit breaker opened');
    this.name = 'BreakerOpenError';
  }
}

/** What the registry client tells about each request it sends. */
export interface RequestHealth {
  /** The registry answered (any status below 500). */
  answered(): void;
  /** A 5xx, a timeout, a reset, no connection, or no answer yet after `stallMs`. */
  failed(): void;
}

/**
 * Fails fast while the registry is down. Closed: every lookup goes out, and consecutive failed
 * requests are counted (any answer resets the count). Open: lookups are refused at once with the
 * seconds left, and lookups already running are aborted through their admission signal. After
 * `openMs`, half-open: exactly one lookup goes out as a probe; its first answer closes the
 * breaker, its failure opens it again.
 */
export class CircuitBreaker implements RequestHealth {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openUntil = 0;
  private probing = false;
  private trip = new AbortController();

  constructor(
    private readonly clock: Clock,
    readonly settings: BreakerSettings = DEFAULT_BREAKER_SETTINGS,
    private readonly onChange: (state: BreakerState) => void = () => undefined,
  ) {}

  get state(): BreakerState {
    if (this.current === 'open' && this.clock.now() >= this.openUntil) return 'half-open';
    return this.current;
  }

  admit(): Admission {
    if (this.current === 'open') {
      const leftMs = this.openUntil - this.clock.now();
      if (leftMs > 0) return { admitted: false, retryAfterSeconds: Math.ceil(leftMs / 1000) };
      this.moveTo('half-open');
    }
    if (this.current === 'half-open') {
      // The probe's verdict comes within one stall period.
      if (this.probing) return { admitted: false, retryAfterSeconds: this.probeWaitSeconds };
      this.probing = true;
      return { admitted: true, signal: this.trip.signal, probe: true };
    }
    return { admitted: true, signal: this.trip.signal, probe: false };
  }

  answered(): void {
    this.failures = 0;
    if (this.current === 'half-open') this.moveTo('closed');
  }

  failed(): void {
    if (this.current === 'open') return;
    this.failures += 1;
    if (this.current === 'half-open' || this.failures >= this.settings.failuresToOpen) this.open();
  }

  /** The probe lookup ended; if it got no verdict (aborted, served from cache), another may try. */
  probeFinished(): void {
    this.probing = false;
  }

  /** Whole seconds until a lookup may be tried again; 0 when closed. */
  secondsUntilRetry(): number {
    if (this.current === 'closed') return 0;
    const leftMs = this.openUntil - this.clock.now();
    return leftMs > 0 ? Math.ceil(leftMs / 1000) : this.probeWaitSeconds;
  }

  private get probeWaitSeconds(): number {
    return Math.ceil(this.settings.stallMs / 1000) + 1;
  }

  private open(): void {
    this.failures = 0;
    this.probing = false;
    this.openUntil = this.clock.now() + this.settings.openMs;
    this.moveTo('open');
    const tripped = this.trip;
    this.trip = new AbortController();
    tripped.abort(new BreakerOpenError());
  }

  private moveTo(state: BreakerState): void {
    if (this.current === state) return;
    this.current = state;
    this.onChange(state);
  }
}
