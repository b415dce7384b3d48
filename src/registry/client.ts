import type { Dispatcher } from 'undici';
import { type Clock, systemClock } from '../clock.js';
import type { Logger } from '../logger.js';
import { trimChar } from '../strings.js';
import { type RegistryCredentials, TokenProvider } from './auth.js';
import { parseBearerChallenge } from './challenge.js';
import type { RequestHealth } from './circuit-breaker.js';
import {
  createTimedAgent,
  DEFAULT_REGISTRY_TIMEOUTS,
  type HttpRequest,
  type HttpResponse,
  HttpSender,
  type HttpTimeouts,
} from './http.js';
import type { ManifestCache } from './manifest-cache.js';
import { MANIFEST_ACCEPT, type ParsedManifest, parseManifest } from './manifests.js';
import { DIGEST_PATTERN, PATH_COMPONENT_PATTERN, TAG_PATTERN } from './names.js';
import { type HeadOutcome, parsePullRateLimit, type RegistryFailure, retryAfterSeconds } from './outcomes.js';
import { RequestBudget } from './request-budget.js';

export type { RegistryCredentials } from './auth.js';
export type { HeadOutcome, PullRateLimit, RegistryFailure } from './outcomes.js';

export const DEFAULT_USER_AGENT = 'docker-study-bot/0.1';
/** Registries refuse manifests above 4 MiB; anything bigger is not a manifest. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export interface RegistryClientOptions {
  /** e.g. `https://registry-1.docker.io` */
  registryUrl: string;
  /** Token hosts (`host[:port]`) the client may follow besides the registry's own host. */
  authHosts: string[];
  credentials?: RegistryCredentials;
  timeouts?: HttpTimeouts;
  userAgent?: string;
  logger?: Logger;
  /** Defaults to an undici Agent with the timeouts; tests pass their own. */
  dispatcher?: Dispatcher;
  manifestCache: ManifestCache;
  clock?: Clock;
  /** Told about every registry and token request (the circuit breaker). */
  health?: { observer: RequestHealth; stallMs: number };
}

/** A repository name `namespace/repository` already checked by names.ts. */
export interface RepositoryName {
  name: string;
}

export type ManifestOutcome =
  | { kind: 'manifest'; digest: string; manifest: ParsedManifest; fromCache: boolean }
  | { kind: 'manifest-missing' }
  /** Not in the cache, and the budget has no manifest GET left: nothing was sent. */
  | { kind: 'over-budget' }
  | RegistryFailure;

type Exchange = { ok: true; response: HttpResponse } | { ok: false; failure: RegistryFailure };

/**
 * Asks a Docker registry about manifests: HEAD by tag (free on Docker Hub), GET by digest
 * (a counted pull, so cached by digest and limited per lookup by the budget). Every request
 * ends by the budget's deadline; every answer is one of a few outcomes; network trouble never
 * throws.
 */
export class RegistryClient {
  private readonly http: HttpSender;
  private readonly tokens: TokenProvider;
  private readonly baseUrl: URL;
  private readonly clock: Clock;

  constructor(private readonly options: RegistryClientOptions) {
    this.baseUrl = new URL(trimChar(options.registryUrl, '/', 'end'));
    this.clock = options.clock ?? systemClock;
    const timeouts = options.timeouts ?? DEFAULT_REGISTRY_TIMEOUTS;
    this.http = new HttpSender({
      dispatcher: options.dispatcher ?? createTimedAgent(timeouts),
      timeouts,
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      ...(options.health ? { health: options.health } : {}),
    });
    this.tokens = new TokenProvider({
      registryUrl: this.baseUrl,
      authHosts: options.authHosts,
      credentials: options.credentials,
      http: this.http,
      clock: this.clock,
      logger: options.logger,
    });
  }

  /** Does `name:tag` exist? A HEAD, which Docker Hub does not count as a pull. */
  async headManifest(
    repo: RepositoryName,
    tag: string,
    budget: RequestBudget = new RequestBudget(),
  ): Promise<HeadOutcome> {
    if (!isRepositoryName(repo.name) || !(TAG_PATTERN.test(tag) || DIGEST_PATTERN.test(tag))) {
      return { kind: 'invalid-input' };
    }
    const exchange = await this.authorized(repo.name, 'HEAD', tag, budget);
    if (!exchange.ok) return exchange.failure;
    const { status, headers } = exchange.response;
    if (status === 404) return { kind: 'tag-missing' };
    if (status !== 200) return this.failureFor(exchange.response);
    const digest = headers['docker-content-digest'];
    const mediaType = headers['content-type']?.split(';')[0]?.trim();
    if (!digest || !DIGEST_PATTERN.test(digest) || !mediaType) {
      return { kind: 'unavailable', reason: 'bad-response' };
    }
    const rateLimit = parsePullRateLimit(headers);
    return rateLimit ? { kind: 'found', digest, mediaType, rateLimit } : { kind: 'found', digest, mediaType };
  }

