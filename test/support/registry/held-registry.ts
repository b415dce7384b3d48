import { createServer, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from './listen.js';

export const HELD_DIGEST = `sha256:${'cd'.repeat(32)}`;

/** The pull limit the held registry reports, as Docker Hub's `ratelimit-*` headers. */
export const HELD_PULL_LIMIT = { limit: 100, remaining: 76, windowSeconds: 21_600 } as const;

export interface HeldRegistry {
  url: string;
  /** Manifest HEADs received so far (each one is a /verify lookup in flight until released). */
  heads(): number;
  /** Resolves once `count` manifest HEADs have arrived. */
  waitForHeads(count: number): Promise<void>;
  /** Answers every held HEAD, and every later one at once. */
  release(): void;
  stop(): Promise<void>;
}

function answerHead(response: ServerResponse): void {
  const { limit, remaining, windowSeconds } = HELD_PULL_LIMIT;
  response
    .writeHead(200, {
      'docker-content-digest': HELD_DIGEST,
      'content-type': 'application/vnd.docker.distribution.manifest.v2+json',
      'ratelimit-limit': `${limit};w=${windowSeconds}`,
      'ratelimit-remaining': `${remaining};w=${windowSeconds}`,
    })
    .end();
}

/**
 * A registry that holds every manifest HEAD until the test releases it, so a /verify is
 * reliably in flight (deferred, waiting on Docker Hub) at the moment a test chooses. It then
 * answers "found" with Docker Hub's pull-limit headers; anything deeper is 404.
 */
export async function startHeldRegistry(): Promise<HeldRegistry> {
  const held: ServerResponse[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let heads = 0;
  let released = false;
  const server = createServer((request, response) => {
    request.resume();
    if (request.method === 'HEAD' && /\/manifests\//.test(request.url ?? '')) {
      heads += 1;
      for (const waiter of waiters.filter((each) => heads >= each.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      if (released) answerHead(response);
      else held.push(response);
      return;
    }
    response
      .writeHead(404, { 'content-type': 'application/json' })
      .end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    heads: () => heads,
    waitForHeads: (count) =>
      heads >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
    release() {
      released = true;
      for (const response of held.splice(0)) answerHead(response);
    },
    stop: () => closeServer(server),
  };
}
