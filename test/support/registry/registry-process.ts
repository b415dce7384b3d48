import { type ChildProcess, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'undici';

export interface RegistryProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface RegistryProcessOptions {
  dir: string;
  auth: { realm: string; service: string; issuer: string; rootCertBundle: string };
}

const START_TIMEOUT_MS = 30_000;

/** Debian's docker-registry (distribution 2.8) on 127.0.0.1 with an ephemeral port. */
export async function spawnRegistry(options: RegistryProcessOptions): Promise<RegistryProcess> {
  const configPath = join(options.dir, 'registry.yml');
  await writeFile(configPath, registryConfig(options));
  const child = spawn('docker-registry', ['serve', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await waitForListeningPort(child);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url);
  return { url, port, stop: () => stopChild(child) };
}

function registryConfig({ dir, auth }: RegistryProcessOptions): string {
  // JSON is valid YAML, and quoting every value keeps paths and URLs intact.
  const config = {
    version: 0.1,
    log: { level: 'info', accesslog: { disabled: true } },
    storage: {
      filesystem: { rootdirectory: join(dir, 'storage') },
      delete: { enabled: true },
      maintenance: { uploadpurging: { enabled: false } },
    },
    http: { addr: '127.0.0.1:0', secret: 'docker-study-bot-test-secret' },
    auth: {
      token: {
        realm: auth.realm,
        service: auth.service,
        issuer: auth.issuer,
        rootcertbundle: auth.rootCertBundle,
      },
    },
  };
  return JSON.stringify(config, null, 2);
}

function waitForListeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(
      () => fail(new Error(`docker-registry did not start:\n${log}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const match = /listening on 127\.0\.0\.1:(\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        child.stderr?.off('data', onData);
        child.stdout?.off('data', onData);
        // Keep draining the pipes so the registry never blocks on a full pipe.
        child.stderr?.resume();
        child.stdout?.resume();
        resolve(Number(match[1]));
      }
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`docker-registry exited with ${code}:\n${log}`)));
  });
}

async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      const answer = await request(`${url}/v2/`);
      await answer.body.dump();
      // 401 is the answer of a ready registry with token auth.
      if (answer.statusCode === 200 || answer.statusCode === 401) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('docker-registry did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
