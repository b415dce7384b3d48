import { z } from 'zod';
import type { CourseReading } from '../course.js';

/** What the main thread asks the worker to read (a CourseLocation). */
export const readCourseRequestSchema = z.object({
  lessonsDir: z.string().min(1),
  courseFile: z.string().min(1).optional(),
});

const problemSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

/**
 * The reply, checked on arrival. Lessons are the parser's own output and are checked by their
 * skeleton only (ids, file, steps), as the store does with stored lessons.
 */
const lessonSkeleton = z.looseObject({
  id: z.string().min(1),
  file: z.string().min(1),
  steps: z.array(z.looseObject({ id: z.string().min(1) })).min(1),
  quiz: z.array(z.looseObject({ id: z.string().min(1) })),
  contentHash: z.string().min(1),
});

const checkSkeleton = z.looseObject({ repository: z.string(), tag: z.string() });

export const workerReplySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('read'),
    reading: z.object({
      problems: z.array(problemSchema),
      lessons: z.array(lessonSkeleton),
      failedFiles: z.array(z.string()),
      order: z.array(z.object({ file: z.string(), check: checkSkeleton.nullable() })).nullable(),
    }),
  }),
  z.object({ kind: z.literal('failed'), detail: z.string() }),
]);

export type WorkerReply = { kind: 'read'; reading: CourseReading } | { kind: 'failed'; detail: string };
