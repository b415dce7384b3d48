import { execFileSync } from 'node:child_process';
import { closeSync, constants, cpSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lessonRules, readCourseInWorker } from '../../src/app/course-reading.js';
import { readCourse } from '../../src/content/index.js';
import { CourseReadError } from '../../src/content/worker/read-off-thread.js';
import { fixturesDir, lessonText, repoRoot } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of data/ the test may change. */
function dataCopy(): { lessonsDir: string; courseFile: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'content-worker-'));
  dirs.push(root);
  cpSync(path.join(repoRoot, 'data/lessons'), path.join(root, 'lessons'), { recursive: true });
  cpSync(path.join(repoRoot, 'data/course.yaml'), path.join(root, 'course.yaml'));
  return { lessonsDir: path.join(root, 'lessons'), courseFile: path.join(root, 'course.yaml') };
}

/** A copy of data/ whose course.yaml also lists `file`, a named pipe: its lesson comes when a test writes it. */
function withPipeLesson(file: string): { lessonsDir: string; pipe: string } {
  const { lessonsDir, courseFile } = dataCopy();
  const pipe = path.join(lessonsDir, file);
  execFileSync('mkfifo', [pipe]);
  writeFileSync(courseFile, `lessons:\n  - file: 05-02-push-image-to-docker-hub.md\n  - file: ${file}\n`);
  return { lessonsDir, pipe };
}

/** What the promise rejects with (null when it resolves). */
function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

/** Lets a reader blocked on the pipe go (no writer may be waiting any more: nothing happens then). */
function releasePipe(pipe: string): void {
  try {
    closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // ENXIO: nobody is reading it.
  }
}

describe('readCourseOffThread', () => {
  it('gives exactly the reading readCourse gives on this thread', async () => {
    const lessonsDir = path.join(repoRoot, 'data/lessons');
    const reading = await readCourseInWorker({ lessonsDir });
    expect(reading).toEqual(await readCourse({ lessonsDir, rules: lessonRules }));
    expect(reading.lessons.map((lesson) => lesson.id)).toEqual(['5.2']);
    expect(reading.problems).toEqual([]);
  });

  it('brings every problem back with its file and line', async () => {
    const lessonsDir = path.join(fixturesDir, 'malformed');
    const reading = await readCourseInWorker({ lessonsDir });
    expect(reading.problems.length).toBeGreaterThan(0);
    expect(reading.problems).toEqual((await readCourse({ lessonsDir, rules: lessonRules })).problems);
    expect(reading.failedFiles).toEqual(['01-unclosed-details.md', '02-bad-quiz.md']);
  });

  it('gives up on a read that hangs and says it timed out', async () => {
    const { lessonsDir, pipe } = withPipeLesson('05-03-never-written.md');
    const failure = await failureOf(readCourseInWorker({ lessonsDir }, { timeoutMs: 1_500, maxHeapMb: 256 }));
    releasePipe(pipe);
    expect(failure).toBeInstanceOf(CourseReadError);
    expect(failure).toMatchObject({ reason: 'timeout', timeoutMs: 1_500 });
  });

  it('reports a worker that runs out of memory as crashed, and this thread carries on', async () => {
    const failure = await failureOf(
      readCourseInWorker(
        { lessonsDir: path.join(repoRoot, 'data/lessons') },
        { timeoutMs: 60_000, maxHeapMb: 2 },
      ),
    );
    expect(failure).toBeInstanceOf(CourseReadError);
    expect(failure).toMatchObject({ reason: 'crashed' });
    const again = await readCourseInWorker({ lessonsDir: path.join(repoRoot, 'data/lessons') });
    expect(again.lessons).toHaveLength(1);
  });

  it('reads a lesson that arrives late through a pipe', async () => {
    const { lessonsDir, pipe } = withPipeLesson('05-03-late.md');
    const reading = readCourseInWorker({ lessonsDir });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(pipe, lessonText('# 5.3 늦게 온 레슨\n\n## 단계\n\n본문이에요.\n'));
    const read = await reading;
    expect(read.problems).toEqual([]);
    expect(read.lessons.map((lesson) => lesson.id)).toEqual(['5.2', '5.3']);
  });
});