  /** The base image's current digest: a tag can move, so this always asks. */
  resolveTag(repo: RepositoryName, tag: string, budget?: RequestBudget): Promise<HeadOutcome> {
    return this.headManifest(repo, tag, budget);
  }

  /** Whether a GET of this digest would be served from the cache (and so cost no pull). */
  hasCached(digest: string): boolean {
    return this.options.manifestCache.has(digest);
  }

  /**
   * A manifest by digest: from the cache when seen before, else one GET (spent from the
   * budget) whose body must hash to the digest before it is cached.
   */
  async getManifest(
    repo: RepositoryName,
    digest: string,
    budget: RequestBudget = new RequestBudget(),
  ): Promise<ManifestOutcome> {
    if (!isRepositoryName(repo.name) || !DIGEST_PATTERN.test(digest)) return { kind: 'invalid-input' };
    const cached = this.options.manifestCache.get(digest);
    if (cached) {
      const manifest = parseManifest(cached.body, cached.mediaType);
      if (manifest) return { kind: 'manifest', digest, manifest, fromCache: true };
    }
    if (!budget.takeManifestGet()) return { kind: 'over-budget' };
    const exchange = await this.authorized(repo.name, 'GET', digest, budget);
    if (!exchange.ok) return exchange.failure;
    const { status, headers, body, bodyDigest } = exchange.response;
    if (status === 404) return { kind: 'manifest-missing' };
    if (status !== 200) return this.failureFor(exchange.response);
    if (body === undefined || bodyDigest !== digest) {
      this.options.logger?.warn({ name: repo.name, digest }, 'manifest body does not match its digest');
      return { kind: 'unavailable', reason: 'bad-response' };
    }
    const mediaType = headers['content-type']?.split(';')[0]?.trim();
    const manifest = parseManifest(body, mediaType);
    if (!manifest) return { kind: 'unavailable', reason: 'bad-response' };
    this.options.manifestCache.put(digest, manifest.mediaType, body);
    return { kind: 'manifest', digest, manifest, fromCache: false };
  }

  /**
   * Sends a manifest request with a Bearer token for `repository:NAME:pull`. Without a token
   * and without a known realm, the first 401 teaches the realm; a 401 on a token fetched for
   * this very request means the repository is missing or private (Docker Hub cannot tell
   * which). A token that earned a 401 is dropped, so a repository made public a moment ago
   * is seen on the next try.
   */
  private async authorized(
    name: string,
    method: 'GET' | 'HEAD',
    reference: string,
    budget: RequestBudget,
  ): Promise<Exchange> {
    const scope = `repository:${name}:pull`;
    const url = new URL(
      `${this.baseUrl.pathname.replace(/\/$/, '')}/v2/${name}/manifests/${reference}`,
      this.baseUrl,
    );
    const request = (token: string | undefined): HttpRequest => ({
      purpose: method === 'HEAD' ? 'manifest-head' : 'manifest-get',
      method,
      url,
      headers: { accept: MANIFEST_ACCEPT, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(method === 'GET' ? { readBodyUpTo: MAX_MANIFEST_BYTES } : {}),
      signal: budget.signal,
    });

    let token = this.tokens.cached(scope);
    let fresh = false;
    const known = this.tokens.knownChallenge;
    if (!token && known) {
      const fetched = await this.tokens.fetch(known, scope, budget);
      if (!fetched.ok) return fetched;
      token = fetched.token;
      fresh = true;
    }
    const first = await this.send(request(token), budget);
    if (!first.ok || first.response.status !== 401) return first;
    this.tokens.forget(scope);
    if (fresh) return { ok: false, failure: { kind: 'repository-missing-or-private' } };

    const challenge = parseBearerChallenge(first.response.headers['www-authenticate']);
    if (!challenge) return { ok: false, failure: { kind: 'unavailable', reason: 'bad-response' } };
    const fetched = await this.tokens.fetch(challenge, scope, budget);
    if (!fetched.ok) return fetched;
    const second = await this.send(request(fetched.token), budget);
    if (second.ok && second.response.status === 401) {
      this.tokens.forget(scope);
      return { ok: false, failure: { kind: 'repository-missing-or-private' } };
    }
    return second;
  }

  private async send(request: HttpRequest, budget: RequestBudget): Promise<Exchange> {
    const result = await this.http.sendWithOneRetry(request, budget.requests);
    if (!result.ok) return { ok: false, failure: { kind: 'unavailable', reason: result.failure } };
    return result;
  }

  private failureFor(response: HttpResponse): RegistryFailure {
    if (response.status === 429) {
      return {
        kind: 'rate-limited',
        retryAfterSeconds: retryAfterSeconds(response.headers['retry-after'], this.clock.now()),
      };
    }
    if (response.status >= 500) return { kind: 'unavailable', reason: 'http-5xx' };
    this.options.logger?.warn({ status: response.status }, 'registry answered with an unexpected status');
    return { kind: 'unavailable', reason: 'bad-response' };
  }
}

function isRepositoryName(name: string): boolean {
  const parts = name.split('/');
  return name.length <= 255 && parts.length === 2 && parts.every((part) => PATH_COMPONENT_PATTERN.test(part));
}
