/** The lesson content engine: load and parse lessons, paginate, render Discord payloads, check limits. */
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
  CUSTOM_ID_PREFIX,
  type CustomId,
  type CustomIdKind,
  customIdSchema,
  type DecodeResult,
  decodeCustomId,
  encodeCustomId,
  MAX_LESSON_ID_LENGTH,
} from './customId.js';
export {
  ContentError,
  type ContentProblem,
  contentRelativePath,
  formatProblem,
  withContentRelativePaths,
} from './errors.js';
export { lessonFromBytes } from './lessonFile.js';
export {
  checkPayloadLimits,
  LIMIT_RULES,
  LIMITS,
  type LimitRule,
  type LimitViolation,
  payloadTextLength,
  violationMessageKey,
} from './limits.js';
export type * from './model.js';
export { firstPageOfStep, MESSAGE_TEXT_LIMIT, paginateLesson } from './paginate.js';
export { LESSON_LIMITS } from './parse/bounds.js';
export { parseLesson } from './parse/lesson.js';
export { type PlainButton, type PlainPayload, payloadToText } from './plainText.js';
export { type LessonPageArgs, renderLessonPage } from './render/lessonPage.js';
export type { RenderedPayload } from './render/payload.js';
export { renderQuizAnswer, renderQuizQuestion, renderQuizScore } from './render/quiz.js';
export { type RevealArgs, renderReveal } from './render/reveal.js';
export { shortVersion } from './source.js';
export { checkLessonPayloads, type RenderedItem, renderAll } from './validate.js';
