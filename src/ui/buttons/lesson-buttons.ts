import { MAX_LESSON_ID_LENGTH } from '../../content/model.js';
import { boundedString, snowflakeSchema } from '../../input-rules.js';
import { LIMITS } from '../limits.js';
import { type ButtonIds, buttonIds, type IdFields, withLegacyFormat } from './button-ids.js';

/**
 * Button ids of lesson and quiz messages, `ls:<kind>:<lesson>:<fields…>:<owner>:<version>`: the
 * owner id says whose message it is, the content version which text of the lesson it was made
 * for, so a tampered, foreign or stale press is recognised. The views draw them; the /lesson and
 * /quiz commands declare what a press does (commands/lesson.ts, commands/quiz.ts).
 */
export const CUSTOM_ID_PREFIX = 'ls';
export { MAX_LESSON_ID_LENGTH };

const lessonId = boundedString(MAX_LESSON_ID_LENGTH).regex(/^[0-9A-Za-z._-]+$/);
const ownerId = snowflakeSchema;
const version = boundedString(8).regex(/^[0-9a-f]{8}$/);
/** 0–9999, written canonically so that each button has exactly one id. */
const index = boundedString(4)
  .regex(/^(0|[1-9]\d*)$/)
  .transform(Number);
const optionKey = boundedString(1).regex(/^[A-Z]$/);

const kind = <Fields extends IdFields>(name: string, fields: Fields) =>
  buttonIds(CUSTOM_ID_PREFIX, name, { lessonId, ...fields, ownerId, version });

export const lessonButtonIds = {
  /** Go to page `page` of the lesson, from page `from` (▶ off a step's last page completes it). */
  page: kind('page', { page: index, from: index }),
  /** Show the body of the `details`-th expandable element on page `page`. */
  reveal: kind('reveal', { page: index, details: index }),
  /** Start the lesson's quiz (from the last page it also marks that step done). */
  quiz: kind('quiz', {}),
  /**
   * Answer question `question` (0-based) with option `option`; `right` counts the questions
   * answered right so far in this run of the quiz (only shown to the learner, never scored).
   */
  answer: withLegacyFormat(
    kind('answer', { question: index, option: optionKey, right: index }),
    // Before the run's count was carried: such a press counts from 0.
    kind('answer', { question: index, option: optionKey }),
    (old) => ({ ...old, right: 0 }),
  ),
  /** Show question `question`; the question count itself means "show the score". */
  next: withLegacyFormat(
    kind('next', { question: index, right: index }),
    kind('next', { question: index }),
    (old) => ({ ...old, right: 0 }),
  ),
  /** Lesson without a quiz: the learner finished its last page. */
  finish: kind('finish', {}),
};

type LessonButtonIds = typeof lessonButtonIds;
export type CustomIdKind = keyof LessonButtonIds;
type PressOf<Ids> = Ids extends ButtonIds<infer Press> ? Press : never;
/** What every lesson button says: its lesson, whose message it is and the lesson's content version. */
export interface LessonPressBase {
  lessonId: string;
  ownerId: string;
  version: string;
}
/** A lesson or quiz button's id as a value, its kind included. */
export type CustomId = {
  [Kind in CustomIdKind]: { kind: Kind } & PressOf<LessonButtonIds[Kind]>;
}[CustomIdKind];

export type DecodeResult =
  | { ok: true; value: CustomId }
  | { ok: false; reason: 'malformed' | 'unknown-kind' };

function isKind(value: string): value is CustomIdKind {
  return Object.hasOwn(lessonButtonIds, value);
}

/** Encodes any lesson or quiz button id; throws on values that could not be read back (a bug). */
export function encodeCustomId({ kind, ...press }: CustomId): string {
  return (lessonButtonIds[kind] as ButtonIds<typeof press>).encode(press);
}

/** Reads any lesson or quiz button id back. Never throws: anything unexpected is `malformed` or `unknown-kind`. */
export function decodeCustomId(raw: unknown): DecodeResult {
  if (typeof raw !== 'string' || raw.length > LIMITS.customId) return { ok: false, reason: 'malformed' };
  const [prefix, kind] = raw.split(':', 2);
  if (prefix !== CUSTOM_ID_PREFIX || kind === undefined) return { ok: false, reason: 'malformed' };
  if (!isKind(kind)) return { ok: false, reason: 'unknown-kind' };
  const press = lessonButtonIds[kind].decode(raw);
  return press ? { ok: true, value: { kind, ...press } as CustomId } : { ok: false, reason: 'malformed' };
}
