import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { boundedString } from '../input-rules.js';
import {
  MAX_NAME_LENGTH,
  MAX_TAG_LENGTH,
  PATH_COMPONENT_PATTERN,
  parseImageReference,
  TAG_PATTERN,
} from '../registry/names.js';
import { ContentError, type ContentProblem, ProblemList } from './errors.js';
import { type LessonRule, lessonFromBytes } from './lesson-file.js';
import type { Course, CourseEntry, Lesson, LessonCheck } from './model.js';
import { kibibytes, LESSON_LIMITS } from './parse/bounds.js';
import { issueText, yamlErrorText } from './parse/issue-text.js';
import { decodeUtf8, readCapped } from './read.js';
import { normaliseText } from './source.js';

const stepId = z.string().min(1).max(100);
// The same rules as /verify's own checks (registry/names.ts), so course.yaml cannot name an
// image that /verify would refuse.
const checkSchema = z.object({
  repository: boundedString(MAX_NAME_LENGTH).regex(PATH_COMPONENT_PATTERN, 'content.issue.repository'),
  tag: boundedString(MAX_TAG_LENGTH).regex(TAG_PATTERN, 'content.issue.tag'),
  baseImage: boundedString(MAX_NAME_LENGTH)
    .refine((value) => parseImageReference(value).ok, 'content.issue.image')
    .nullable()
    .default(null),
  fixSteps: z.object({ tag: stepId, push: stepId, publish: stepId, build: stepId.nullable().default(null) }),
  buildHint: z.string().min(1).max(300).nullable().default(null),
  /** The command that builds the image in the chapter this lesson builds on, shown when a rebuild is the fix. */
  buildCommand: z.string().min(1).max(300).nullable().default(null),
});
const courseSchema = z.object({
  lessons: z
    .array(
      z.object({
        file: boundedString(255).regex(/^[^/\\]+\.md$/, 'content.issue.lessonFile'),
        check: checkSchema.nullable().default(null),
      }),
    )
    .min(1),
});

/** Where the course is: plain data, so it can be sent to a worker thread. */
export interface CourseLocation {
  lessonsDir: string;
  /** Defaults to `<lessonsDir>/../course.yaml`; when that file is absent lessons go in file-name order, without checks. */
  courseFile?: string;
}

export interface LoadCourseOptions extends CourseLocation {
  /** Checks every lesson must pass beyond its format (the bot's: src/app/course-reading.ts). */
  rules?: readonly LessonRule[];
}

/** course.yaml lists files and checks: about 250 bytes a lesson, so this holds some 250 lessons. */
const COURSE_FILE_MAX_BYTES = 64 * 1024;

/** One place in the course: a lesson file and what /verify checks for it. */
export interface CourseOrderEntry {
  file: string;
  check: LessonCheck | null;
}

/**
 * Everything read from the content folder, good and bad, so that callers choose: `loadCourse`
 * (content:check, /course reload) refuses the whole course on any problem; start-up serves what
 * is good and keeps the stored version of the rest. Plain data: it crosses worker threads.
 */
export interface CourseReading {
  /** Every problem found, each "file:line: message": lessons in file-name order, then course.yaml. */
  problems: ContentProblem[];
  /** Lessons that loaded without a problem of their own (`lesson.file` is the file name). */
  lessons: Lesson[];
  /** Lesson files with problems of their own (unreadable, malformed, over a limit, a repeated lesson number). */
  failedFiles: string[];
  /** The course order and checks: course.yaml's, or file-name order without checks when there is no course.yaml; null when course.yaml has problems. */
  order: CourseOrderEntry[] | null;
}

export function defaultCourseFile(lessonsDir: string): string {
  return path.join(lessonsDir, '..', 'course.yaml');
}

/**
 * Why a file could not be read, without the path: Node's messages repeat the absolute path,
 * and these problems reach Discord. The problem itself names the file.
 */
