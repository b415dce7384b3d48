import type { ProblemList } from '../errors.js';

/**
 * What a lesson file may hold, checked before the Markdown parser sees it. micromark has costs
 * that grow faster than the text: every new sibling list item or closed quote rebuilds the
 * document's event list, setext headings rebuild the flow's, emphasis and link brackets walk back
 * through their paragraph, and deep nesting recurses. With these bounds every accepted file
 * parses in time linear in its size with a small factor (bench: content.worstAcceptedParseMs).
 * The sample lesson (6 KB, 218 lines, lines up to 105 characters, depth 1) stays far inside them.
 */
export const LESSON_LIMITS = {
  /** UTF-8 bytes of one lesson file (about 40 times the sample lesson). */
  fileBytes: 256 * 1024,
  /** Lines of one lesson file: per-line costs that grow with the document stay small. */
  lines: 2_000,
  /** Characters of one line; a Discord page holds 4,000. */
  lineLength: 2_000,
  /** Block quotes and list items inside each other, counted from a line's prefix. */
  nestingDepth: 16,
  /** List item markers and quote markers (`>`) at line starts, in the whole file. */
  containerMarkers: 1_000,
  /** `|` in the whole file: every table cell costs the parser as much as a paragraph of text. */
  tablePipes: 4_000,
  /** Characters of the front matter between its `---` lines. */
  frontMatterChars: 4_096,
  /** `<details>` inside `<details>`. */
  detailsDepth: 8,
  /** Emphasis marks (`*`, `~`, `_` not inside a word) in one paragraph, heading or table row. */
  emphasisMarks: 64,
  /** Link brackets (`[`, `]`) in one paragraph, heading or table row. */
  linkMarks: 128,
  /** Backtick runs in one paragraph, heading or table row. */
  codeMarks: 32,
  /** `<` in one paragraph, heading, table row or HTML block. */
  htmlMarks: 256,
  /**
   * All inline markup in the whole file (the marks above, `&` and link addresses): each becomes
   * a node, and nodes, not characters, are what parsing costs. The sample lesson has 165.
   */
  markup: 8_000,
} as const;

/** How a line's leading container markers look: `> - 1. ` and the indentation between them. */
interface LinePrefix {
  quotes: number;
  listMarkers: number;
  /**
   * Columns of the prefix a list item can take: list markers and indentation, without each
   * quote's `>` and the one space after it that belongs to the quote (tabs to multiples of 4).
   */
  listWidth: number;
}

/** Length of a list marker (`-`, `+`, `*`, `1.`, `1)`) at `index` when a space or the line end follows. */
function listMarkerLength(line: string, index: number): number {
  const first = line.charCodeAt(index);
  let end = index;
  if (first === 0x2d || first === 0x2b || first === 0x2a) end += 1;
  else {
    while (end - index < 9 && isDigit(line.charCodeAt(end))) end += 1;
    const delimiter = line[end];
    if (end === index || (delimiter !== '.' && delimiter !== ')')) return 0;
    end += 1;
  }
  const next = line[end];
  return next === undefined || next === ' ' || next === '\t' ? end - index : 0;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function linePrefix(line: string): LinePrefix {
  let column = 0;
  let quotes = 0;
  let listMarkers = 0;
  let listWidth = 0;
  let afterQuote = false;
  let index = 0;
  while (index < line.length) {
    const char = line[index];
    if (char === ' ' || char === '\t') {
      const width = char === ' ' ? 1 : 4 - (column % 4);
      column += width;
      listWidth += afterQuote ? width - 1 : width;
      afterQuote = false;
      index += 1;
      continue;
    }
    afterQuote = char === '>';
    if (afterQuote) {
      quotes += 1;
      column += 1;
      index += 1;
      continue;
    }
    const length = listMarkerLength(line, index);
    if (length === 0) break;
    listMarkers += 1;
    column += length;
    listWidth += length;
    index += length;
  }
  return { quotes, listMarkers, listWidth };
}

/**
 * The most containers a line can be inside. A container open on a line was opened on a line that
 * also carried every enclosing container's prefix: a quote its `>`, a list item at least two
 * columns (marker and space, or its content indent), except that the last marker may end the
 * line. So the depth reached on a line is at most quotes + (listWidth + 1) / 2. Lazy continuation
 * lines open nothing, so checking every line bounds the whole file.
 */
function depthBound(prefix: LinePrefix): number {
  return prefix.quotes + Math.floor((prefix.listWidth + 1) / 2);
}

const FRONT_MATTER_FENCE = /^---[ \t]*$/;

/** One line at a time; the text is already normalised (LF line ends). */
function* linesOf(text: string): Generator<{ line: string; number: number }> {
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    yield { line: text.slice(start, stop), number };
    if (end < 0) return;
    start = end + 1;
    number += 1;
  }
}

