import { createServer } from 'node:http';
import { closeServer, listenOnLoopback } from './listen.js';

/** How the fake Hub answers for one `namespace/repository:tag`. */
export type HubAnswer = { status: 200; body: unknown } | { status: 404 | 429 | 500 } | { status: 'hang' };

export interface FakeHub {
  url: string;
  /** Keyed by `namespace/repository:tag`; anything else is 404. */
  answers: Map<string, HubAnswer>;
  requests: string[];
  stop(): Promise<void>;
}

/** The Docker Hub web API's tag endpoint, on 127.0.0.1. */
export async function startFakeHub(): Promise<FakeHub> {
  const answers = new Map<string, HubAnswer>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const match = /^\/v2\/namespaces\/([^/]+)\/repositories\/([^/]+)\/tags\/([^/?]+)$/.exec(path);
    const answer = match ? answers.get(`${match[1]}/${match[2]}:${match[3]}`) : undefined;
    if (!answer) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"object not found"}');
      return;
    }
    if (answer.status === 'hang') return;
    if (answer.status === 429) {
      res.writeHead(429, { 'retry-after': '30' }).end();
      return;
    }
    if (answer.status !== 200) {
      res.writeHead(answer.status).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  const port = await listenOnLoopback(server);
  return { url: `http://127.0.0.1:${port}`, answers, requests, stop: () => closeServer(server) };
}

/** A tag answer shaped like Docker Hub's. */
export function hubTagBody(options: { pushed: string; size: number; platforms: [string, string][] }) {
  return {
    name: 'v1',
    full_size: options.size,
    last_updated: options.pushed,
    tag_last_pushed: options.pushed,
    tag_status: 'active',
    digest: null,
    images: [
      ...options.platforms.map(([os, architecture]) => ({
        os,
        architecture,
        digest: null,
        size: options.size,
      })),
      { os: 'unknown', architecture: 'unknown', digest: null, size: 100 },
    ],
  };
}
