import { type ChildProcessByStdio, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The production entry, relative to the app folder, as the Dockerfile and the systemd unit run it. */
export const productionEntry = 'dist/src/main.js';

export interface ProductionBuild {
  /** Holds `dist/` (fresh from `npm run build`), and links to the repo's `node_modules` and `data`. */
  appDir: string;
  cleanup(): void;
}

/**
 * `npm run build` into a folder of its own, so test files never write the same `dist/` at once.
 * The folder looks like a deployed checkout: the data paths stay relative to it.
 */
export async function buildProduction(): Promise<ProductionBuild> {
  const appDir = mkdtempSync(path.join(tmpdir(), 'dsb-prod-'));
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(appDir, 'node_modules'));
  symlinkSync(path.join(repoRoot, 'data'), path.join(appDir, 'data'));
  await run('npm', ['run', '-s', 'build', '--', '--outDir', path.join(appDir, 'dist')], { cwd: repoRoot });
  return { appDir, cleanup: () => rmSync(appDir, { recursive: true, force: true }) };
}

export interface ProductionProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Every JSON log line so far, parsed. */
  logs: Record<string, unknown>[];
  /** Everything else the process wrote (stderr, and any stdout line that is not JSON). */
  text(): string;
  /** Resolves with the first log line that matches, failing if the process exits first or after `timeoutMs`. */
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Environment that keeps the bot on 127.0.0.1 whatever the developer's shell has. */
export function isolatedEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(
    ['PATH', 'HOME', 'TMPDIR', 'LANG'].flatMap((key) => (process.env[key] ? [[key, process.env[key]]] : [])),
  );
  return {
    ...kept,
    LESSONS_DIR: 'data/lessons',
    DOCKER_REGISTRY_URL: 'http://127.0.0.1:9',
    DOCKER_HUB_API_URL: 'http://127.0.0.1:9',
    DOCKER_AUTH_HOSTS: '127.0.0.1',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/**
 * Starts `node dist/src/main.js` (or node with `nodeArgs`) in `appDir` exactly as a supervisor
 * does: node itself, no npm, shell or tsx in between (the child's pid is the bot's), stdin closed.
 */
export function startProduction(
  appDir: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [productionEntry],
): ProductionProcess {
  return startProcess(process.execPath, nodeArgs, { cwd: appDir, env });
}

/**
 * Starts any command with stdin closed, reading its JSON log lines from stdout. `detached`
 * gives it a process group of its own, as a terminal does (Ctrl-C signals the whole group).
 */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; detached?: boolean },
): ProductionProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: options.detached ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let other = '';
  let partial = '';
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of waiters) waiter();
  };
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        other += `${line}\n`;
      }
    }
    notify();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    other += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      resolve({ code, signal });
      notify();
    });
  });
  let done = false;
  void exited.then(() => {
    done = true;
    notify();
  });
  return {
    child,
    logs,
    text: () => other,
    exited,
    waitForLog(match, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching log line within ${timeoutMs} ms; the bot wrote:\n${other}`));
        }, timeoutMs);
        const check = () => {
          const found = logs.find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          } else if (done) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`the bot exited before the expected log line; it wrote:\n${other}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
  };
}