function readFailure(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).name;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Loads every lesson and course.yaml. Throws one ContentError listing every problem (each
 * "file:line: message"): malformed lessons, lessons that break a rule (payloads Discord would
 * refuse), course.yaml entries that name missing files or steps, lessons left out of course.yaml.
 */
export async function loadCourse(options: LoadCourseOptions): Promise<Course> {
  const reading = await readCourse(options);
  if (reading.problems.length > 0) throw new ContentError(reading.problems);
  return courseOf(reading);
}

/** The course a reading gives: its order, with the lessons that loaded. Complete when the reading has no problems. */
export function courseOf(reading: CourseReading): Course {
  const byFile = new Map(reading.lessons.map((lesson) => [lesson.file, lesson]));
  const entries: CourseEntry[] = [];
  for (const { file, check } of reading.order ?? []) {
    const lesson = byFile.get(file);
    if (lesson) entries.push({ lesson, check });
  }
  return { entries };
}

/**
 * Reads the lessons folder and course.yaml and reports what loaded and every problem. Never
 * throws for anything a file holds: each lesson is read with a size cap and parsed within the
 * limits of parse/bounds.ts.
 */
export async function readCourse(options: LoadCourseOptions): Promise<CourseReading> {
  const { lessonsDir } = options;
  const problems = new ProblemList();
  const names = await readdir(lessonsDir).catch(() => null);
  if (names === null) {
    problems.add(lessonsDir, 0, 'content.error.lessonsDirMissing', { dir: lessonsDir });
    return { problems: problems.items, lessons: [], failedFiles: [], order: null };
  }
  const lessonFiles = names.filter((name) => name.endsWith('.md')).sort();
  if (lessonFiles.length === 0) problems.add(lessonsDir, 0, 'content.error.noLessons', { dir: lessonsDir });

  const lessons = new Map<string, Lesson>();
  const failedFiles: string[] = [];
  for (const name of lessonFiles) {
    const lesson = await loadLesson(lessonsDir, name, options.rules ?? [], problems);
    if (lesson) lessons.set(name, lesson);
    else failedFiles.push(name);
  }
  const byId = new Map<string, string>();
  for (const [name, lesson] of lessons) {
    const other = byId.get(lesson.id);
    if (other) {
      problems.add(path.join(lessonsDir, name), lesson.titleLine ?? 1, 'content.error.duplicateLessonId', {
        id: lesson.id,
        other,
      });
      lessons.delete(name);
      failedFiles.push(name);
    } else byId.set(lesson.id, name);
  }

  const courseFile = options.courseFile ?? defaultCourseFile(lessonsDir);
  const useCourseFile = options.courseFile !== undefined || (await exists(courseFile));
  let order: CourseOrderEntry[] | null;
  if (useCourseFile) {
    const before = problems.items.length;
    order = await readCourseFile(courseFile, lessonFiles, lessons, problems);
    if (problems.items.length > before) order = null;
  } else {
    order = lessonFiles.map((file) => ({ file, check: null }));
  }
  return { problems: problems.items, lessons: [...lessons.values()], failedFiles: failedFiles.sort(), order };
}

async function loadLesson(
  lessonsDir: string,
  name: string,
  rules: readonly LessonRule[],
  problems: ProblemList,
): Promise<Lesson | null> {
  const display = path.join(lessonsDir, name);
  try {
    const { bytes, totalBytes } = await readCapped(display, LESSON_LIMITS.fileBytes);
    return lessonFromBytes(bytes, name, { totalBytes, rules });
  } catch (error) {
    if (error instanceof ContentError) {
      problems.addAll(error.problems.map((entry): ContentProblem => ({ ...entry, file: display })));
    } else {
      problems.add(display, 0, 'content.error.readFailed', { detail: readFailure(error) });
    }
    return null;
  }
}

