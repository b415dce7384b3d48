import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, type ReceivedFile, type RequestBody, readRequestBody } from './body.js';
import { discordError, notFound } from './errors.js';
import type { Signal } from './signal.js';

/** One HTTP request the bot made, with what the fake answered. */
export interface RecordedRequest {
  method: string;
  /** The path below /api/v10, e.g. "/interactions/123/abc/callback". */
  path: string;
  query: Record<string, string>;
  headers: { authorization?: string; contentType?: string; userAgent?: string };
  body: unknown;
  files: ReceivedFile[];
  at: number;
  /** The route that handled it; undefined for a call the fake does not know (answered 404). */
  route?: string;
  status?: number;
  /** Discord's JSON error code in the answer, if any. */
  errorCode?: number;
}

/** What a handler answers: a status and an optional JSON body (or raw bytes). */
export interface Reply {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
  bytes?: { data: Buffer; contentType: string };
}

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: RequestBody;
  request: RecordedRequest;
}

export interface Route {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path pattern below /api/v10 with :params, e.g. "/interactions/:id/:token/callback". */
  path: string;
  /** Routes called with the bot token (discord.js sends none on interaction webhooks). */
  auth: boolean;
  /** Served outside /api/v10 (attachment downloads). */
  raw?: boolean;
  handle(context: RouteContext): Reply | Promise<Reply>;
}

const API_PREFIX = '/api/v10';

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  keys: string[];
}

function compile(route: Route): CompiledRoute {
  const keys: string[] = [];
  const pattern = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { route, regex: new RegExp(`^${pattern}$`), keys };
}

/**
 * A planned failure: the next `times` requests to a route get this status instead of an
 * answer (5xx: @discordjs/rest retries; 429: it waits `retryAfterSeconds` and retries; 4xx:
 * Discord refused the request, and discord.js throws a DiscordAPIError with `code` and `message`).
 */
export interface PlannedFailure {
  route: string;
  status: 400 | 403 | 404 | 429 | 500 | 502 | 503 | 504;
  times?: number;
  retryAfterSeconds?: number;
  /** For 4xx: Discord's error code and message (default 0 and "{status}: Fake refusal"). */
  code?: number;
  message?: string;
}

function failureReply(failure: PlannedFailure): Reply {
  if (failure.status < 429) {
    return discordError(
      failure.status,
      failure.code ?? 0,
      failure.message ?? `${failure.status}: Fake refusal`,
    );
  }
  if (failure.status !== 429) return discordError(failure.status, 0, `${failure.status}: Fake outage`);
  const retryAfter = failure.retryAfterSeconds ?? 1;
  return {
    status: 429,
    json: { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
    headers: { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' },
  };
}

function recordOf(req: IncomingMessage, url: URL, path: string): RecordedRequest {
  return {
    method: req.method ?? 'GET',
    path,
    query: Object.fromEntries(url.searchParams),
    headers: {
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
      ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
    },
    body: undefined,
    files: [],
    at: Date.now(),
  };
}

/** Matches requests to routes, checks the bot token, records everything, answers JSON. */
export function createRestHandler(options: {
  routes: Route[];
  token: string;
  requests: RecordedRequest[];
  failures: PlannedFailure[];
  changed: Signal;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const compiled = options.routes.map(compile);

  const takeFailure = (routeName: string): Reply | undefined => {
    const failure = options.failures.find((candidate) => candidate.route === routeName);
    if (!failure) return undefined;
    failure.times = (failure.times ?? 1) - 1;
    if (failure.times <= 0) options.failures.splice(options.failures.indexOf(failure), 1);
    return failureReply(failure);
  };

  const answer = async (req: IncomingMessage, url: URL, request: RecordedRequest): Promise<Reply> => {
    const underApi = url.pathname.startsWith(`${API_PREFIX}/`);
    let body: RequestBody;
    try {
      body = await readRequestBody(req);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      return discordError(400, 50109, `The request body contains invalid JSON. ${error.message}`);
    }
    request.body = body.json;
    request.files = body.files;

    for (const { route, regex, keys } of compiled) {
      if (route.method !== request.method || Boolean(route.raw) === underApi) continue;
      const match = regex.exec(request.path);
      if (!match) continue;
      request.route = route.name;
      if (route.auth && req.headers.authorization !== `Bot ${options.token}`) {
        return discordError(401, 0, '401: Unauthorized');
      }
      const failure = takeFailure(route.name);
      if (failure) return failure;
      const params = Object.fromEntries(keys.map((key, i) => [key, match[i + 1] ?? '']));
      return route.handle({ params, query: url.searchParams, body, request });
    }
    return notFound();
  };

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const underApi = url.pathname.startsWith(`${API_PREFIX}/`);
    // discord.js escapes "@original" as %40original; record and match the plain path.
    const pathname = safeDecode(url.pathname);
    const request = recordOf(req, url, underApi ? pathname.slice(API_PREFIX.length) : pathname);
    options.requests.push(request);
    answer(req, url, request)
      .catch((error: unknown) => discordError(500, 0, `Fake Discord failed: ${String(error)}`))
      .then((reply) => {
        request.status = reply.status;
        const code = (reply.json as { code?: unknown } | undefined)?.code;
        if (reply.status >= 400 && typeof code === 'number') request.errorCode = code;
        options.changed.notify();
        send(res, reply);
      });
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.bytes) {
    res.writeHead(reply.status, { 'content-type': reply.bytes.contentType });
    res.end(reply.bytes.data);
    return;
  }
  if (reply.json === undefined) {
    res.writeHead(reply.status);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.json);
  res.writeHead(reply.status, { ...reply.headers, 'content-type': 'application/json' });
  res.end(text);
}
