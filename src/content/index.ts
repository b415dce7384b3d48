/**
 * What a lesson is: read and parse lesson files and course.yaml within their limits, the lesson
 * model, pagination into pages of blocks. Nothing here knows Discord; what Discord shows is src/ui.
 */

export { blocksText, blockText } from './block-text.js';
export {
  type CourseLocation,
  type CourseOrderEntry,
  type CourseReading,
  courseOf,
  defaultCourseFile,
  findEntry,
  type LoadCourseOptions,
  loadCourse,
  readCourse,
} from './course.js';
export {
  ContentError,
  type ContentProblem,
  contentRelativePath,
  formatProblem,
  withContentRelativePaths,
} from './errors.js';
export { type LessonFileOptions, type LessonRule, lessonFromBytes } from './lesson-file.js';
export type * from './model.js';
export { firstPageOfStep, MESSAGE_TEXT_LIMIT, paginateLesson } from './paginate.js';
export { LESSON_LIMITS } from './parse/bounds.js';
export { parseLesson } from './parse/lesson.js';
export { shortVersion } from './source.js';
export {
  CourseReadError,
  type CourseReadFailure,
  DEFAULT_OFF_THREAD_OPTIONS,
  type OffThreadOptions,
  readCourseOffThread,
  siblingModule,
  stopCourseReads,
} from './worker/read-off-thread.js';
