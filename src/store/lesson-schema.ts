import { z } from 'zod';
import type { Lesson, LessonCheck } from '../content/model.js';

/**
 * The parts of a stored lesson (lessons.content_json) the store and its callers rely on: ids,
 * steps, quiz answers. Blocks are the content module's business and pass through unchecked,
 * so the content model can grow without a store change; sync rewrites the JSON whenever the
 * parser's output changes, so stored rows follow the current model.
 */
const storedLessonSkeleton = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  meta: z.looseObject({ updateMode: z.enum(['upsert', 'insert']) }),
  steps: z.array(z.looseObject({ id: z.string().min(1), title: z.string() })),
  quiz: z.array(
    z.looseObject({
      id: z.string().min(1),
      answer: z.string().min(1),
      options: z.array(z.looseObject({ key: z.string().min(1) })),
    }),
  ),
  contentHash: z.string().min(1),
});

export function parseStoredLesson(json: string): Lesson | undefined {
  const result = storedLessonSkeleton.safeParse(JSON.parse(json));
  // The skeleton is checked; the rest is the content module's own output, stored verbatim.
  return result.success ? (result.data as unknown as Lesson) : undefined;
}

/** The parts of a stored check (lessons.check_json) /verify relies on; written by sync from course.yaml. */
const storedCheckSkeleton = z.looseObject({
  repository: z.string().min(1),
  tag: z.string().min(1),
  baseImage: z.string().nullable(),
  fixSteps: z.looseObject({
    tag: z.string().min(1),
    push: z.string().min(1),
    publish: z.string().min(1),
    build: z.string().nullable(),
  }),
  buildHint: z.string().nullable(),
  // Checks stored before buildCommand existed have none.
  buildCommand: z.string().nullable().default(null),
});

/** A stored check, or null when there is none (or it no longer matches the model: the next sync rewrites it). */
export function parseStoredCheck(json: string | null): LessonCheck | null {
  if (json === null) return null;
  const result = storedCheckSkeleton.safeParse(JSON.parse(json));
  return result.success ? (result.data as LessonCheck) : null;
}
