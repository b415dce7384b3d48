/** The lesson content engine: load and parse lessons, paginate, render Discord payloads, check limits. */

export {
  CUSTOM_ID_PREFIX,
  type CustomId,
  type CustomIdKind,
  customIdSchema,
  type DecodeResult,
  decodeCustomId,
  encodeCustomId,
  MAX_LESSON_ID_LENGTH,
} from '../ui/buttons/lesson-buttons.js';
export type { RenderedPayload } from '../ui/components.js';
export { checkLessonPayloads, type RenderedItem, renderAll } from '../ui/lesson-payloads.js';
export {
  checkPayloadLimits,
  LIMIT_RULES,
  LIMITS,
  type LimitRule,
  type LimitViolation,
  payloadTextLength,
  violationMessageKey,
} from '../ui/limits.js';
export { type PlainButton, type PlainPayload, payloadToText } from '../ui/plain-text.js';
export { type LessonPageArgs, renderLessonPage } from '../ui/views/lesson-page.js';
export { renderQuizAnswer, renderQuizQuestion, renderQuizScore } from '../ui/views/quiz.js';
export { type RevealArgs, renderReveal } from '../ui/views/reveal.js';
export {
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
export { lessonFromBytes } from './lesson-file.js';
export type * from './model.js';
export { firstPageOfStep, MESSAGE_TEXT_LIMIT, paginateLesson } from './paginate.js';
export { LESSON_LIMITS } from './parse/bounds.js';
export { parseLesson } from './parse/lesson.js';
export { shortVersion } from './source.js';
