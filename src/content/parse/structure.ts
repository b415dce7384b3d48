import type { Html, PhrasingContent, RootContent } from 'mdast';
import type { ProblemList } from '../errors.js';
import { LESSON_LIMITS } from './bounds.js';
import { checkClosedFences } from './fences.js';
import { type HtmlSegment, LineIndex, splitHtml } from './html.js';
import { lineOf, parseFragment } from './markdown.js';

/** `<details><summary>…</summary>…</details>`, gathered from the split nodes the parser gives. */
export interface DetailsNode {
  type: 'details';
  summary: PhrasingContent[];
  children: StructNode[];
  line: number;
}

export type StructNode = RootContent | DetailsNode;

type TagSegment = Extract<HtmlSegment, { kind: 'tag' }>;

/** Tags that shape blocks; they are dropped once understood. Inline tags stay for inline.ts. */
const LAYOUT_TAGS = new Set(['br', 'hr', 'p', 'div']);

/**
 * Turns block-level HTML nodes into structure: `<details>` openings and closings (which arrive
 * as separate html nodes around ordinary Markdown siblings) become DetailsNodes, layout tags
 * vanish, and any other text inside an html node (a lone `<br/>` line swallows the next line)
 * is parsed again as Markdown so no sentence is lost. `<details>` nests at most
 * LESSON_LIMITS.detailsDepth deep (`depth` counts the ones around a re-parsed fragment).
 */
export function structureHtml(
  nodes: readonly RootContent[],
  file: string,
  problems: ProblemList,
  depth = 0,
): StructNode[] {
  const structurer = new HtmlStructurer(file, problems, depth);
  for (const node of nodes) {
    if (node.type === 'html') structurer.readHtml(node);
    else structurer.current().push(node);
  }
  return structurer.finish();
}

class HtmlStructurer {
  private readonly top: StructNode[] = [];
  private readonly stack: DetailsNode[] = [];
  /** `<details>` openings past the depth limit: read as plain text, their closings skipped. */
  private ignoredOpenings = 0;
  private reportedTooDeep = false;

  constructor(
    private readonly file: string,
    private readonly problems: ProblemList,
    private readonly outerDepth: number,
  ) {}

  current(): StructNode[] {
    return this.stack.at(-1)?.children ?? this.top;
  }

  finish(): StructNode[] {
    while (this.stack.length > 0) {
      const details = this.stack.pop()!;
      this.problems.add(this.file, details.line, 'content.error.unclosedDetails');
      this.current().push(details);
    }
    return this.top;
  }

  readHtml(node: Html): void {
    const html = node.value;
    const lines = new LineIndex(html, lineOf(node));
    const segments = splitHtml(html);
    const summaryClosings = segments.flatMap((segment, index) =>
      segment.kind === 'tag' && segment.name === 'summary' && segment.closing ? [index] : [],
    );
    let nextClosing = 0;
    // Text and inline tags (<strong>, <em>, …) between block tags form one run of Markdown.
    let runStart: number | null = null;
    const flushRun = (end: number) => {
      if (runStart === null) return;
      const raw = html.slice(runStart, end);
      if (raw.trim().length > 0) this.current().push(...this.reparse(raw, lines.lineAt(runStart)));
      runStart = null;
    };

    for (let index = 0; index < segments.length; index += 1) {
      const segment = segments[index]!;
      if (segment.kind === 'text' || !isBlockTag(segment.name) || lines.isInlineBreak(segment)) {
        runStart ??= segment.start;
        continue;
      }
      flushRun(segment.start);
      const line = lines.lineAt(segment.start);
      if (segment.name === 'details') this.detailsTag(segment, line);
      else if (segment.name === 'summary' && !segment.closing) {
        while (nextClosing < summaryClosings.length && summaryClosings[nextClosing]! < index)
          nextClosing += 1;
        const closeIndex = summaryClosings[nextClosing];
        if (closeIndex === undefined) {
          this.problems.add(this.file, line, 'content.error.unclosedSummary');
          continue;
        }
        const summary = summaryOf(html.slice(segment.end, segments[closeIndex]!.start), line);
        const open = this.stack.at(-1);
        if (open) open.summary = summary;
        else if (summary.length > 0) this.current().push({ type: 'paragraph', children: summary });
        index = closeIndex;
      }
    }
    flushRun(html.length);
  }

  private detailsTag(segment: TagSegment, line: number): void {
    if (!segment.closing) {
      if (this.outerDepth + this.stack.length < LESSON_LIMITS.detailsDepth) {
        this.stack.push({ type: 'details', summary: [], children: [], line });
        return;
      }
      this.ignoredOpenings += 1;
      if (!this.reportedTooDeep) {
        this.reportedTooDeep = true;
        this.problems.add(this.file, line, 'content.error.detailsTooDeep', {
          max: LESSON_LIMITS.detailsDepth,
        });
      }
      return;
    }
    if (this.ignoredOpenings > 0) {
      this.ignoredOpenings -= 1;
      return;
    }
    const details = this.stack.pop();
    if (details) this.current().push(details);
    else this.problems.add(this.file, line, 'content.error.strayDetailsClose');
  }

  /**
   * Parses a run of an html node as Markdown. When Markdown would read it as the very same html
   * block again (a line holding only an inline tag), it becomes a paragraph whose inline html
   * inline.ts understands, so the text still shows.
   */
  private reparse(raw: string, line: number): StructNode[] {
    const fragment = parseFragment(raw, line);
    checkClosedFences(fragment, raw, this.file, this.problems);
    const only = fragment.children[0];
    if (fragment.children.length === 1 && only?.type === 'html' && only.value.trim() === raw.trim()) {
      return [
        { type: 'paragraph', children: [{ type: 'html', value: raw.trim() }], position: only.position },
      ];
    }
    return structureHtml(fragment.children, this.file, this.problems, this.outerDepth + this.stack.length);
  }
}

function isBlockTag(name: string): boolean {
  return name === 'details' || name === 'summary' || LAYOUT_TAGS.has(name);
}

function summaryOf(raw: string, line: number): PhrasingContent[] {
  const fragment = parseFragment(raw.trim(), line);
  return fragment.children.flatMap((child) => (child.type === 'paragraph' ? child.children : []));
}
