import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DigestOutcome } from '../app/digest-job.js';
import type { ReminderOutcome } from '../app/reminder-job.js';
import type { HandledInteraction } from '../interactions/dispatcher.js';
import type { HubStatus } from '../services/verification/image-lookup.js';
import type { VerifyResult } from '../services/verification/verification-service.js';

/** What the metrics read at scrape time from the running bot. */
export interface RuntimeReadings {
  /** Last heartbeat round trip; null before the first one. */
  gatewayPingMs(): number | null;
  gatewayConnected(): boolean;
  /** Sizes of the SQLite file and its -wal beside it. */
  databaseBytes(): { database: number; wal: number };
  lessons(): number;
  /** Docker Hub's circuit breaker and the /verify lookups running and waiting. */
  dockerHub(): HubStatus;
}

/** The breaker's states as gauge values: what an alert compares against. */
const breakerLevel: Record<HubStatus['breaker'], number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * First-response buckets around Discord's 3-second deadline: the bot defers by itself after
 * 1 s, so most answers should land well left of 3.
 */
const firstResponseBuckets = [0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 5];

/**
 * The bot's Prometheus metrics (prefix `dsb_`) plus Node's process metrics, in a registry of
 * their own. Label values come only from the bot's own names (commands, button kinds,
 * /verify outcomes), never from what a user typed, so the series count stays fixed.
 */
export class BotMetrics {
  readonly registry = new Registry();
  private readings: RuntimeReadings | undefined;

  private readonly interactions = new Counter({
    name: 'dsb_interactions_total',
    help: 'Interactions handled, by type, command (or button kind) and outcome (ok, refused, error).',
    labelNames: ['type', 'command', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly firstResponse = new Histogram({
    name: 'dsb_interaction_first_response_seconds',
    help: 'Time from an interaction arriving to its first response (reply, defer or update); Discord allows 3 s.',
    labelNames: ['type'] as const,
    buckets: firstResponseBuckets,
    registers: [this.registry],
  });

  private readonly verifications = new Counter({
    name: 'dsb_verify_total',
    help: '/verify results by outcome (found, tag-missing, rate-limited, cooldown, …).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly pullLimitRemaining = new Gauge({
    name: 'dsb_dockerhub_pull_limit_remaining',
    help: 'Docker Hub pulls left in the current window, from the last lookup’s ratelimit-remaining header.',
    registers: [this.registry],
  });

  private readonly pullLimit = new Gauge({
    name: 'dsb_dockerhub_pull_limit',
    help: 'Docker Hub pulls allowed per window, from the last lookup’s ratelimit-limit header.',
    registers: [this.registry],
  });

  private readonly digests = new Counter({
    name: 'dsb_digests_total',
    help: 'Weekly study-group digests by outcome (sent, failed, abandoned after an interrupted send).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly reminders = new Counter({
    name: 'dsb_reminders_total',
    help: 'Inactivity reminders (DMs) by outcome (sent, dm-closed: paused, failed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    const readings = () => this.readings;
    new Gauge({
      name: 'dsb_gateway_connected',
      help: '1 while the Discord gateway connection is ready, else 0.',
      registers: [this.registry],
      collect() {
        this.set(readings()?.gatewayConnected() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'dsb_gateway_ping_seconds',
      help: 'Round trip of the last gateway heartbeat.',
      registers: [this.registry],
      collect() {
        // NaN, not 0, until the first heartbeat: an unknown ping must not look like a perfect one.
        const ping = readings()?.gatewayPingMs() ?? null;
        this.set(ping === null ? Number.NaN : ping / 1000);
      },
    });
    new Gauge({
      name: 'dsb_database_bytes',
      help: 'Size of the SQLite database file and of its write-ahead log.',
      labelNames: ['file'] as const,
      registers: [this.registry],
      collect() {
        const sizes = readings()?.databaseBytes();
        if (!sizes) return;
        this.set({ file: 'database' }, sizes.database);
        this.set({ file: 'wal' }, sizes.wal);
      },
    });
    new Gauge({
      name: 'dsb_course_lessons',
      help: 'Lessons in the loaded course.',
      registers: [this.registry],
      collect() {
        this.set(readings()?.lessons() ?? 0);
      },
    });
    new Gauge({
      name: 'dsb_dockerhub_breaker_state',
      help: 'Circuit breaker over Docker Hub requests: 0 closed (lookups go out), 1 half-open (one probe), 2 open (answered at once).',
      registers: [this.registry],
      collect() {
        const status = readings()?.dockerHub();
        if (status) this.set(breakerLevel[status.breaker]);
      },
    });
    new Gauge({
      name: 'dsb_verify_lookups',
      help: '/verify lookups sent to Docker Hub (running) and waiting for a slot (queued).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const status = readings()?.dockerHub();
        if (!status) return;
        this.set({ state: 'running' }, status.running);
        this.set({ state: 'queued' }, status.queued);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Connects the scrape-time readings once the bot's parts exist. */
  readFrom(readings: RuntimeReadings): void {
    this.readings = readings;
  }

  readonly interactionHandled = (handled: HandledInteraction): void => {
    this.interactions.inc({ type: handled.type, command: handled.name, outcome: handled.outcome });
  };

  readonly firstResponded = (type: HandledInteraction['type'], seconds: number): void => {
    this.firstResponse.observe({ type }, seconds);
  };

  readonly verified = (result: VerifyResult): void => {
    const outcome = result.kind === 'looked-up' ? result.report.outcome : result.kind;
    this.verifications.inc({ outcome });
    const rateLimit = result.kind === 'looked-up' ? result.report.details.rateLimit : undefined;
    if (rateLimit) {
      this.pullLimitRemaining.set(rateLimit.remaining);
      this.pullLimit.set(rateLimit.limit);
    }
  };

  readonly digestHandled = (outcome: DigestOutcome): void => {
    this.digests.inc({ outcome });
  };

  readonly reminderHandled = (outcome: ReminderOutcome): void => {
    this.reminders.inc({ outcome });
  };

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
