import path from 'node:path';
import { type MessageKey, type MessageParams, tLoose } from '../i18n/index.js';

/** One thing an author must fix, with where it is. */
export interface ContentProblem {
  file: string;
  /** 1-based line; 0 when the problem is about the whole file. */
  line: number;
  key: MessageKey;
  params: MessageParams;
  /** The Korean message (authors work in Korean); `key`/`params` allow other locales. */
  message: string;
}

export function problem(
  file: string,
  line: number,
  key: MessageKey,
  params: MessageParams = {},
): ContentProblem {
  return { file, line, key, params, message: tLoose('ko', { key, params }) };
}

export function formatProblem(entry: ContentProblem): string {
  return entry.line > 0 ? `${entry.file}:${entry.line}: ${entry.message}` : `${entry.file}: ${entry.message}`;
}

/** Problem parameters that hold a path (the lessons folder). */
const PATH_PARAMS = ['dir'] as const;

/**
 * How a problem names its file outside the server: relative to the content folder (the folder
 * holding the lessons folder and course.yaml), e.g. `lessons/05-02-….md`, `course.yaml`. A file
 * elsewhere shows its name only, so no absolute or server path is ever shown.
 */
export function contentRelativePath(lessonsDir: string): (file: string) => string {
  const base = path.dirname(path.resolve(lessonsDir));
  return (file) => {
    const relative = path.relative(base, path.resolve(file));
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return path.basename(file);
    return relative.split(path.sep).join('/');
  };
}

/** A problem with its file and path parameters shown relative to the content folder. */
export function withContentRelativePaths(
  entry: ContentProblem,
  shown: (file: string) => string,
): ContentProblem {
  const params = { ...entry.params };
  for (const key of PATH_PARAMS) {
    const value = params[key];
    if (typeof value === 'string') params[key] = shown(value);
  }
  return { ...entry, file: shown(entry.file), params, message: tLoose('ko', { key: entry.key, params }) };
}

/**
 * A malformed lesson or course.yaml. It carries every problem found (so an author fixes them all
 * in one go); `file`, `line` and `message` are those of the first, and `String(error)` lists all
 * of them as "file:line: message" lines.
 */
export class ContentError extends Error {
  override name = 'ContentError';
  readonly problems: readonly ContentProblem[];
  readonly file: string;
  readonly line: number;

  constructor(problems: readonly ContentProblem[]) {
    const first = problems[0];
    if (!first) throw new TypeError('ContentError needs at least one problem');
    super(problems.map(formatProblem).join('\n'));
    this.problems = problems;
    this.file = first.file;
    this.line = first.line;
  }

  override toString(): string {
    return this.message;
  }
}

/** Gathers problems while parsing so that one run reports all of them. */
export class ProblemList {
  readonly items: ContentProblem[] = [];

  add(file: string, line: number, key: MessageKey, params: MessageParams = {}): void {
    this.items.push(problem(file, line, key, params));
  }

  addAll(items: readonly ContentProblem[]): void {
    this.items.push(...items);
  }

  /** Throws a ContentError when anything was gathered. */
  throwIfAny(): void {
    if (this.items.length > 0) throw new ContentError(this.items);
  }
}

/** At most this much of an unexpected error's message goes into the problem shown to authors. */
const maxDetailLength = 120;

/**
 * Runs a parsing step and lets only ContentError out: anything else (a parser's RangeError, a
 * library's TypeError) becomes a problem at the line the step was reading, so a lesson file can
 * never crash whoever loads it.
 */
export function guardParse<T>(file: string, line: () => number, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof ContentError) throw error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const firstLine = detail.split('\n')[0] ?? '';
    throw new ContentError([
      problem(file, line(), 'content.error.parseFailed', {
        detail:
          firstLine.length > maxDetailLength ? `${firstLine.slice(0, maxDetailLength - 1)}…` : firstLine,
      }),
    ]);
  }
}
