import type { Dispatcher } from 'undici';
import { type Clock, systemClock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { BaseImageChecker, type BaseImageVerdict } from '../../registry/base-image.js';
import {
  type BreakerSettings,
  type BreakerState,
  CircuitBreaker,
  DEFAULT_BREAKER_SETTINGS,
} from '../../registry/circuit-breaker.js';
import { type HeadOutcome, RegistryClient } from '../../registry/client.js';
import type { RequestRecord, UnavailableReason } from '../../registry/http.js';
import { HubClient, type HubTagInfo } from '../../registry/hub.js';
import type { ManifestCache } from '../../registry/manifest-cache.js';
import {
  checkLearnerImage,
  type ImageReference,
  type NameProblem,
  parseImageReference,
} from '../../registry/names.js';
import type { PullRateLimit } from '../../registry/outcomes.js';
import { LOOKUP_DEADLINE_MS, RequestBudget } from '../../registry/request-budget.js';
import { Coalescer, ConcurrencyLimit, Cooldown, QueueFullError, RateLimitMemory } from './lookup-limits.js';
import { checkOwnershipProof } from './ownership-proof.js';

/** Every verdict of one /verify, as recorded and as shown. Only `found` passes. */
export const lookupOutcomes = [
  'found',
  'tag-missing',
  'repository-missing-or-private',
  'not-built-from-base',
  'platform-not-found',
  'rate-limited',
  'cooldown',
  'unavailable',
  'auth-realm-refused',
  'invalid-input',
  /** The course's base image is missing or misspelt: the instructor must fix data/course.yaml. */
  'configuration-error',
  /** Starts with the base layers and adds none: the base image pushed under the learner's name. */
  'no-own-layer',
  /** The base image's own namespace (`diamol/…`): refused before any request. */
  'base-image-refused',
  /** First claim of a Docker ID: the image is fine, the learner's proof tag is not there yet. */
  'proof-tag-missing',
  /** The proof tag is there but names another image than the checked tag. */
  'proof-tag-mismatch',
  /** The learner's previous /verify is still being looked up. */
  'in-progress',
  /** The circuit breaker is open: the registry failed several times in a row; answered at once. */
  'hub-down',
  /** Too many lookups are waiting (or this one waited its whole deadline): try again later. */
  'busy',
  /** The bot is shutting down: the lookup was stopped before it had a verdict. */
  'interrupted',
] as const;

export type LookupOutcome = (typeof lookupOutcomes)[number];

/**
 * Outcomes that say something about the learner's image. Only these are kept as attempts and
 * start the learner's cooldown; refused input, waiting, outages and bot trouble are not the
 * learner's doing.
 */
const aboutTheImage: ReadonlySet<LookupOutcome> = new Set<LookupOutcome>([
  'found',
  'tag-missing',
  'repository-missing-or-private',
  'not-built-from-base',
  'platform-not-found',
  'no-own-layer',
  'proof-tag-missing',
  'proof-tag-mismatch',
]);

export function judgesTheImage(outcome: string): boolean {
  return aboutTheImage.has(outcome as LookupOutcome);
}

/** Everything beyond the outcome code; plain JSON so the store can keep it as text. */
export interface LookupDetails {
  problems?: NameProblem[];
  retryAfterSeconds?: number;
  cooldownSeconds?: number;
  unavailableReason?: UnavailableReason;
  realmHost?: string;
  /** The base image checked against, `diamol/base:latest`. */
  baseImage?: string;
  baseDigest?: string;
  /** The platforms whose layers were compared with the base image's, in order. */
  checkedPlatforms?: string[];
  /** Index entries not compared: past the entry cap, duplicates of a platform, or past the GET budget. */
  skippedEntries?: number;
  learnerPlatforms?: string[];
  basePlatforms?: string[];
  rateLimit?: PullRateLimit;
  /** This learner's lookup joined an identical one already in flight. */
  coalesced?: boolean;
  /** The ownership proof tag asked for (first claim of a Docker ID). */
  proofTag?: string;
  /** What the proof tag resolved to, when it names another image. */
  proofDigest?: string;
}

export interface LookupReport {
  outcome: LookupOutcome;
  passed: boolean;
  /** The checked image; null when the input was refused. */
  image: ImageReference | null;
  digest: string | null;
  mediaType: string | null;
  /** The platform whose layers matched the base image, when the deep check ran. */
  platform: string | null;
  details: LookupDetails;
  enrichment: HubTagInfo | null;
  /** The requests this lookup sent, in order (none when refused, cooling down or coalesced). */
  requests: RequestRecord[];
  /** ISO time from the injected clock. */
  checkedAt: string;
}

export interface LookupInput {
  /** Whose cooldown this counts against (the Discord user id, in practice). */
  learnerId: string;
  dockerId: string;
  repository: string;
  tag: string;
  check: { baseImage: string | null };
  /** Set when the learner must prove they own the Docker ID: this tag must name the same image. */
  proofTag?: string;
}

export interface ImageLookupDeps {
  client: RegistryClient;
  /** Shared with the client, which tells it about every registry request. */
  breaker?: CircuitBreaker;
  hub?: HubClient;
  clock?: Clock;
  logger?: Logger;
  cooldownSeconds: number;
  /** Lookups sent to the registry at once, across all learners. */
  maxConcurrent?: number;
  /** Lookups that may wait for a slot; anyone beyond is told at once how long to wait. */
  maxQueued?: number;
  /** One deadline for a lookup, its wait for a slot included; LOOKUP_DEADLINE_MS unless a test shortens it. */
  deadlineMs?: number;
}

const DEFAULT_MAX_CONCURRENT = 4;
/** Four rounds of the concurrency limit: a learner at the back waits a few seconds on a healthy Hub. */
const DEFAULT_MAX_QUEUED = 16;

/** What an operator sees of Docker Hub's health (metrics, /healthz detail). */
export interface HubStatus {
  breaker: BreakerState;
  /** Seconds until lookups go out again; 0 when the breaker is closed. */
  retryAfterSeconds: number;
  running: number;
  queued: number;
}

type Found = Pick<LookupReport, 'digest' | 'mediaType' | 'enrichment' | 'requests'>;

/**
 * /verify's question "is the learner's image on Docker Hub, built from the base?":
 * name checks → limits → HEAD → deep check and Hub enrichment → ownership proof HEAD when
 * asked. Never throws for registry trouble; every path ends in a LookupReport.
 */
export class ImageLookup {
  private readonly clock: Clock;
  private readonly cooldown: Cooldown;
  private readonly rateLimit: RateLimitMemory;
  private readonly coalescer = new Coalescer<LookupReport>();
  private readonly concurrency: ConcurrencyLimit;
  private readonly baseChecker: BaseImageChecker;
  /** Learners with a lookup running: one at a time each, so parallel /verify cannot skip the cooldown. */
  private readonly inFlight = new Set<string>();
  private readonly breaker: CircuitBreaker;
  /** Fired once, at shutdown: every lookup still waiting or running stops. */
  private readonly stopping = new AbortController();

  constructor(private readonly deps: ImageLookupDeps) {
    this.clock = deps.clock ?? systemClock;
    this.cooldown = new Cooldown(this.clock, deps.cooldownSeconds);
    this.rateLimit = new RateLimitMemory(this.clock);
    this.concurrency = new ConcurrencyLimit(
      deps.maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
      deps.maxQueued ?? DEFAULT_MAX_QUEUED,
    );
    this.baseChecker = new BaseImageChecker(deps.client, this.clock);
    this.breaker = deps.breaker ?? new CircuitBreaker(this.clock);
  }

  status(): HubStatus {
    return {
      breaker: this.breaker.state,
      retryAfterSeconds: this.breaker.secondsUntilRetry(),
      running: this.concurrency.running,
      queued: this.concurrency.queued,
    };
  }

  /** Shutdown: lookups waiting or running end now as `interrupted`, and no new one starts. */
  interruptAll(): void {
    this.stopping.abort(new Error('the bot is shutting down'));
  }

  async lookupImage(input: LookupInput): Promise<LookupReport> {
    const checked = checkLearnerImage(input);
    if (!checked.ok) return this.report('invalid-input', null, { problems: checked.problems });
    const image = checked.value;

    let base: ImageReference | null = null;
    if (input.check.baseImage) {
      const parsed = parseImageReference(input.check.baseImage);
      if (!parsed.ok) {
        this.deps.logger?.error(
          { baseImage: input.check.baseImage },
          'course base image is not a valid reference',
        );
        return this.report('configuration-error', image, { baseImage: input.check.baseImage });
      }
      base = parsed.value;
      // The course's own base image (or anything else of its publisher) is nobody's work.
      if (image.namespace === base.namespace) {
        return this.report('base-image-refused', image, { baseImage: `${base.name}:${base.tag}` });
      }
    }

    if (this.stopping.signal.aborted) return this.report('interrupted', image, {});
    const blocked = this.rateLimit.secondsLeft();
    if (blocked > 0) return this.report('rate-limited', image, { retryAfterSeconds: blocked });
    const waitSeconds = this.cooldown.secondsLeft(input.learnerId);
    if (waitSeconds > 0) return this.report('cooldown', image, { cooldownSeconds: waitSeconds });
    if (this.inFlight.has(input.learnerId)) return this.report('in-progress', image, {});

    this.inFlight.add(input.learnerId);
    let report: LookupReport;
    let joined: boolean;
    try {
      ({ report, joined } = await this.coalesced(image, base, input.proofTag));
    } finally {
      this.inFlight.delete(input.learnerId);
    }
    // Only a lookup that judged the image costs the learner a pause; an outage does not.
    if (judgesTheImage(report.outcome)) this.cooldown.start(input.learnerId);
    if (joined) return { ...report, requests: [], details: { ...report.details, coalesced: true } };
    this.deps.logger?.debug(
      { image: `${image.name}:${image.tag}`, outcome: report.outcome, requests: report.requests.length },
      'verify lookup finished',
    );
    return report;
  }

  /** Identical lookups in flight share one run; the proof tag is part of what makes them identical. */
  private async coalesced(image: ImageReference, base: ImageReference | null, proofTag: string | undefined) {
    const key = `${image.name}:${image.tag}|${base ? `${base.name}:${base.tag}` : ''}|${proofTag ?? ''}`;
    const joined = this.coalescer.has(key);
    const report = await this.coalescer.run(key, () => this.admitted(image, base, proofTag));
    return { report, joined };
  }

  /**
   * Past the circuit breaker and into the bounded queue, under one deadline that counts from
   * here. A lookup cut short by the breaker opening, a shutdown or its deadline while queued
   * says so; none of these is a verdict.
   */
  private async admitted(
    image: ImageReference,
    base: ImageReference | null,
    proofTag: string | undefined,
  ): Promise<LookupReport> {
    const admission = this.breaker.admit();
    if (!admission.admitted) {
      return this.report('hub-down', image, { retryAfterSeconds: admission.retryAfterSeconds });
    }
    const budget = new RequestBudget({
      deadlineMs: this.deps.deadlineMs ?? LOOKUP_DEADLINE_MS,
      abortWith: [admission.signal, this.stopping.signal],
    });
    try {
      const report = await this.concurrency.run(
        () => this.query(image, base, proofTag, budget),
        budget.signal,
      );
      return report.outcome === 'unavailable' ? (this.cutShort(image, admission.signal) ?? report) : report;
    } catch (error) {
      if (error instanceof QueueFullError) {
        return this.report('busy', image, { retryAfterSeconds: error.waitSeconds });
      }
      if (!budget.signal.aborted) throw error;
      // Stopped while waiting for a slot: by the breaker, a shutdown, or the deadline itself.
      return (
        this.cutShort(image, admission.signal) ??
        this.report('busy', image, { retryAfterSeconds: this.concurrency.estimatedWaitSeconds() })
      );
    } finally {
      if (admission.probe) this.breaker.probeFinished();
    }
  }

  /** The report for a lookup stopped by a shutdown or by the breaker opening; null otherwise. */
  private cutShort(image: ImageReference, breakerSignal: AbortSignal): LookupReport | null {
    if (this.stopping.signal.aborted) return this.report('interrupted', image, {});
    if (breakerSignal.aborted) {
      return this.report('hub-down', image, { retryAfterSeconds: this.breaker.secondsUntilRetry() });
    }
    return null;
  }

  private async query(
    image: ImageReference,
    base: ImageReference | null,
    proofTag: string | undefined,
    budget: RequestBudget,
  ): Promise<LookupReport> {
    // The limit may have been hit while this lookup waited for a slot.
    const blocked = this.rateLimit.secondsLeft();
    if (blocked > 0) return this.report('rate-limited', image, { retryAfterSeconds: blocked });

    const trace = budget.requests;
    const head = await this.deps.client.headManifest(image, image.tag, budget);
    if (head.kind !== 'found') return this.headFailure(head, image, trace);

    const found = { digest: head.digest, mediaType: head.mediaType };
    const details: LookupDetails = head.rateLimit ? { rateLimit: head.rateLimit } : {};
    const [verdict, enrichment] = await Promise.all([
      base ? this.baseChecker.check({ name: image.name, digest: head.digest }, base, budget) : undefined,
      this.deps.hub?.tagInfo(image, budget),
    ]);
    const extra = { ...found, enrichment: enrichment ?? null, requests: trace };
    const report =
      verdict && base
        ? this.verdictReport(verdict, image, base, details, extra)
        : this.report('found', image, details, extra);
    if (report.outcome !== 'found' || proofTag === undefined) return report;
    return this.withOwnershipProof(report, image, proofTag, extra, budget);
  }

  /** The checked tag passed; a first claim also needs the proof tag on the same digest. */
  private async withOwnershipProof(
    found: LookupReport,
    image: ImageReference,
    proofTag: string,
    extra: Found,
    budget: RequestBudget,
  ): Promise<LookupReport> {
    const digest = found.digest ?? '';
    const proof = await checkOwnershipProof(this.deps.client, image, digest, proofTag, budget);
    const details = { ...found.details, proofTag };
    const keep = { ...extra, platform: found.platform };
    switch (proof.kind) {
      case 'proven':
        return this.report('found', image, details, keep);
      case 'missing':
        return this.report('proof-tag-missing', image, details, keep);
      case 'mismatch':
        return this.report('proof-tag-mismatch', image, { ...details, proofDigest: proof.proofDigest }, keep);
      default:
        return this.headFailure(proof, image, extra.requests);
    }
  }

  private headFailure(
    head: Exclude<HeadOutcome, { kind: 'found' }>,
    image: ImageReference,
    trace: RequestRecord[],
  ) {
    const extra = { requests: trace };
    switch (head.kind) {
      case 'tag-missing':
      case 'repository-missing-or-private':
        return this.report(head.kind, image, {}, extra);
      case 'rate-limited':
        this.rateLimit.block(head.retryAfterSeconds);
        return this.report('rate-limited', image, { retryAfterSeconds: head.retryAfterSeconds }, extra);
      case 'unavailable':
        return this.report('unavailable', image, { unavailableReason: head.reason }, extra);
      case 'auth-realm-refused':
        return this.report('auth-realm-refused', image, { realmHost: head.realmHost }, extra);
      case 'invalid-input':
        return this.report('invalid-input', image, {}, extra);
    }
  }

  private verdictReport(
    verdict: BaseImageVerdict,
    image: ImageReference,
    base: ImageReference,
    details: LookupDetails,
    extra: Partial<LookupReport>,
  ): LookupReport {
    const baseImage = `${base.name}:${base.tag}`;
    // What every comparison with the base found, whatever its verdict.
    const compared = (judged: {
      baseDigest: string;
      checkedPlatforms: string[];
      skippedEntries: number;
    }) => ({
      ...details,
      baseImage,
      baseDigest: judged.baseDigest,
      checkedPlatforms: judged.checkedPlatforms,
      skippedEntries: judged.skippedEntries,
    });
    switch (verdict.kind) {
      case 'built-from-base':
        return this.report('found', image, compared(verdict), {
          ...extra,
          platform: verdict.platform ?? null,
        });
      case 'not-built-from-base':
      case 'no-own-layer':
        return this.report(verdict.kind, image, compared(verdict), extra);
      case 'platform-not-found':
        return this.report(
          'platform-not-found',
          image,
          {
            ...details,
            baseImage,
            learnerPlatforms: verdict.learnerPlatforms,
            basePlatforms: verdict.basePlatforms,
            skippedEntries: verdict.skippedEntries,
          },
          extra,
        );
      case 'base-image-missing':
        this.deps.logger?.error({ baseImage }, 'course base image was not found on the registry');
        return this.report('configuration-error', image, { ...details, baseImage }, extra);
      case 'manifest-missing':
        // The tag moved between HEAD and GET (a push in progress): worth another try soon.
        return this.report('unavailable', image, { ...details, unavailableReason: 'bad-response' }, extra);
      case 'rate-limited':
        this.rateLimit.block(verdict.retryAfterSeconds);
        return this.report(
          'rate-limited',
          image,
          { ...details, retryAfterSeconds: verdict.retryAfterSeconds },
          extra,
        );
      case 'unavailable':
        return this.report('unavailable', image, { ...details, unavailableReason: verdict.reason }, extra);
      case 'auth-realm-refused':
        return this.report('auth-realm-refused', image, { ...details, realmHost: verdict.realmHost }, extra);
      case 'repository-missing-or-private':
        return this.report('repository-missing-or-private', image, details, extra);
      case 'invalid-input':
        return this.report('invalid-input', image, details, extra);
    }
  }

  private report(
    outcome: LookupOutcome,
    image: ImageReference | null,
    details: LookupDetails,
    extra: Partial<LookupReport> = {},
  ): LookupReport {
    return {
      outcome,
      passed: outcome === 'found',
      image,
      digest: null,
      mediaType: null,
      platform: null,
      enrichment: null,
      requests: [],
      ...extra,
      details,
      checkedAt: new Date(this.clock.now()).toISOString(),
    };
  }
}

/** Builds the lookup from the bot's configuration; the store supplies the manifest cache. */
export function createImageLookup(
  config: Pick<
    Config,
    | 'DOCKER_REGISTRY_URL'
    | 'DOCKER_AUTH_HOSTS'
    | 'DOCKER_HUB_API_URL'
    | 'DOCKERHUB_USERNAME'
    | 'DOCKERHUB_TOKEN'
    | 'VERIFY_COOLDOWN_SECONDS'
  >,
  deps: {
    manifestCache: ManifestCache;
    clock?: Clock;
    logger?: Logger;
    dispatcher?: Dispatcher;
    /** For tests and benchmarks: the breaker's thresholds, the queue's bound. */
    breaker?: Partial<BreakerSettings>;
    maxQueued?: number;
  },
): ImageLookup {
  const settings = { ...DEFAULT_BREAKER_SETTINGS, ...deps.breaker };
  const breaker = new CircuitBreaker(deps.clock ?? systemClock, settings, (state) =>
    deps.logger?.[state === 'open' ? 'warn' : 'info']({ breaker: state }, 'Docker registry circuit breaker'),
  );
  const credentials =
    config.DOCKERHUB_USERNAME && config.DOCKERHUB_TOKEN
      ? { username: config.DOCKERHUB_USERNAME, token: config.DOCKERHUB_TOKEN }
      : undefined;
  const client = new RegistryClient({
    registryUrl: config.DOCKER_REGISTRY_URL,
    authHosts: config.DOCKER_AUTH_HOSTS,
    manifestCache: deps.manifestCache,
    credentials,
    logger: deps.logger,
    dispatcher: deps.dispatcher,
    clock: deps.clock,
    health: { observer: breaker, stallMs: settings.stallMs },
  });
  const hub = new HubClient({
    hubUrl: config.DOCKER_HUB_API_URL,
    logger: deps.logger,
    dispatcher: deps.dispatcher,
  });
  return new ImageLookup({
    client,
    breaker,
    ...(deps.maxQueued === undefined ? {} : { maxQueued: deps.maxQueued }),
    hub,
    cooldownSeconds: config.VERIFY_COOLDOWN_SECONDS,
    clock: deps.clock,
    logger: deps.logger,
  });
}
