/**
 * The one way user-provided text (display names, group names, Docker IDs, tags, what a learner
 * typed) gets into a message. Discord parses far more than classic Markdown: masked links,
 * headings, lists, block quotes, `<#…>`/`<@…>`/`<@&…>` mentions, `<t:…>` timestamps,
 * `</cmd:id>` command mentions, `@everyone`, spoilers and code. discord.js's `escapeMarkdown`
 * leaves most of these live, so this escapes every character any of them starts with.
 */

export interface UserTextOptions {
  /** Longest shown, in code points (an ellipsis marks a cut); default 100. */
  max?: number;
  /**
   * The template puts the text between single backticks. Nothing is parsed inside a code span
   * (and a backslash would show there), so only a backtick, which would end it, is replaced.
   */
  inCode?: boolean;
}

/**
 * Invisible format characters: bidi overrides and isolates (they reorder the rest of the
 * line), zero-width spaces and marks, soft hyphens. The zero-width joiner and tag characters
 * stay, because emoji sequences (👨‍👩‍👧, subdivision flags) are built from them.
 */
const INVISIBLE = /(?![\u200D\u{E0020}-\u{E007F}])\p{Cf}/gu;
/** Newlines, tabs and other whitespace: a newline could start a heading, list or quote. */
const WHITESPACE = /[\s\p{Cc}]+/gu;
/** Every character that begins or ends some Discord Markdown construct. */
const MARKDOWN_SIGNIFICANT = /[\\*_~`|[\]()<>#\-+:@]/g;
/** `1.` could start a numbered list. */
const ORDINAL_DOT = /(?<=\d)\./g;
/** What stands in for a name that was nothing but invisible characters. */
const EMPTY = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first `length` UTF-16 units, without half of a surrogate pair at the cut. */
function head(value: string, length: number): string {
  if (value.length <= length) return value;
  const code = value.charCodeAt(length - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/** At most `max` code points, cut between graphemes so no emoji or syllable is split. */
function clipGraphemes(value: string, max: number): string {
  if (value.length <= max) return value;
  let kept = '';
  let count = 0;
  for (const { segment } of graphemes.segment(value)) {
    const size = [...segment].length;
    if (count + size > max - 1) return `${kept.trimEnd()}…`;
    kept += segment;
    count += size;
  }
  return kept;
}

/** User text made inert for Discord: one line, bounded, every Markdown construct shown as typed. */
export function escapeUserText(value: string, options: UserTextOptions = {}): string {
  const max = options.max ?? 100;
  // Enough input for `max` visible characters even after invisible ones are dropped: never
  // more work than the shown text needs, however long the input.
  const cleaned = head(value, max * 8)
    .replace(INVISIBLE, '')
    .replace(WHITESPACE, ' ')
    .trim();
  if (cleaned.length === 0) return EMPTY;
  const clipped = clipGraphemes(cleaned, max);
  if (options.inCode) return clipped.replaceAll('`', 'ˋ');
  return clipped.replace(MARKDOWN_SIGNIFICANT, '\\$&').replace(ORDINAL_DOT, '\\.');
}
