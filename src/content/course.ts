import { readdir, readFile, stat } from 'node:fs/promises';
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
import type { Course, CourseEntry, Lesson, LessonCheck } from './model.js';
import { parseLesson } from './parse/lesson.js';
import { normaliseText } from './source.js';
import { checkLessonPayloads } from './validate.js';

const stepId = z.string().min(1).max(100);
// The same rules as /verify's own checks (registry/names.ts), so course.yaml cannot name an
// image that /verify would refuse.
const checkSchema = z.object({
  repository: boundedString(MAX_NAME_LENGTH).regex(
    PATH_COMPONENT_PATTERN,
    'a Docker repository name such as image-gallery',
  ),
  tag: boundedString(MAX_TAG_LENGTH).regex(TAG_PATTERN, 'a Docker tag such as v1'),
  baseImage: boundedString(MAX_NAME_LENGTH)
    .refine((value) => parseImageReference(value).ok, 'an image name such as diamol/base')
    .nullable()
    .default(null),
  fixSteps: z.object({ tag: stepId, push: stepId, publish: stepId, build: stepId.nullable().default(null) }),
  buildHint: z.string().min(1).max(300).nullable().default(null),
});
const courseSchema = z.object({
  lessons: z
    .array(
      z.object({
        file: boundedString(255).regex(
          /^[^/\\]+\.md$/,
          'a lesson file name in the lessons folder, ending in .md',
        ),
        check: checkSchema.nullable().default(null),
      }),
    )
    .min(1),
});

export interface LoadCourseOptions {
  lessonsDir: string;
  /** Defaults to `<lessonsDir>/../course.yaml`; when that file is absent lessons go in file-name order, without checks. */
  courseFile?: string;
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
 * "file:line: message"): malformed lessons, payloads Discord would refuse, course.yaml entries
 * that name missing files or steps, lessons left out of course.yaml.
 */
export async function loadCourse(options: LoadCourseOptions): Promise<Course> {
  const { lessonsDir } = options;
  const problems = new ProblemList();
  const names = await readdir(lessonsDir).catch(() => null);
  if (names === null) {
    problems.add(lessonsDir, 0, 'content.error.lessonsDirMissing', { dir: lessonsDir });
    problems.throwIfAny();
  }
  const lessonFiles = names!.filter((name) => name.endsWith('.md')).sort();
  if (lessonFiles.length === 0) problems.add(lessonsDir, 0, 'content.error.noLessons', { dir: lessonsDir });

  const lessons = new Map<string, Lesson>();
  for (const name of lessonFiles) {
    const display = path.join(lessonsDir, name);
    const lesson = await loadLesson(display, name, problems);
    if (lesson) lessons.set(name, lesson);
  }
  const byId = new Map<string, string>();
  for (const [name, lesson] of lessons) {
    const other = byId.get(lesson.id);
    if (other) {
      problems.add(path.join(lessonsDir, name), 1, 'content.error.duplicateLessonId', {
        id: lesson.id,
        other,
      });
    } else byId.set(lesson.id, name);
  }

  const courseFile = options.courseFile ?? defaultCourseFile(lessonsDir);
  const useCourseFile = options.courseFile !== undefined || (await exists(courseFile));
  let entries: CourseEntry[];
  if (useCourseFile) {
    entries = await readCourseFile(courseFile, lessonFiles, lessons, problems);
  } else {
    entries = [...lessons.values()].map((lesson) => ({ lesson, check: null }));
  }
  problems.throwIfAny();
  return { entries };
}

async function loadLesson(display: string, name: string, problems: ProblemList): Promise<Lesson | null> {
  let text: string;
  try {
    text = await readFile(display, 'utf8');
  } catch (error) {
    problems.add(display, 0, 'content.error.readFailed', { detail: readFailure(error) });
    return null;
  }
  try {
    const lesson = parseLesson(text, name);
    const limitProblems = checkLessonPayloads(lesson, display);
    problems.addAll(limitProblems);
    return limitProblems.length === 0 ? lesson : null;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.addAll(error.problems.map((entry): ContentProblem => ({ ...entry, file: display })));
    return null;
  }
}

async function readCourseFile(
  courseFile: string,
  lessonFiles: readonly string[],
  lessons: ReadonlyMap<string, Lesson>,
  problems: ProblemList,
): Promise<CourseEntry[]> {
  let text: string;
  try {
    text = normaliseText(await readFile(courseFile, 'utf8'));
  } catch (error) {
    problems.add(courseFile, 0, 'content.error.courseYaml', { detail: readFailure(error) });
    return [];
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    problems.add(courseFile, lineCounter.linePos(yamlError.pos[0]).line, 'content.error.courseYaml', {
      detail: yamlError.message.split('\n')[0] ?? '',
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
  const parsed = courseSchema.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.add(courseFile, lineAt(issue.path), 'content.error.courseField', {
        field: issue.path.map(String).join('.') || 'lessons',
        detail: issue.message,
      });
    }
    return [];
  }

  const entries: CourseEntry[] = [];
  const listed = new Set<string>();
  parsed.data.lessons.forEach((entry, position) => {
    const line = lineAt(['lessons', position, 'file']);
    if (listed.has(entry.file)) {
      problems.add(courseFile, line, 'content.error.courseDuplicateFile', { file: entry.file });
      return;
    }
    listed.add(entry.file);
    if (!lessonFiles.includes(entry.file)) {
      problems.add(courseFile, line, 'content.error.courseMissingFile', { file: entry.file });
      return;
    }
    const lesson = lessons.get(entry.file);
    if (!lesson) return; // Its own problems are already listed.
    if (entry.check) checkFixSteps(entry.check, lesson, position, courseFile, lineAt, problems);
    entries.push({ lesson, check: entry.check });
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
