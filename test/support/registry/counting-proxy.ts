import { createServer, Agent as HttpAgent, request } from 'node:http';
import { closeServer, listenOnLoopback } from './listen.js';

export interface ProxiedRequest {
  method: string;
  path: string;
  status: number | undefined;
}

/**
 * An answer the proxy gives instead of the registry's (429, 5xx — what the real registry
 * cannot be made to answer), to the next `times` requests whose path contains `pathIncludes`.
 */
export interface InjectedFault {
  pathIncludes: string;
  status: number;
  headers?: Record<string, string>;
  times: number;
}

export interface CountingProxy {
  url: string;
  host: string;
  port: number;
  /** Every request that reached the proxy, in order: the real requests a client sent. */
  requests: ProxiedRequest[];
  /** Answers matching requests with a fault instead of forwarding them (still counted). */
  injectFault(fault: InjectedFault): void;
  /** Drops faults not used up yet. */
  clearFaults(): void;
  stop(): Promise<void>;
}

/** Forwards everything to `target` unchanged and writes down each request. */
export async function startCountingProxy(target: { port: number }): Promise<CountingProxy> {
  const requests: ProxiedRequest[] = [];
  const faults: InjectedFault[] = [];
  const agent = new HttpAgent({ keepAlive: true });
  const server = createServer((req, res) => {
    const record: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', status: undefined };
    requests.push(record);
    const fault = faults.find((candidate) => record.path.includes(candidate.pathIncludes));
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
      record.status = fault.status;
      req.resume();
      res.writeHead(fault.status, fault.headers ?? {}).end();
      return;
    }
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
    injectFault: (fault) => {
      if (fault.times > 0) faults.push({ ...fault });
    },
    clearFaults: () => {
      faults.length = 0;
    },
    stop: async () => {
      await closeServer(server);
      agent.destroy();
    },
  };
}
