/**
 * What the content limits buy (numbers, not pass/fail):
 * - content.worstAcceptedParseMs: the slowest load (bytes → checked lesson) among the lessons of
 *   test/support/lessons/adversarial.ts, each as costly as every limit allows (best of 3 runs each;
 *   which lesson it was goes to stderr). content.maxSizePlainParseMs: plain prose at the size limit.
 * - content.reloadEventLoopBlockMs: the longest the main thread's event loop stalls during
 *   /course reload (reading and parsing in the worker, storing on the main thread) of a course of
 *   ten sample-sized lessons and the slowest lesson at the limits, all changed;
 *   content.reloadInProcessBlockMs: the same reload read and parsed on the main thread, for
 *   comparison. Median of 3 reloads each.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { type AppContext, createApp } from '../src/app/context.js';
import { lessonRules } from '../src/app/course-reading.js';
import { loadConfig } from '../src/config.js';
import { courseOf, lessonFromBytes, readCourse } from '../src/content/index.js';
import { createLogger } from '../src/logger.js';
import { adversarialLessons } from '../test/support/lessons/adversarial.js';
import { summarize } from './support/measure.js';

function bestOf(runs: number, work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

interface LoadTimes {
  worstMs: number;
  worstName: string;
  plainMs: number;
  /** The slowest lesson at the limits that also loads cleanly, for the reload course. */
  slowestValid: string;
}

function loadTimes(): LoadTimes {
  const times: LoadTimes = { worstMs: 0, worstName: '', plainMs: 0, slowestValid: '' };
  let slowestValidMs = 0;
  for (const { name, text } of adversarialLessons) {
    const bytes = Buffer.from(text, 'utf8');
    let valid = true;
    const ms = bestOf(3, () => {
      try {
        lessonFromBytes(bytes, 'bench.md', { rules: lessonRules });
      } catch {
        // A lesson at the limits may still break a rule of its own; its parse time counts.
        valid = false;
      }
    });
    if (name.startsWith('plain prose, longest lines')) times.plainMs = ms;
    if (ms > times.worstMs) Object.assign(times, { worstMs: ms, worstName: name });
    if (valid && ms > slowestValidMs) {
      slowestValidMs = ms;
      times.slowestValid = text;
    }
  }
  return times;
}

const LESSON_COUNT = 10;
const HEAVY_FILE = '09-09-at-the-limits.md';

/** data/ with the sample lesson as ten lessons (5.2 … 5.11) and `heavy`, course.yaml listing them all. */
function courseFolder(root: string, heavy: string): string {
  const lessonsDir = path.join(root, 'data', 'lessons');
  cpSync('data/lessons', lessonsDir, { recursive: true });
  const sample = readFileSync('data/lessons/05-02-push-image-to-docker-hub.md', 'utf8');
  const files = ['05-02-push-image-to-docker-hub.md'];
  for (let number = 3; number < 2 + LESSON_COUNT; number += 1) {
    const file = `05-${String(number).padStart(2, '0')}-copy.md`;
    writeFileSync(path.join(lessonsDir, file), sample.replace('# 5.2 ', `# 5.${number} `));
    files.push(file);
  }
  writeFileSync(path.join(lessonsDir, HEAVY_FILE), heavy);
  files.push(HEAVY_FILE);
  writeFileSync(
    path.join(root, 'data', 'course.yaml'),
    `lessons:\n${files.map((file) => `  - file: ${file}\n`).join('')}`,
  );
  return lessonsDir;
}

/** Edits every lesson file, so each reload stores ten updated lessons. */
function touchLessons(lessonsDir: string, round: number): void {
  for (let number = 2; number < 2 + LESSON_COUNT; number += 1) {
    const file =
      number === 2 ? '05-02-push-image-to-docker-hub.md' : `05-${String(number).padStart(2, '0')}-copy.md`;
    const full = path.join(lessonsDir, file);
    writeFileSync(full, `${readFileSync(full, 'utf8')}\n수정 ${round}\n`);
  }
  // The lesson at the limits has no room for a line more: swap one word instead.
  const heavy = path.join(lessonsDir, HEAVY_FILE);
  writeFileSync(heavy, readFileSync(heavy, 'utf8').replace(/시험( \d+)?'/, `시험 ${round}'`));
}

/** The longest event-loop stall while `work` runs, in ms. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await work();
  delay.disable();
  return delay.max / 1e6;
}

async function reloadStalls(heavy: string): Promise<{ workerMs: number; inProcessMs: number }> {
  const root = mkdtempSync(path.join(tmpdir(), 'bench-reload-'));
  let app: AppContext | undefined;
  try {
    const lessonsDir = courseFolder(root, heavy);
    const config = loadConfig({ DATABASE_PATH: path.join(root, 'bot.sqlite'), LESSONS_DIR: lessonsDir });
    app = await createApp(config, createLogger('silent'));
    const current = app;
    const worker: number[] = [];
    const inProcess: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      touchLessons(lessonsDir, 2 * round);
      worker.push(await longestStall(() => current.reloadCourse()));
      touchLessons(lessonsDir, 2 * round + 1);
      inProcess.push(
        await longestStall(async () => {
          const reading = await readCourse({ lessonsDir, rules: lessonRules });
          if (reading.problems.length > 0)
            throw new Error(`bench course has problems: ${reading.problems[0]!.message}`);
          return current.catalog.sync(courseOf(reading), Date.now());
        }),
      );
    }
    return { workerMs: summarize(worker).medianMs, inProcessMs: summarize(inProcess).medianMs };
  } finally {
    app?.close();
    rmSync(root, { recursive: true, force: true });
  }
}

export async function runContentBoundsBench(): Promise<Record<string, number>> {
  const loads = loadTimes();
  process.stderr.write(`bench: slowest lesson at the limits: ${loads.worstName}\n`);
  const stalls = await reloadStalls(loads.slowestValid);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    'content.worstAcceptedParseMs': round(loads.worstMs),
    'content.maxSizePlainParseMs': round(loads.plainMs),
    'content.reloadEventLoopBlockMs': round(stalls.workerMs),
    'content.reloadInProcessBlockMs': round(stalls.inProcessMs),
  };
}
