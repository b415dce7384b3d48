import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthReport } from './health.js';

export interface HealthServerOptions {
  host: string;
  /** 0 picks a free port (tests); the bound one is in `port` afterwards. */
  port: number;
  health(): HealthReport;
  metrics(): Promise<{ contentType: string; body: string }>;
}

export interface HealthServer {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  head: boolean,
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(head ? undefined : body);
}

/**
 * `/healthz` (200 when every part is healthy, else 503 naming the failing parts, as JSON) and
 * `/metrics` (Prometheus text) for supervisors and scrapers. Nothing else is served; a request
 * costs the same whatever it carries, and slow or idle connections are cut.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) {
      response.setHeader('allow', 'GET, HEAD');
      return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n', false);
    }
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      const report = options.health();
      return send(
        response,
        report.status === 'ok' ? 200 : 503,
        'application/json; charset=utf-8',
        `${JSON.stringify(report)}\n`,
        head,
      );
    }
    if (path === '/metrics') {
      const { contentType, body } = await options.metrics();
      return send(response, 200, contentType, body, head);
    }
    send(response, 404, 'text/plain; charset=utf-8', 'not found: try /healthz or /metrics\n', head);
  };

  const server = createServer((request, response) => {
    // The body of a GET is never read: drop it rather than buffer it.
    request.resume();
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error\n', false);
      else response.destroy();
    });
  });
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  server.maxConnections = 64;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: options.host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
