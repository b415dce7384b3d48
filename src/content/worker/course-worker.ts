/**
 * Worker thread entry: reads and parses the course (readCourse) and posts the result back, so
 * the bot's main thread keeps answering interactions meanwhile. Started by readCourseOffThread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readCourse } from '../course.js';
import { readCourseRequestSchema, type WorkerReply } from './protocol.js';

const request = readCourseRequestSchema.parse(workerData);
let reply: WorkerReply;
try {
  reply = { kind: 'read', reading: await readCourse(request) };
} catch (error) {
  // readCourse turns every file's problem into a content problem; what is left is the machine's.
  reply = {
    kind: 'failed',
    detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}
parentPort!.postMessage(reply);
