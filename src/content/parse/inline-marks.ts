import type { Nodes } from 'mdast';
import type { MessageKey } from '../../i18n/index.js';
import type { ProblemList } from '../errors.js';
import { formatCount, LESSON_LIMITS, Tally } from './bounds.js';
import { lineOf, parseBlocks } from './markdown.js';

/**
 * micromark resolves emphasis and link brackets by walking back through the paragraph from every
 * closing mark, and retries a backtick run or a `<` up to the paragraph's end when it does not
 * close: costs that grow with marks × paragraph length. Bounding the marks per paragraph keeps
 * the full parse linear; bounding all markup per file keeps its constant small (every mark
 * becomes a node). HTML blocks count too: their text is parsed again as Markdown.
 */
interface MarkCounts {
  emphasis: number;
  link: number;
  code: number;
  html: number;
  /** `&` (entities) and the starts of bare link addresses (`www.`, `://`, `@`): file total only. */
  other: number;
}

type ParagraphLimited = Exclude<keyof MarkCounts, 'other'>;

const PARAGRAPH_LIMITS: { [kind in ParagraphLimited]: { max: number; key: MessageKey } } = {
  emphasis: { max: LESSON_LIMITS.emphasisMarks, key: 'content.error.emphasisMarks' },
  link: { max: LESSON_LIMITS.linkMarks, key: 'content.error.linkMarks' },
  code: { max: LESSON_LIMITS.codeMarks, key: 'content.error.codeMarks' },
  html: { max: LESSON_LIMITS.htmlMarks, key: 'content.error.htmlMarks' },
};

/** Blocks whose text the full parse reads as inline Markdown. */
const INLINE_UNITS = new Set(['paragraph', 'heading', 'tableRow', 'html']);

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && WORD_CHARACTER.test(char);
}

/** Counts the marks in a block's source; `_` inside a word (`image_gallery`) cannot open or close. */
export function countMarks(source: string): MarkCounts {
  const counts: MarkCounts = { emphasis: 0, link: 0, code: 0, html: 0, other: 0 };
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (char === '*' || char === '~') counts.emphasis += 1;
    else if (char === '_') {
      if (!(isWordCharacter(source[index - 1]) && isWordCharacter(source[index + 1]))) counts.emphasis += 1;
    } else if (char === '[' || char === ']') counts.link += 1;
    else if (char === '`') {
      if (source[index - 1] !== '`') counts.code += 1;
    } else if (char === '<') counts.html += 1;
    else if (
      char === '&' ||
      char === '@' ||
      (char === ':' && source.startsWith('://', index)) ||
      (char === 'w' && source.startsWith('www.', index))
    )
      counts.other += 1;
  }
  return counts;
}

function total(counts: MarkCounts): number {
  return counts.emphasis + counts.link + counts.code + counts.html + counts.other;
}

/** Every block that holds inline text, in document order (code, front matter and definitions excluded). */
function* inlineUnits(node: Nodes): Generator<Nodes> {
  if (INLINE_UNITS.has(node.type)) {
    yield node;
    return;
  }
  if ('children' in node) for (const child of node.children) yield* inlineUnits(child);
}

function withinParagraphLimits(counts: MarkCounts): boolean {
  return (Object.keys(PARAGRAPH_LIMITS) as ParagraphLimited[]).every(
    (kind) => counts[kind] <= PARAGRAPH_LIMITS[kind].max,
  );
}

/** HTML blocks that may run past a blank line (`<pre>`, `<script>`, `<style>`, `<textarea>`, `<!…>`, `<?…>`). */
const HTML_BLOCK_ACROSS_BLANK_LINES = /<(?:pre|script|style|textarea|!|\?)/i;

/**
 * A quick look that proves most lessons fine without the block parse: every paragraph, heading,
 * table row and HTML block lies inside one run of non-blank lines (except the HTML blocks above),
 * so when no run holds more marks than a paragraph may, no paragraph does. Code counts too here,
 * which only makes the look more careful.
 */
function surelyWithinLimits(text: string): boolean {
  if (HTML_BLOCK_ACROSS_BLANK_LINES.test(text)) return false;
  let run: MarkCounts = countMarks('');
  let markup = 0;
  for (const line of text.split('\n')) {
    if (line.trim().length === 0) {
      run = countMarks('');
      continue;
    }
    const counts = countMarks(line);
    for (const kind of Object.keys(run) as (keyof MarkCounts)[]) run[kind] += counts[kind];
    markup += total(counts);
    if (!withinParagraphLimits(run)) return false;
  }
  return markup <= LESSON_LIMITS.markup;
}

/**
 * Reports, per kind of mark, the first paragraph, heading, table row or HTML block holding more
 * than its limit, and the block where the file's markup passes LESSON_LIMITS.markup. Runs before
 * the full parse; parses the block structure only when the quick look cannot rule a problem out.
 */
export function checkInlineMarks(text: string, file: string, problems: ProblemList): void {
  if (surelyWithinLimits(text)) return;
  const reported = new Set<ParagraphLimited>();
  const markup = new Tally(LESSON_LIMITS.markup);
  for (const unit of inlineUnits(parseBlocks(text))) {
    const start = unit.position?.start.offset;
    const end = unit.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const counts = countMarks(text.slice(start, end));
    for (const kind of Object.keys(PARAGRAPH_LIMITS) as ParagraphLimited[]) {
      const { max, key } = PARAGRAPH_LIMITS[kind];
      if (counts[kind] <= max || reported.has(kind)) continue;
      reported.add(kind);
      problems.add(file, lineOf(unit), key, { actual: formatCount(counts[kind]), max: formatCount(max) });
    }
    markup.add(total(counts), lineOf(unit));
  }
  if (markup.passedAt > 0)
    problems.add(file, markup.passedAt, 'content.error.tooMuchMarkup', markup.params());
}
