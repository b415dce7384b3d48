import {
  type CourseLocation,
  type CourseReading,
  type LessonRule,
  type OffThreadOptions,
  readCourseOffThread,
  siblingModule,
} from '../content/index.js';
import { checkLessonPayloads } from '../ui/lesson-payloads.js';

/**
 * What the bot checks in every lesson beyond its format: every payload it makes fits Discord's
 * limits. The content layer knows nothing of Discord, so the bot hands its rules to every course
 * read (start-up, /course reload, content:check, content:preview).
 */
export const lessonRules: readonly LessonRule[] = [checkLessonPayloads];

const courseWorker = siblingModule(import.meta.url, 'course-worker');

/** The course read and parsed in a worker thread with the bot's rules (/course reload). */
export function readCourseInWorker(
  request: CourseLocation,
  options?: OffThreadOptions,
): Promise<CourseReading> {
  return readCourseOffThread(courseWorker, request, options);
}