/** Reports the first line that breaks a per-line limit, and how many lines break it. */
class FirstBreach {
  line = 0;
  actual = 0;
  count = 0;

  note(line: number, actual: number): void {
    if (this.count === 0) {
      this.line = line;
      this.actual = actual;
    }
    this.count += 1;
  }
}

/** A file-wide count, and the line where it first passed its limit (0 while within it). */
export class Tally {
  total = 0;
  passedAt = 0;

  constructor(readonly limit: number) {}

  add(amount: number, line: number): void {
    this.total += amount;
    if (this.passedAt === 0 && this.total > this.limit) this.passedAt = line;
  }

  /** The problem's parameters: how many, and the limit. */
  params(): { actual: string; max: string } {
    return { actual: formatCount(this.total), max: formatCount(this.limit) };
  }
}

/**
 * Checks the limits that do not need a parser: bytes, lines, line length, nesting depth,
 * container markers and front matter size. Each breach is one problem at the first line it
 * happens, saying the limit and how many lines break it.
 */
export function checkTextBounds(text: string, file: string, problems: ProblemList): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > LESSON_LIMITS.fileBytes) {
    reportFileTooLarge(problems, file, bytes, Buffer.from(text, 'utf8'));
    return;
  }
  const long = new FirstBreach();
  const deep = new FirstBreach();
  const markers = new Tally(LESSON_LIMITS.containerMarkers);
  const pipes = new Tally(LESSON_LIMITS.tablePipes);
  let lineCount = 0;
  for (const { line, number } of linesOf(text)) {
    lineCount = number;
    if (line.length > LESSON_LIMITS.lineLength) long.note(number, line.length);
    const prefix = linePrefix(line);
    const depth = depthBound(prefix);
    if (depth > LESSON_LIMITS.nestingDepth) deep.note(number, depth);
    markers.add(prefix.quotes + prefix.listMarkers, number);
    pipes.add(countPipes(line), number);
  }
  if (lineCount > LESSON_LIMITS.lines) {
    problems.add(file, LESSON_LIMITS.lines + 1, 'content.error.tooManyLines', {
      actual: formatCount(lineCount),
      max: formatCount(LESSON_LIMITS.lines),
    });
  }
  if (long.count > 0) {
    problems.add(file, long.line, 'content.error.lineTooLong', {
      actual: formatCount(long.actual),
      max: formatCount(LESSON_LIMITS.lineLength),
      count: formatCount(long.count),
    });
  }
  if (deep.count > 0) {
    problems.add(file, deep.line, 'content.error.nestedTooDeep', {
      max: LESSON_LIMITS.nestingDepth,
      count: formatCount(deep.count),
    });
  }
  if (markers.passedAt > 0) {
    problems.add(file, markers.passedAt, 'content.error.tooManyContainerMarkers', markers.params());
  }
  if (pipes.passedAt > 0)
    problems.add(file, pipes.passedAt, 'content.error.tooManyTablePipes', pipes.params());
  checkFrontMatterSize(text, file, problems);
}

function countPipes(line: string): number {
  let count = 0;
  for (let index = line.indexOf('|'); index >= 0; index = line.indexOf('|', index + 1)) count += 1;
  return count;
}

/** The front matter is a few fields: a long one is almost surely a missing closing `---`. */
function checkFrontMatterSize(text: string, file: string, problems: ProblemList): void {
  const lines = linesOf(text);
  const first = lines.next();
  if (first.done || !FRONT_MATTER_FENCE.test(first.value.line)) return;
  let size = 0;
  for (const { line } of lines) {
    if (FRONT_MATTER_FENCE.test(line)) break;
    size += line.length + 1;
  }
  if (size > LESSON_LIMITS.frontMatterChars) {
    problems.add(file, 1, 'content.error.frontMatterTooLong', {
      actual: formatCount(size),
      max: formatCount(LESSON_LIMITS.frontMatterChars),
    });
  }
}

/** 12345 → "12,345", as authors read counts in messages. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Bytes as whole KB, rounded up so a file just over the limit never reads as equal to it. */
export function kibibytes(bytes: number): string {
  return formatCount(Math.ceil(bytes / 1024));
}

/** A file over LESSON_LIMITS.fileBytes, reported at the line where it passes the limit. */
export function reportFileTooLarge(
  problems: ProblemList,
  file: string,
  totalBytes: number,
  bytes: Uint8Array,
): void {
  problems.add(file, lineAtByte(bytes, LESSON_LIMITS.fileBytes), 'content.error.fileTooLarge', {
    actual: kibibytes(totalBytes),
    max: kibibytes(LESSON_LIMITS.fileBytes),
  });
}

/** The 1-based line holding the byte at `offset` of UTF-8 `bytes`. */
export function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let index = 0; index < end; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}
