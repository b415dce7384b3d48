/** Entry of the worker thread that reads the course for /course reload (see readCourseInWorker). */
import { answerCourseRead } from '../content/worker/course-worker.js';
import { lessonRules } from './course-reading.js';

await answerCourseRead(lessonRules);
