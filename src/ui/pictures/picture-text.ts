import type { FontCoverage } from './font-coverage.js';

/**
 * Turns any text (display names, lesson titles, server names) into text the picture font can
 * draw: no control or invisible characters, no bidi overrides, no emoji (the font has none, and
 * a box or a fallback font would show instead), at most two combining marks per character, and
 * a `?` for any other character the font lacks. Work is bounded by `maxGraphemes`, whatever
 * the input's length.
 */

export interface PictureTextOptions {
  /** Characters kept at most; anything wider than a picture is clipped by width later anyway. */
  maxGraphemes?: number;
}

const DEFAULT_MAX_GRAPHEMES = 200;
/** Combining marks kept per character: enough for any real script, not for "Zalgo" towers. */
const MAX_MARKS = 2;
const UNDRAWABLE = '?';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** User-perceived characters, so clipping never splits a syllable from its marks. */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), ({ segment }) => segment);
}

/** Pieces of an emoji sequence; a character cluster holding one is an emoji, dropped whole. */
const EMOJI_PART = /\p{Emoji_Presentation}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u{FE0F}|\u{20E3}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const LONE_SURROGATE = /\p{Cs}/u;
/** Invisible by definition: zero-width and joiner characters, bidi controls, Hangul fillers, tags. */
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cn}\p{Co}]/u;
/** Line breaks, tabs, other controls and every kind of space (braille blank included) become a space. */
const SPACE_LIKE = /[\p{Cc}\p{White_Space}\u{2800}]/u;
const MARK = /\p{M}/u;

export function pictureText(text: string, coverage: FontCoverage, options: PictureTextOptions = {}): string {
  const maxGraphemes = options.maxGraphemes ?? DEFAULT_MAX_GRAPHEMES;
  // A grapheme rarely needs more than a few code units; the cap keeps huge input cheap.
  const bounded = text.slice(0, maxGraphemes * 8).normalize('NFC');
  let out = '';
  let kept = 0;
  for (const { segment } of graphemes.segment(bounded)) {
    if (kept >= maxGraphemes) break;
    const drawable = drawableCluster(segment, coverage);
    if (drawable === '') continue;
    if (drawable === ' ' && (out === '' || out.endsWith(' '))) continue;
    out += drawable;
    kept += 1;
  }
  return out.trimEnd();
}

/** One user-perceived character made drawable: itself, fewer marks, a space, `?`, or nothing. */
function drawableCluster(cluster: string, coverage: FontCoverage): string {
  if (LONE_SURROGATE.test(cluster) || EMOJI_PART.test(cluster)) return '';
  let base = '';
  let marks = '';
  let markCount = 0;
  for (const char of cluster) {
    if (SPACE_LIKE.test(char)) return ' ';
    if (IGNORABLE.test(char)) continue;
    const codePoint = char.codePointAt(0)!;
    if (MARK.test(char)) {
      // A mark with nothing to sit on (its base was dropped) is dropped too.
      if (base !== '' && markCount < MAX_MARKS && coverage.has(codePoint)) {
        marks += char;
        markCount += 1;
      }
      continue;
    }
    if (base !== '') continue;
    if (coverage.has(codePoint)) base = char;
    else if (PICTOGRAPH.test(char)) return '';
    else base = UNDRAWABLE;
  }
  return base === '' ? '' : base + marks;
}
