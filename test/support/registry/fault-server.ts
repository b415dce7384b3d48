import { createServer, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from './listen.js';

/**
 * Cases the real registry cannot produce on demand. The namespace `faults` and the
 * repository name choose the fault: `/v2/faults/<fault>/manifests/<tag>`.
 */
export const FAULTS = {
  /** 429 with `Retry-After: 120`. */
  rateLimited: 'rate-limited',
  /** 500 every time. */
  serverError: 'server-error',
  /** Never answers; the client's timeout must end it. */
  slow: 'slow',
  /** Accepts the request, then destroys the socket. */
  reset: 'reset',
  /** 401 with a realm on this server whose /token answers malformed JSON. */
  badTokenJson: 'bad-token-json',
  /** 401 with a realm on a host the client does not trust (`localhost` instead of 127.0.0.1). */
  foreignRealm: 'foreign-realm',
  /** 200 without `Docker-Content-Digest`. */
  noDigest: 'no-digest',
  /** 200 with a digest and Docker Hub's `ratelimit-*` headers. */
  withPullLimits: 'with-pull-limits',
  /** 401 with a realm on this server whose token endpoint never answers. */
  slowToken: 'slow-token',
  /**
   * HEAD: 200 with FAULT_DIGEST. GET: 200 and a body that trickles one byte every 50 ms and
   * never ends, so no per-read timeout fires; only a total deadline ends it.
   */
  trickle: 'trickle',
} as const;

/** The digest the `with-pull-limits` fault answers with. */
export const FAULT_DIGEST = `sha256:${'ab'.repeat(32)}`;

export const FAULT_NAMESPACE = 'faults';
export const RATE_LIMIT_RETRY_AFTER_SECONDS = 120;

export interface FaultRequest {
  method: string;
  path: string;
  /** The host the request was addressed to, to prove nothing went to a foreign realm. */
  host: string;
}

export interface FaultServer {
  url: string;
  host: string;
  requests: FaultRequest[];
  stop(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const requests: FaultRequest[] = [];
  let port = 0;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', path, host: req.headers.host ?? '' });
    if (path.startsWith('/token-slow')) return; // left hanging
    if (path.startsWith('/token')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"token": "unterminated');
      return;
    }
    const fault = /^\/v2\/faults\/([a-z-]+)\/manifests\//.exec(path)?.[1];
    switch (fault) {
      case FAULTS.rateLimited:
        res.writeHead(429, { 'retry-after': String(RATE_LIMIT_RETRY_AFTER_SECONDS) }).end();
        return;
      case FAULTS.serverError:
        res.writeHead(500).end();
        return;
      case FAULTS.slow:
        return; // left hanging until the client gives up or the server stops
      case FAULTS.reset:
        req.socket.destroy();
        return;
      case FAULTS.badTokenJson:
        challenge(res, `http://127.0.0.1:${port}/token`);
        return;
      case FAULTS.foreignRealm:
        challenge(res, `http://localhost:${port}/token`);
        return;
      case FAULTS.noDigest:
        res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' }).end();
        return;
      case FAULTS.slowToken:
        challenge(res, `http://127.0.0.1:${port}/token-slow`);
        return;
      case FAULTS.trickle:
        trickle(req.method ?? 'GET', res);
        return;
      case FAULTS.withPullLimits:
        res
          .writeHead(200, {
            'content-type': 'application/vnd.docker.distribution.manifest.v2+json',
            'docker-content-digest': FAULT_DIGEST,
            'ratelimit-limit': '100;w=21600',
            'ratelimit-remaining': '76;w=21600',
          })
          .end();
        return;
      default:
        res.writeHead(404).end();
    }
  });
  port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    stop: () => closeServer(server),
  };
}

/** A registry's 401 that sends the client to `realm` for a token. */
function challenge(res: ServerResponse, realm: string): void {
  res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="faults"` }).end();
}

function trickle(method: string, res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'application/vnd.docker.distribution.manifest.v2+json',
    'docker-content-digest': FAULT_DIGEST,
  });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  res.write('{');
  const timer = setInterval(() => res.write(' '), 50);
  res.on('close', () => clearInterval(timer));
}
