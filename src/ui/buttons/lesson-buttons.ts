import { z } from 'zod';
import { boundedString, snowflakeSchema } from '../../input-rules.js';

/**
 * Button custom ids of lesson and quiz messages. One codec so that every button the renderer
 * makes can be read back, and a tampered or stale one is recognised (the owner id says whose
 * message it is; the content version says which text of the lesson it was made for).
 *
 * Wire format: `ls:<kind>:<lesson>:<fields…>:<owner>:<version>`, at most 100 characters.
 */
export const CUSTOM_ID_PREFIX = 'ls';
export const MAX_LESSON_ID_LENGTH = 32;
export const MAX_CUSTOM_ID_LENGTH = 100;

const lessonId = boundedString(MAX_LESSON_ID_LENGTH).regex(/^[0-9A-Za-z._-]+$/);
const ownerId = snowflakeSchema;
const version = boundedString(8).regex(/^[0-9a-f]{8}$/);
const index = z.coerce.number().int().min(0).max(9999);
const optionKey = boundedString(1).regex(/^[A-Z]$/);

const common = { lessonId, ownerId, version };

export const customIdSchema = z.discriminatedUnion('kind', [
  /** Go to page `page` of the lesson, from page `from` (▶ off a step's last page completes it). */
  z.object({ kind: z.literal('page'), ...common, page: index, from: index }),
  /** Show the body of the `details`-th expandable element on page `page`. */
  z.object({ kind: z.literal('reveal'), ...common, page: index, details: index }),
  /** Start the lesson's quiz (from the last page it also marks that step done). */
  z.object({ kind: z.literal('quiz'), ...common }),
  /** Answer question `question` (0-based) with option `option`. */
  z.object({ kind: z.literal('answer'), ...common, question: index, option: optionKey }),
  /** Show question `question`; the question count itself means "show the score". */
  z.object({ kind: z.literal('next'), ...common, question: index }),
  /** Lesson without a quiz: the learner finished its last page. */
  z.object({ kind: z.literal('finish'), ...common }),
]);

export type CustomId = z.output<typeof customIdSchema>;
export type CustomIdKind = CustomId['kind'];

/** The fields between the lesson id and the owner, per kind, in wire order. */
const FIELDS = {
  page: ['page', 'from'],
  reveal: ['page', 'details'],
  quiz: [],
  answer: ['question', 'option'],
  next: ['question'],
  finish: [],
} as const satisfies Record<CustomIdKind, readonly string[]>;

const KINDS = Object.keys(FIELDS) as CustomIdKind[];

export type DecodeResult =
  | { ok: true; value: CustomId }
  | { ok: false; reason: 'malformed' | 'unknown-kind' };

/** Encodes a button id; throws on values that could not be decoded again (a programming error). */
export function encodeCustomId(value: CustomId): string {
  const checked = customIdSchema.parse(value);
  const fields = FIELDS[checked.kind].map((name) => String((checked as Record<string, unknown>)[name]));
  const raw = [
    CUSTOM_ID_PREFIX,
    checked.kind,
    checked.lessonId,
    ...fields,
    checked.ownerId,
    checked.version,
  ].join(':');
  if (raw.length > MAX_CUSTOM_ID_LENGTH)
    throw new RangeError(`custom id longer than ${MAX_CUSTOM_ID_LENGTH}: ${raw}`);
  return raw;
}

/** Reads a button id back. Never throws: anything unexpected is `malformed` or `unknown-kind`. */
export function decodeCustomId(raw: unknown): DecodeResult {
  if (typeof raw !== 'string' || raw.length > MAX_CUSTOM_ID_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = raw.split(':');
  const [prefix, kind, lesson, ...rest] = parts;
  if (prefix !== CUSTOM_ID_PREFIX || kind === undefined) return { ok: false, reason: 'malformed' };
  if (!KINDS.includes(kind as CustomIdKind)) return { ok: false, reason: 'unknown-kind' };
  const names = FIELDS[kind as CustomIdKind];
  if (rest.length !== names.length + 2) return { ok: false, reason: 'malformed' };
  const fields = Object.fromEntries(names.map((name, position) => [name, rest[position]]));
  // Numbers must be written canonically, so each button has exactly one id.
  for (const name of names) {
    if (name !== 'option' && !/^(0|[1-9]\d*)$/.test(String(fields[name])))
      return { ok: false, reason: 'malformed' };
  }
  const parsed = customIdSchema.safeParse({
    kind,
    lessonId: lesson,
    ...fields,
    ownerId: rest[names.length],
    version: rest[names.length + 1],
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'malformed' };
}
