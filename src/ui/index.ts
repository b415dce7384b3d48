/**
 * Everything Discord shows: messages and their components, Discord's limits and their checker,
 * button ids, the console's text form of a message, and the views.
 */
export {
  CUSTOM_ID_PREFIX,
  type CustomId,
  type CustomIdKind,
  type DecodeResult,
  decodeCustomId,
  encodeCustomId,
  MAX_LESSON_ID_LENGTH,
} from './buttons/lesson-buttons.js';
export { checkLessonPayloads, LONGEST_OWNER_ID, type RenderedItem, renderAll } from './lesson-payloads.js';
export {
  checkPayloadLimits,
  LIMIT_RULES,
  LIMITS,
  type LimitRule,
  type LimitViolation,
  payloadTextLength,
  violationMessageKey,
} from './limits.js';
export {
  type ComponentsMessage,
  componentsMessage,
  type Message,
  type MessageFile,
  NO_MENTIONS,
  noticeMessage,
  publicMessage,
} from './message.js';
export {
  type ButtonNumbering,
  numberInOrder,
  type PlainButton,
  type PlainPayload,
  payloadToText,
  type SeenButton,
} from './plain-text.js';
export { type LessonPageArgs, renderLessonPage } from './views/lesson-page.js';
export { renderQuizAnswer, renderQuizQuestion, renderQuizScore } from './views/quiz.js';
export { type RevealArgs, renderReveal } from './views/reveal.js';
