import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { BearerChallenge } from './challenge.js';
import type { HttpSender } from './http.js';
import { type RegistryFailure, retryAfterSeconds } from './outcomes.js';
import type { RequestBudget } from './request-budget.js';

export interface RegistryCredentials {
  username: string;
  token: string;
}

const tokenAnswer = z
  .object({
    token: z.string().min(1).optional(),
    access_token: z.string().min(1).optional(),
    expires_in: z.number().positive().optional(),
  })
  .refine((answer) => answer.token ?? answer.access_token, 'a token');

/** The token spec's default lifetime when `expires_in` is missing. */
const DEFAULT_TOKEN_SECONDS = 60;
/** Stop using a token a little before it expires so a request never carries a stale one. */
const EXPIRY_MARGIN_SECONDS = 15;
const MAX_CACHED_TOKENS = 1_000;
const MAX_TOKEN_BODY_BYTES = 64 * 1024;

type TokenResult = { ok: true; token: string } | { ok: false; failure: RegistryFailure };

/**
 * Bearer tokens for the registry: follows the registry's challenge only to hosts we trust,
 * and keeps each token per scope until shortly before it expires. Tokens are never logged.
 */
export class TokenProvider {
  private challenge: { realm: string; service: string | undefined } | undefined;
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();
  private readonly trustedHosts: string[];

  constructor(
    private readonly options: {
      registryUrl: URL;
      authHosts: string[];
      credentials: RegistryCredentials | undefined;
      http: HttpSender;
      clock: Clock;
      logger: Logger | undefined;
    },
  ) {
    this.trustedHosts = [hostWithPort(options.registryUrl), ...options.authHosts.map(normaliseHostEntry)];
  }

  /** The realm learned from an earlier 401, so later scopes need no extra round trip. */
  get knownChallenge(): BearerChallenge | undefined {
    return this.challenge && { ...this.challenge, scope: undefined, error: undefined };
  }

  cached(scope: string): string | undefined {
    const entry = this.tokens.get(scope);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.options.clock.now()) {
      this.tokens.delete(scope);
      return undefined;
    }
    return entry.token;
  }

  forget(scope: string): void {
    this.tokens.delete(scope);
  }

  async fetch(challenge: BearerChallenge, scope: string, budget: RequestBudget): Promise<TokenResult> {
    const realm = this.trustedRealm(challenge.realm);
    if (!realm.ok) return realm;
    this.challenge = { realm: challenge.realm, service: challenge.service };
    const url = realm.url;
    if (challenge.service) url.searchParams.set('service', challenge.service);
    url.searchParams.set('scope', scope);
    const headers: Record<string, string> = { accept: 'application/json' };
    const { credentials } = this.options;
    if (credentials) {
      headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.token}`).toString('base64')}`;
    }
    const result = await this.options.http.sendWithOneRetry(
      {
        purpose: 'token',
        method: 'GET',
        url,
        headers,
        readBodyUpTo: MAX_TOKEN_BODY_BYTES,
        signal: budget.signal,
      },
      budget.requests,
    );
    if (!result.ok) return { ok: false, failure: { kind: 'unavailable', reason: result.failure } };
    const { status, headers: answerHeaders, body } = result.response;
    if (status === 429) {
      return {
        ok: false,
        failure: {
          kind: 'rate-limited',
          retryAfterSeconds: retryAfterSeconds(answerHeaders['retry-after'], this.options.clock.now()),
        },
      };
    }
    if (status >= 500) return { ok: false, failure: { kind: 'unavailable', reason: 'http-5xx' } };
    if (status !== 200) {
      this.options.logger?.warn({ status, realmHost: url.host }, 'token endpoint refused the token request');
      return { ok: false, failure: { kind: 'unavailable', reason: 'bad-response' } };
    }
    const parsed = tokenAnswer.safeParse(safeJson(body));
    if (!parsed.success) {
      this.options.logger?.warn({ realmHost: url.host }, 'token endpoint answered without a usable token');
      return { ok: false, failure: { kind: 'unavailable', reason: 'bad-response' } };
    }
    const token = (parsed.data.token ?? parsed.data.access_token)!;
    this.remember(scope, token, parsed.data.expires_in ?? DEFAULT_TOKEN_SECONDS);
    return { ok: true, token };
  }

  private remember(scope: string, token: string, lifetimeSeconds: number): void {
    const usableSeconds = lifetimeSeconds - Math.min(EXPIRY_MARGIN_SECONDS, lifetimeSeconds / 4);
    if (this.tokens.size >= MAX_CACHED_TOKENS) {
      const now = this.options.clock.now();
      for (const [key, entry] of this.tokens) if (entry.expiresAt <= now) this.tokens.delete(key);
      const oldest = this.tokens.keys().next();
      if (this.tokens.size >= MAX_CACHED_TOKENS && !oldest.done) this.tokens.delete(oldest.value);
    }
    this.tokens.set(scope, { token, expiresAt: this.options.clock.now() + usableSeconds * 1000 });
  }

  /** The realm must be on the registry's own host or a listed auth host, and never downgrade to http. */
  private trustedRealm(realm: string): { ok: true; url: URL } | { ok: false; failure: RegistryFailure } {
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      return { ok: false, failure: { kind: 'unavailable', reason: 'bad-response' } };
    }
    const downgrade = this.options.registryUrl.protocol === 'https:' && url.protocol !== 'https:';
    const webProtocol = url.protocol === 'https:' || url.protocol === 'http:';
    if (!webProtocol || downgrade || url.username || !this.trustedHosts.includes(hostWithPort(url))) {
      this.options.logger?.warn(
        { realmHost: url.host },
        'registry challenge points at an untrusted token host',
      );
      return { ok: false, failure: { kind: 'auth-realm-refused', realmHost: url.host } };
    }
    return { ok: true, url };
  }
}

function safeJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** `host:port` with the scheme's default port written out, so `a.io` and `a.io:443` compare equal. */
function hostWithPort(url: URL): string {
  return `${url.hostname.toLowerCase()}:${url.port || DEFAULT_PORTS[url.protocol] || ''}`;
}

/** An auth host entry without a port means the https default, as `auth.docker.io` does. */
function normaliseHostEntry(entry: string): string {
  const lower = entry.trim().toLowerCase();
  return /:\d+$/.test(lower) ? lower : `${lower}:443`;
}
