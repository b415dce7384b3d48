import type { Html, PhrasingContent, RootContent } from 'mdast';
import type { ProblemList } from '../errors.js';
import { type HtmlSegment, lineAt, splitHtml } from './html.js';
import { lineOf, parseFragment } from './markdown.js';

/** `<details><summary>…</summary>…</details>`, gathered from the split nodes the parser gives. */
export interface DetailsNode {
  type: 'details';
  summary: PhrasingContent[];
  children: StructNode[];
  line: number;
}

export type StructNode = RootContent | DetailsNode;

/** Tags that shape blocks; they are dropped once understood. Inline tags stay for inline.ts. */
const LAYOUT_TAGS = new Set(['br', 'hr', 'p', 'div']);

interface Frame {
  details: DetailsNode;
}

/**
 * Turns block-level HTML nodes into structure: `<details>` openings and closings (which arrive
 * as separate html nodes around ordinary Markdown siblings) become DetailsNodes, layout tags
 * vanish, and any other text inside an html node (a lone `<br/>` line swallows the next line)
 * is parsed again as Markdown so no sentence is lost.
 */
export function structureHtml(
  nodes: readonly RootContent[],
  file: string,
  problems: ProblemList,
): StructNode[] {
  const top: StructNode[] = [];
  const stack: Frame[] = [];
  const current = (): StructNode[] => stack.at(-1)?.details.children ?? top;

  for (const node of nodes) {
    if (node.type !== 'html') {
      current().push(node);
      continue;
    }
    readHtmlNode(node, file, problems, stack, current, top);
  }

  while (stack.length > 0) {
    const frame = stack.pop()!;
    problems.add(file, frame.details.line, 'content.error.unclosedDetails');
    current().push(frame.details);
  }
  return top;
}

function readHtmlNode(
  node: Html,
  file: string,
  problems: ProblemList,
  stack: Frame[],
  current: () => StructNode[],
  top: StructNode[],
): void {
  const html = node.value;
  const firstLine = lineOf(node);
  const segments = splitHtml(html);
  // Text and inline tags (<strong>, <em>, …) between block tags form one run of Markdown.
  let runStart: number | null = null;
  const flushRun = (end: number) => {
    if (runStart === null) return;
    const raw = html.slice(runStart, end);
    if (raw.trim().length > 0)
      current().push(...reparse(raw, lineAt(html, runStart, firstLine), file, problems));
    runStart = null;
  };

  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!;
    if (segment.kind === 'text' || !isBlockTag(segment.name) || isInlineBreak(html, segment)) {
      runStart ??= segment.start;
      continue;
    }
    flushRun(segment.start);
    const line = lineAt(html, segment.start, firstLine);
    if (segment.name === 'details' && !segment.closing) {
      stack.push({ details: { type: 'details', summary: [], children: [], line } });
    } else if (segment.name === 'details') {
      const frame = stack.pop();
      if (frame) (stack.at(-1)?.details.children ?? top).push(frame.details);
      else problems.add(file, line, 'content.error.strayDetailsClose');
    } else if (segment.name === 'summary' && !segment.closing) {
      const closeIndex = findClosing(segments, index, 'summary');
      if (closeIndex < 0) {
        problems.add(file, line, 'content.error.unclosedSummary');
        continue;
      }
      const summary = summaryOf(html.slice(segment.end, segments[closeIndex]!.start), line);
      const frame = stack.at(-1);
      if (frame) frame.details.summary = summary;
      else if (summary.length > 0) current().push({ type: 'paragraph', children: summary });
      index = closeIndex;
    }
  }
  flushRun(html.length);
}

/**
 * Parses a run of an html node as Markdown. When Markdown would read it as the very same html
 * block again (a line holding only an inline tag), it becomes a paragraph whose inline html
 * inline.ts understands, so the text still shows.
 */
function reparse(raw: string, line: number, file: string, problems: ProblemList): StructNode[] {
  const fragment = parseFragment(raw, line);
  const only = fragment.children[0];
  if (fragment.children.length === 1 && only?.type === 'html' && only.value.trim() === raw.trim()) {
    return [{ type: 'paragraph', children: [{ type: 'html', value: raw.trim() }], position: only.position }];
  }
  return structureHtml(fragment.children, file, problems);
}

/** A `<br/>` with text beside it on its line breaks the line; alone on a line it separates blocks. */
function isInlineBreak(html: string, segment: Extract<HtmlSegment, { kind: 'tag' }>): boolean {
  if (segment.name !== 'br') return false;
  const lineStart = html.lastIndexOf('\n', segment.start - 1) + 1;
  const lineEnd = html.indexOf('\n', segment.end);
  const before = html.slice(lineStart, segment.start);
  const after = html.slice(segment.end, lineEnd < 0 ? html.length : lineEnd);
  return before.trim().length > 0 || after.trim().length > 0;
}

function isBlockTag(name: string): boolean {
  return name === 'details' || name === 'summary' || LAYOUT_TAGS.has(name);
}

function findClosing(segments: readonly HtmlSegment[], from: number, name: string): number {
  return segments.findIndex(
    (segment, index) => index > from && segment.kind === 'tag' && segment.name === name && segment.closing,
  );
}

function summaryOf(raw: string, line: number): PhrasingContent[] {
  const fragment = parseFragment(raw.trim(), line);
  return fragment.children.flatMap((child) => (child.type === 'paragraph' ? child.children : []));
}