/** course.yaml as text: read with a size cap, UTF-8 checked, line ends normalised. */
async function readCourseText(courseFile: string, problems: ProblemList): Promise<string | null> {
  let read: Awaited<ReturnType<typeof readCapped>>;
  try {
    read = await readCapped(courseFile, COURSE_FILE_MAX_BYTES);
  } catch (error) {
    problems.add(courseFile, 0, 'content.error.courseYaml', { detail: readFailure(error) });
    return null;
  }
  if (read.totalBytes > COURSE_FILE_MAX_BYTES) {
    problems.add(courseFile, 0, 'content.error.courseFileTooLarge', {
      actual: kibibytes(read.totalBytes),
      max: kibibytes(COURSE_FILE_MAX_BYTES),
    });
    return null;
  }
  const text = decodeUtf8(read.bytes, courseFile, problems);
  return text === null ? null : normaliseText(text);
}

/** The entries of course.yaml; problems for anything wrong in it, each at its line. */
async function readCourseFile(
  courseFile: string,
  lessonFiles: readonly string[],
  lessons: ReadonlyMap<string, Lesson>,
  problems: ProblemList,
): Promise<CourseOrderEntry[]> {
  const text = await readCourseText(courseFile, problems);
  if (text === null) return [];
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    const position = lineCounter.linePos(yamlError.pos[0]);
    problems.add(courseFile, position.line, 'content.error.courseYaml', {
      detail: yamlErrorText(yamlError.code, position.col),
    });
    return [];
  }
  const lineAt = (pathParts: readonly PropertyKey[]): number => {
    for (let length = pathParts.length; length >= 0; length -= 1) {
      const node = document.getIn(pathParts.slice(0, length) as (string | number)[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // yaml refuses alias bombs while building values.
    problems.add(courseFile, 1, 'content.error.courseYaml', {
      detail: yamlErrorText((error as { code?: string }).code ?? 'RESOURCE_EXHAUSTION', 1),
    });
    return [];
  }
  const parsed = courseSchema.safeParse(value ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.add(courseFile, lineAt(issue.path), 'content.error.courseField', {
        field: issue.path.map(String).join('.') || 'lessons',
        detail: issueText(issue, value),
      });
    }
    return [];
  }

  const entries: CourseOrderEntry[] = [];
  const listed = new Set<string>();
  const present = new Set(lessonFiles);
  parsed.data.lessons.forEach((entry, position) => {
    const line = lineAt(['lessons', position, 'file']);
    if (listed.has(entry.file)) {
      problems.add(courseFile, line, 'content.error.courseDuplicateFile', { file: entry.file });
      return;
    }
    listed.add(entry.file);
    if (!present.has(entry.file)) {
      problems.add(courseFile, line, 'content.error.courseMissingFile', { file: entry.file });
      return;
    }
    const lesson = lessons.get(entry.file);
    // A lesson with problems of its own has them listed already; its steps are unknown.
    if (lesson && entry.check) checkFixSteps(entry.check, lesson, position, courseFile, lineAt, problems);
    entries.push({ file: entry.file, check: entry.check });
  });
  for (const name of lessonFiles) {
    if (!listed.has(name))
      problems.add(courseFile, lineAt(['lessons']), 'content.error.courseUnlistedLesson', { file: name });
  }
  return entries;
}

function checkFixSteps(
  check: LessonCheck,
  lesson: Lesson,
  position: number,
  courseFile: string,
  lineAt: (pathParts: readonly PropertyKey[]) => number,
  problems: ProblemList,
): void {
  const known = lesson.steps.map((step) => step.id);
  for (const [failure, step] of Object.entries(check.fixSteps)) {
    if (step === null || known.includes(step)) continue;
    problems.add(
      courseFile,
      lineAt(['lessons', position, 'check', 'fixSteps', failure]),
      'content.error.courseUnknownStep',
      {
        lesson: lesson.id,
        step,
        steps: known.join(', '),
      },
    );
  }
}

/** The course entry of a lesson id ("5.2"), if any. */
export function findEntry(course: Course, lessonId: string): CourseEntry | undefined {
  return course.entries.find((entry) => entry.lesson.id === lessonId);
}
