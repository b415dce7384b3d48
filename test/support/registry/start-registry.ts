import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CountingProxy,
  type InjectedFault,
  type ProxiedRequest,
  startCountingProxy,
} from './counting-proxy.js';
import { spawnRegistry } from './registry-process.js';
import { createSigningKey } from './signing-key.js';
import { startTokenServer, type TokenServer } from './token-server.js';

export interface TestRegistry {
  /** What the bot talks to: a counting proxy in front of the registry. */
  url: string;
  host: string;
  port: number;
  /** The registry itself, for pushing fixtures without touching the counts. */
  directUrl: string;
  /** Requests that went through the proxy to the registry. */
  requests: ProxiedRequest[];
  tokenServer: TokenServer;
  /** The `authHosts` a client needs to follow this registry's token realm. */
  authHosts: string[];
  /** Forget every request counted so far (after pushing fixtures, between cases). */
  resetCounts(): void;
  /** The next matching requests get a 429 or 5xx from the proxy instead of reaching the registry. */
  injectFault(fault: InjectedFault): void;
  clearFaults(): void;
  stop(): Promise<void>;
}

/**
 * A real docker-registry with Docker-Hub-style token auth, its token server and a counting
 * proxy, all on 127.0.0.1 with ephemeral ports, storage in a fresh temp dir.
 */
export async function startRegistry(): Promise<TestRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'study-bot-registry-'));
  const started: { stop(): Promise<void> }[] = [];
  try {
    const key = await createSigningKey(dir);
    const tokenServer = await startTokenServer({ key });
    started.push(tokenServer);
    const registry = await spawnRegistry({
      dir,
      auth: {
        realm: tokenServer.realm,
        service: tokenServer.service,
        issuer: tokenServer.issuer,
        rootCertBundle: key.certificatePath,
      },
    });
    started.push(registry);
    const proxy: CountingProxy = await startCountingProxy(registry);
    started.push(proxy);
    return {
      url: proxy.url,
      host: proxy.host,
      port: proxy.port,
      directUrl: registry.url,
      requests: proxy.requests,
      tokenServer,
      authHosts: [tokenServer.host],
      resetCounts: () => {
        proxy.requests.length = 0;
        tokenServer.requests.length = 0;
      },
      injectFault: (fault) => proxy.injectFault(fault),
      clearFaults: () => proxy.clearFaults(),
      stop: async () => {
        await stopAll(started);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopAll(started);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function stopAll(started: { stop(): Promise<void> }[]): Promise<void> {
  for (const part of started.reverse()) await part.stop();
}
