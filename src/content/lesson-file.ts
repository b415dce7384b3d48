import { checkLessonPayloads } from '../ui/lesson-payloads.js';
import { guardParse, ProblemList } from './errors.js';
import type { Lesson } from './model.js';
import { LESSON_LIMITS, reportFileTooLarge } from './parse/bounds.js';
import { parseLesson } from './parse/lesson.js';
import { decodeUtf8 } from './read.js';

/**
 * One lesson file, from its bytes to a lesson that parses and whose every payload fits Discord's
 * limits. Throws ContentError (every problem with its line) and nothing else. `totalBytes` is the
 * file's size when only its first bytes were read.
 */
export function lessonFromBytes(bytes: Uint8Array, file: string, totalBytes = bytes.length): Lesson {
  const problems = new ProblemList();
  if (totalBytes > LESSON_LIMITS.fileBytes) {
    reportFileTooLarge(problems, file, totalBytes, bytes);
    problems.throwIfAny();
  }
  const text = decodeUtf8(bytes, file, problems);
  problems.throwIfAny();
  const lesson = parseLesson(text!, file);
  // Rendering is our own code, but a lesson must not be able to crash it either.
  problems.addAll(
    guardParse(
      file,
      () => 1,
      () => checkLessonPayloads(lesson, file),
    ),
  );
  problems.throwIfAny();
  return lesson;
}
