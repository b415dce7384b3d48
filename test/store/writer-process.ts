import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const writerScript = fileURLToPath(new URL('./fixtures/writer.ts', import.meta.url));

export interface WriterProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Learner ids the writer acknowledged (committed, then printed), in order. */
  acknowledged: string[];
  /** Resolves once at least `count` writes were acknowledged. */
  waitFor(count: number): Promise<void>;
  /** Resolves when the process is gone and its output fully read. */
  exited: Promise<void>;
}

/** Starts fixtures/writer.ts as a separate Node process on the database at `path`. */
export function startWriter(path: string, maxWrites = 1_000_000): WriterProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', writerScript, path, String(maxWrites)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let partial = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (/^\d+$/.test(line)) acknowledged.push(line);
    for (const waiter of waiters.splice(0)) {
      if (acknowledged.length >= waiter.count) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const waitFor = (count: number) =>
    new Promise<void>((resolve, reject) => {
      if (acknowledged.length >= count) return resolve();
      waiters.push({ count, resolve });
      void exited.then(() => {
        if (acknowledged.length < count)
          reject(new Error(`writer exited after ${acknowledged.length} writes: ${stderr}`));
      });
    });
  return { child, acknowledged, waitFor, exited };
}
