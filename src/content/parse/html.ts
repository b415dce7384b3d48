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

/** 1-based line of `offset` inside an HTML node that starts on `firstLine`. */
export function lineAt(html: string, offset: number, firstLine: number): number {
  let line = firstLine;
  for (let index = 0; index < offset; index += 1) if (html[index] === '\n') line += 1;
  return line;
}
