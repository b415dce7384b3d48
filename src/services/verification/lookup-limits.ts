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

/** The wait queue is full: told at once, with about how long the queue ahead takes. */
export class QueueFullError extends Error {
  constructor(readonly waitSeconds: number) {
    super('lookup queue is full');
    this.name = 'QueueFullError';
  }
}

/** Before any task has finished, a lookup is guessed to take this long. */
const INITIAL_TASK_MS = 2_000;
/** Weight of the newest duration in the running average. */
const AVERAGE_WEIGHT = 0.2;

/**
 * At most `max` tasks at once across every learner; at most `maxQueued` more wait their turn in
 * order, and anyone beyond them is refused at once (QueueFullError) with an estimate of the wait.
 * A waiting task whose signal fires leaves the queue (the rejection is the signal's reason).
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: { start: () => void }[] = [];
  private averageTaskMs = INITIAL_TASK_MS;

  constructor(
    private readonly max: number,
    private readonly maxQueued = Number.POSITIVE_INFINITY,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer');
    if (!(maxQueued >= 0)) throw new RangeError('maxQueued must be zero or more');
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.active >= this.max) {
      if (this.waiting.length >= this.maxQueued) throw new QueueFullError(this.estimatedWaitSeconds());
      await this.waitForSlot(signal);
    } else this.active += 1;
    const started = this.now();
    try {
      return await task();
    } finally {
      const tookMs = this.now() - started;
      this.averageTaskMs += AVERAGE_WEIGHT * (tookMs - this.averageTaskMs);
      const next = this.waiting.shift();
      // Hand the slot straight to the next task, so `active` never drops and rises again.
      if (next) next.start();
      else this.active -= 1;
    }
  }

  /** Whole seconds until everyone queued now has had a turn, at the recent pace (at least 1). */
  estimatedWaitSeconds(): number {
    const rounds = Math.ceil((this.waiting.length + 1) / this.max);
    return Math.max(1, Math.ceil((rounds * this.averageTaskMs) / 1000));
  }

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private waitForSlot(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const leave = () => {
        const at = this.waiting.indexOf(entry);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal?.reason);
      };
      const entry = {
        start: () => {
          signal?.removeEventListener('abort', leave);
          resolve();
        },
      };
      signal?.addEventListener('abort', leave, { once: true });
      this.waiting.push(entry);
    });
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
