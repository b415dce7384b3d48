import { createServer, Agent as HttpAgent, request } from 'node:http';
import { closeServer, listenOnLoopback } from './listen.js';

export interface ProxiedRequest {
  method: string;
  path: string;
  status: number | undefined;
}

export interface CountingProxy {
  url: string;
  host: string;
  port: number;
  /** Every request that reached the proxy, in order: the real requests a client sent. */
  requests: ProxiedRequest[];
  stop(): Promise<void>;
}

/** Forwards everything to `target` unchanged and writes down each request. */
export async function startCountingProxy(target: { port: number }): Promise<CountingProxy> {
  const requests: ProxiedRequest[] = [];
  const agent = new HttpAgent({ keepAlive: true });
  const server = createServer((req, res) => {
    const record: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', status: undefined };
    requests.push(record);
    const upstream = request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        record.status = answer.statusCode;
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    requests,
    stop: async () => {
      await closeServer(server);
      agent.destroy();
    },
  };
}
