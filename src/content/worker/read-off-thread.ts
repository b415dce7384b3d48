import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CourseLocation, CourseReading } from '../course.js';
import { workerReplySchema } from './protocol.js';

export interface OffThreadOptions {
  /** The worker is stopped and the read fails after this long (a parser that hangs). */
  timeoutMs: number;
  /** Heap limit of the worker thread: a runaway parse fails alone, not the bot. */
  maxHeapMb: number;
}

export const DEFAULT_OFF_THREAD_OPTIONS: OffThreadOptions = { timeoutMs: 60_000, maxHeapMb: 512 };

export type CourseReadFailure = 'timeout' | 'crashed';

/** The worker did not give a reading: it ran too long, ran out of memory or failed. */
export class CourseReadError extends Error {
  override name = 'CourseReadError';

  constructor(
    readonly reason: CourseReadFailure,
    readonly detail: string,
    /** The time limit the read had. */
    readonly timeoutMs: number,
  ) {
    super(`Reading the course ${reason === 'timeout' ? 'timed out' : 'failed'}: ${detail}`);
  }
}

/**
 * The module `name` next to the calling module, with the caller's extension: `.js` in the
 * compiled build, `.ts` under tsx and vitest. For naming a worker's entry.
 */
export function siblingModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}${path.extname(fileURLToPath(callerUrl))}`, callerUrl);
}

/**
 * What a worker thread starts from. Node does not carry tsx's loader into worker threads, so a
 * `.ts` entry starts from a tiny module that registers tsx first and then imports it.
 */
function startable(entry: URL): URL {
  if (path.extname(fileURLToPath(entry)) !== '.ts') return entry;
  const boot = `import { register } from ${JSON.stringify(tsxRegisterModule())};
register();
await import(${JSON.stringify(entry.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/** tsx's ESM `register` module, found through tsx's own export map. */
function tsxRegisterModule(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: { './esm/api': { import: { default: string } } };
  };
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api'].import.default)).href;
}

/** Workers running now, so shutdown can stop them. */
const running = new Set<Worker>();

/** Stops every course read in progress (their promises reject). */
export async function stopCourseReads(): Promise<void> {
  await Promise.all([...running].map((worker) => worker.terminate()));
}

/**
 * Reads and parses the course in a worker thread started from `entry` (a module that calls
 * answerCourseRead with its rules); the caller's event loop only waits. Resolves with the reading
 * (problems included); rejects with CourseReadError when the worker times out, crashes or runs
 * out of memory.
 */
export function readCourseOffThread(
  entry: URL,
  request: CourseLocation,
  options: OffThreadOptions = DEFAULT_OFF_THREAD_OPTIONS,
): Promise<CourseReading> {
  const worker = new Worker(startable(entry), {
    workerData: request,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
  });
  running.add(worker);
  const crashed = (detail: string) => new CourseReadError('crashed', detail, options.timeoutMs);
  return new Promise<CourseReading>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      running.delete(worker);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new CourseReadError('timeout', `no answer after ${options.timeoutMs} ms`, options.timeoutMs),
          ),
        ),
      options.timeoutMs,
    );
    worker.once('message', (message: unknown) => {
      const reply = workerReplySchema.safeParse(message);
      if (!reply.success) return settle(() => reject(crashed('an unexpected reply')));
      const data = reply.data;
      if (data.kind === 'failed') return settle(() => reject(crashed(data.detail)));
      // The schema checked the skeleton; the rest is the parser's own output.
      settle(() => resolve(data.reading as unknown as CourseReading));
    });
    worker.once('error', (error) => settle(() => reject(crashed(String(error)))));
    worker.once('exit', (code) => settle(() => reject(crashed(`the worker stopped (exit code ${code})`))));
  });
}
