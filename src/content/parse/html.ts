/**
 * A small reader for the HTML that lesson authors put inside Markdown. It only needs to find
 * tags and the text between them: the text is handed back to the Markdown parser, so nothing
 * the author wrote is lost.
 */
export type HtmlSegment =
  | { kind: 'tag'; name: string; closing: boolean; start: number; end: number }
  | { kind: 'text'; raw: string; start: number };

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>/y;
const COMMENT_END = '-->';

/** Splits HTML into tags (lower-cased names) and the raw text between them; comments are dropped. */
export function splitHtml(html: string): HtmlSegment[] {
  const segments: HtmlSegment[] = [];
  let textStart = 0;
  let position = 0;
  const flushText = (until: number) => {
    if (until > textStart)
      segments.push({ kind: 'text', raw: html.slice(textStart, until), start: textStart });
  };
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open < 0) break;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf(COMMENT_END, open + 4);
      const end = close < 0 ? html.length : close + COMMENT_END.length;
      flushText(open);
      textStart = end;
      position = end;
      continue;
    }
    TAG.lastIndex = open;
    const match = TAG.exec(html);
    if (!match) {
      position = open + 1;
      continue;
    }
    flushText(open);
    const end = open + match[0].length;
    segments.push({
      kind: 'tag',
      name: match[2]!.toLowerCase(),
      closing: match[1] === '/',
      start: open,
      end,
    });
    textStart = end;
    position = end;
  }
  flushText(html.length);
  return segments;
}

/**
 * Lines of one html node, found once: the line of any offset in O(log n), and whether a `<br/>`
 * stands alone on its line, so a long node with many tags is read in linear time.
 */
export class LineIndex {
  /** Offsets where each line after the first starts. */
  private readonly starts: number[] = [];
  private readonly loneBreakLines = new Map<number, boolean>();

  constructor(
    private readonly html: string,
    private readonly firstLine: number,
  ) {
    for (let index = html.indexOf('\n'); index >= 0; index = html.indexOf('\n', index + 1)) {
      this.starts.push(index + 1);
    }
  }

  /** 1-based line of `offset` in the lesson (the node starts on `firstLine`). */
  lineAt(offset: number): number {
    return this.firstLine + this.linesBefore(offset);
  }

  /** A `<br/>` with text beside it on its line breaks the line; alone on a line it separates blocks. */
  isInlineBreak(segment: Extract<HtmlSegment, { kind: 'tag' }>): boolean {
    if (segment.name !== 'br') return false;
    const line = this.linesBefore(segment.start);
    let lone = this.loneBreakLines.get(line);
    if (lone === undefined) {
      const start = line === 0 ? 0 : this.starts[line - 1]!;
      const end = line < this.starts.length ? this.starts[line]! - 1 : this.html.length;
      lone = this.html.slice(start, end).trim() === this.html.slice(segment.start, segment.end);
      this.loneBreakLines.set(line, lone);
    }
    return !lone;
  }

  /** How many line starts come at or before `offset` (binary search). */
  private linesBefore(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
