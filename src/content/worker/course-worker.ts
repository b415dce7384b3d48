/**
 * The body of the worker thread that reads the course (readCourse) and posts the result back, so
 * the bot's main thread keeps answering interactions meanwhile. The thread's entry module calls
 * it with the rules it checks (src/app/course-worker.ts); readCourseOffThread starts that entry.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readCourse } from '../course.js';
import type { LessonRule } from '../lesson-file.js';
import { readCourseRequestSchema, type WorkerReply } from './protocol.js';

export async function answerCourseRead(rules: readonly LessonRule[]): Promise<void> {
  const request = readCourseRequestSchema.parse(workerData);
  let reply: WorkerReply;
  try {
    reply = { kind: 'read', reading: await readCourse({ ...request, rules }) };
  } catch (error) {
    // readCourse turns every file's problem into a content problem; what is left is the machine's.
    reply = {
      kind: 'failed',
      detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
  parentPort!.postMessage(reply);
}
