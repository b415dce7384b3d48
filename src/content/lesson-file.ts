import { type ContentProblem, guardParse, ProblemList } from './errors.js';
import type { Lesson } from './model.js';
import { LESSON_LIMITS, reportFileTooLarge } from './parse/bounds.js';
import { parseLesson } from './parse/lesson.js';
import { decodeUtf8 } from './read.js';

/**
 * A check of a parsed lesson beyond its format, supplied by whoever loads the course: the bot
 * checks that every payload a lesson makes fits Discord's limits (src/app/course-reading.ts).
 * Returns the lesson's problems, each at its line.
 */
export type LessonRule = (lesson: Lesson, file: string) => ContentProblem[];

export interface LessonFileOptions {
  /** The file's size when only its first bytes were read. */
  totalBytes?: number;
  rules?: readonly LessonRule[];
}

/**
 * One lesson file, from its bytes to a lesson that parses and passes every rule. Throws
 * ContentError (every problem with its line) and nothing else.
 */
export function lessonFromBytes(bytes: Uint8Array, file: string, options: LessonFileOptions = {}): Lesson {
  const problems = new ProblemList();
  const totalBytes = options.totalBytes ?? bytes.length;
  if (totalBytes > LESSON_LIMITS.fileBytes) {
    reportFileTooLarge(problems, file, totalBytes, bytes);
    problems.throwIfAny();
  }
  const text = decodeUtf8(bytes, file, problems);
  problems.throwIfAny();
  const lesson = parseLesson(text!, file);
  for (const rule of options.rules ?? []) {
    // A rule is our own code, but a lesson must not be able to crash it either.
    problems.addAll(
      guardParse(
        file,
        () => 1,
        () => rule(lesson, file),
      ),
    );
  }
  problems.throwIfAny();
  return lesson;
}
