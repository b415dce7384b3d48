import { createHash } from 'node:crypto';
import { Agent, type Dispatcher, request } from 'undici';
import type { RequestHealth } from './circuit-breaker.js';

/** Every limit on one request; the total bounds the whole exchange including the body. */
export interface HttpTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  totalMs: number;
}

/** One request and its retry fit inside a lookup's deadline (LOOKUP_DEADLINE_MS). */
export const DEFAULT_REGISTRY_TIMEOUTS: HttpTimeouts = {
  connectMs: 2_000,
  headersMs: 4_000,
  bodyMs: 4_000,
  totalMs: 4_000,
};

export type NetworkFailure = 'timeout' | 'reset' | 'unreachable';
/** `request-budget`: the lookup's manifest GETs were spent before anything could be compared. */
export type UnavailableReason = NetworkFailure | 'http-5xx' | 'bad-response' | 'request-budget';

/** Why a request was sent, for the lookup report and its request count. */
export type RequestPurpose = 'token' | 'manifest-head' | 'manifest-get' | 'hub';

export interface RequestRecord {
  purpose: RequestPurpose;
  method: string;
  /** The HTTP status, or the network failure when no answer came. */
  result: number | NetworkFailure;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Present only when the caller asked for it. */
  body?: string;
  /** sha256 of the exact body bytes, `sha256:…`, whenever the body was read. */
  bodyDigest?: string;
}

export type HttpResult =
  | { ok: true; response: HttpResponse }
  | { ok: false; failure: NetworkFailure | 'bad-response' };

export interface HttpRequest {
  purpose: RequestPurpose;
  method: 'GET' | 'HEAD';
  url: URL;
  headers: Record<string, string>;
  /** Read the body as UTF-8 text up to this many bytes (more is a bad answer). */
  readBodyUpTo?: number;
  /** The caller's deadline (a lookup's, for all its requests together): it ends the request too. */
  signal?: AbortSignal;
}

/** An undici Agent with the connect/headers/body timeouts set. */
export function createTimedAgent(timeouts: HttpTimeouts): Agent {
  return new Agent({
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    keepAliveTimeout: 10_000,
  });
}

/**
 * Sends one request with every timeout applied and turns network errors into a small set of
 * failures. It never throws for network trouble; each request sent is appended to `trace`.
 * Once the caller's signal has fired, nothing more is sent.
 */
export class HttpSender {
  constructor(
    private readonly options: {
      dispatcher: Dispatcher;
      timeouts: HttpTimeouts;
      userAgent: string;
      /** Told whether each request got an answer (the circuit breaker); a stall counts as failed. */
      health?: { observer: RequestHealth; stallMs: number };
    },
  ) {}

  async send(req: HttpRequest, trace: RequestRecord[]): Promise<HttpResult> {
    const { timeouts } = this.options;
    if (req.signal?.aborted) return { ok: false, failure: classifyNetworkError(req.signal.reason) };
    const perRequest = AbortSignal.timeout(timeouts.totalMs);
    const health = this.watchHealth(req.signal);
    let answered = false;
    try {
      const answer = await request(req.url, {
        method: req.method,
        headers: { 'user-agent': this.options.userAgent, ...req.headers },
        dispatcher: this.options.dispatcher,
        headersTimeout: timeouts.headersMs,
        bodyTimeout: timeouts.bodyMs,
        signal: req.signal ? AbortSignal.any([perRequest, req.signal]) : perRequest,
      });
      answered = true;
      health.settled(answer.statusCode < 500);
      trace.push({ purpose: req.purpose, method: req.method, result: answer.statusCode });
      const headers = flattenHeaders(answer.headers);
      if (req.readBodyUpTo === undefined || req.method === 'HEAD') {
        await answer.body.dump();
        return { ok: true, response: { status: answer.statusCode, headers } };
      }
      const body = await readBody(answer.body, req.readBodyUpTo);
      if (!body) return { ok: false, failure: 'bad-response' };
      return { ok: true, response: { status: answer.statusCode, headers, ...body } };
    } catch (error) {
      const failure = classifyNetworkError(error);
      // A failure while reading the body belongs to the request already recorded.
      if (!answered) {
        health.settled(false);
        trace.push({ purpose: req.purpose, method: req.method, result: failure });
      }
      return { ok: false, failure };
    }
  }

  /**
   * Reports one request to the health observer exactly once: a stall as soon as it happens, else
   * its result. A request the caller aborted (deadline, breaker, shutdown) says nothing about
   * the registry; an answer after a stall still counts, so a slow registry closes the count again.
   */
  private watchHealth(signal: AbortSignal | undefined): { settled(ok: boolean): void } {
    const health = this.options.health;
    if (!health) return { settled: () => undefined };
    let reported = false;
    const stall = setTimeout(() => {
      reported = true;
      if (!signal?.aborted) health.observer.failed();
    }, health.stallMs);
    stall.unref();
    return {
      settled(ok) {
        clearTimeout(stall);
        if (ok) health.observer.answered();
        else if (!reported && !signal?.aborted) health.observer.failed();
        reported = true;
      },
    };
  }

  /**
   * Sends, and sends once more after a timeout, a reset or a 5xx: a single retry smooths a
   * blip without hammering a registry that is really down. Past the caller's deadline the
   * retry is not sent.
   */
  async sendWithOneRetry(req: HttpRequest, trace: RequestRecord[]): Promise<HttpResult> {
    const first = await this.send(req, trace);
    const retry = first.ok ? first.response.status >= 500 : first.failure !== 'bad-response';
    return retry ? this.send(req, trace) : first;
  }
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Reads at most `limit` bytes; a longer body is a bad answer (undefined), not a memory problem. */
async function readBody(
  body: AsyncIterable<Buffer> & { destroy(): void },
  limit: number,
): Promise<{ body: string; bodyDigest: string } | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  return {
    body: bytes.toString('utf8'),
    bodyDigest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
  };
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Walks the error and its causes: undici wraps socket errors, AbortSignal.timeout gives TimeoutError. */
export function classifyNetworkError(error: unknown): NetworkFailure {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const { name, code, cause } = current as { name?: string; code?: string; cause?: unknown };
    if (name === 'TimeoutError' || (code && TIMEOUT_CODES.has(code))) return 'timeout';
    if (code && UNREACHABLE_CODES.has(code)) return 'unreachable';
    current = cause;
  }
  return 'reset';
}
