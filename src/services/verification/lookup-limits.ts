import type { Clock } from '../../clock.js';

/**
 * Limits that keep /verify polite to Docker Hub. None of them knows about the store or
 * Discord; the clock is injected so tests can move time.
 */

const PRUNE_AT = 10_000;

/** Per-learner pause between lookups. */
export class Cooldown {
  private readonly lastStart = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly seconds: number,
  ) {}

  /** Whole seconds until this learner may look up again; 0 means now. */
  secondsLeft(learnerId: string): number {
    const started = this.lastStart.get(learnerId);
    if (started === undefined) return 0;
    const leftMs = started + this.seconds * 1000 - this.clock.now();
    if (leftMs <= 0) {
      this.lastStart.delete(learnerId);
      return 0;
    }
    return Math.ceil(leftMs / 1000);
  }

  start(learnerId: string): void {
    if (this.seconds <= 0) return;
    if (this.lastStart.size >= PRUNE_AT) this.pruneExpired();
    this.lastStart.set(learnerId, this.clock.now());
  }

  /** Learners who never come back would otherwise stay in memory forever. */
  private pruneExpired(): void {
    const cutoff = this.clock.now() - this.seconds * 1000;
    for (const [learnerId, started] of this.lastStart)
      if (started <= cutoff) this.lastStart.delete(learnerId);
  }
}

/** Identical lookups in flight at the same time share one promise (and one set of requests). */
export class Coalescer<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, task: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = task().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  has(key: string): boolean {
    return this.inFlight.has(key);
  }
}

/** At most `max` tasks at once across every learner; the rest wait their turn in order. */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer');
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next task, so `active` never drops and rises again.
      if (next) next();
      else this.active -= 1;
    }
  }

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }
}

/**
 * "Docker Hub said 429 until T", shared by every learner: while it lasts no lookup is sent
 * and everyone is told how long to wait.
 */
export class RateLimitMemory {
  private blockedUntil = 0;

  constructor(private readonly clock: Clock) {}

  block(retryAfterSeconds: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + retryAfterSeconds * 1000);
  }

  /** Whole seconds the block still lasts; 0 when lookups may go out. */
  secondsLeft(): number {
    const leftMs = this.blockedUntil - this.clock.now();
    return leftMs > 0 ? Math.ceil(leftMs / 1000) : 0;
  }
}
