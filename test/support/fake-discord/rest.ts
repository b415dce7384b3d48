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

/** Matches requests to routes, checks the bot token, records everything, answers JSON. */
export function createRestHandler(options: {
  routes: Route[];
  token: string;
  requests: RecordedRequest[];
  changed: Signal;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const compiled = options.routes.map(compile);

  const answer = async (req: IncomingMessage): Promise<{ reply: Reply; request: RecordedRequest }> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const underApi = url.pathname.startsWith(`${API_PREFIX}/`);
    const path = underApi ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const request: RecordedRequest = {
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
    options.requests.push(request);
    let body: RequestBody;
    try {
      body = await readRequestBody(req);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      return {
        reply: discordError(400, 50109, `The request body contains invalid JSON. ${error.message}`),
        request,
      };
    }
    request.body = body.json;
    request.files = body.files;

    for (const { route, regex, keys } of compiled) {
      if (route.method !== request.method || Boolean(route.raw) === underApi) continue;
      const match = regex.exec(path);
      if (!match) continue;
      request.route = route.name;
      if (route.auth && req.headers.authorization !== `Bot ${options.token}`) {
        return { reply: discordError(401, 0, '401: Unauthorized'), request };
      }
      const params = Object.fromEntries(keys.map((key, i) => [key, decodeURIComponent(match[i + 1] ?? '')]));
      return { reply: await route.handle({ params, query: url.searchParams, body, request }), request };
    }
    return { reply: notFound(), request };
  };

  return (req, res) => {
    answer(req)
      .catch((error: unknown) => ({
        reply: discordError(500, 0, `Fake Discord failed: ${String(error)}`),
        request: undefined,
      }))
      .then(({ reply, request }) => {
        if (request) {
          request.status = reply.status;
          const code = (reply.json as { code?: unknown } | undefined)?.code;
          if (reply.status >= 400 && typeof code === 'number') request.errorCode = code;
          options.changed.notify();
        }
        send(res, reply);
      });
  };
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
  res.writeHead(reply.status, { 'content-type': 'application/json' });
  res.end(text);
}
