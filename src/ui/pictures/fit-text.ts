import { splitGraphemes } from './picture-text.js';

/**
 * Text that fits a width as the font measures it (not by counting characters: Hangul, Latin
 * and digits differ in width). Each fit takes O(log n) measurements by binary search.
 */

export type MeasureWidth = (text: string) => number;

export const ELLIPSIS = '…';

/** Largest count in [0, max] for which `fits(count)` holds, given that it is monotone. */
function largestFitting(max: number, fits: (count: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The text, or as much of its start as fits followed by "…". */
export function fitEnd(text: string, maxWidth: number, measure: MeasureWidth): string {
  if (measure(text) <= maxWidth) return text;
  const parts = splitGraphemes(text);
  const count = largestFitting(
    parts.length - 1,
    (n) => measure(parts.slice(0, n).join('').trimEnd() + ELLIPSIS) <= maxWidth,
  );
  return count === 0
    ? measure(ELLIPSIS) <= maxWidth
      ? ELLIPSIS
      : ''
    : parts.slice(0, count).join('').trimEnd() + ELLIPSIS;
}

/** The text, or its start and end around "…" (for identifiers whose end matters, like a tag). */
export function fitMiddle(text: string, maxWidth: number, measure: MeasureWidth): string {
  if (measure(text) <= maxWidth) return text;
  const parts = splitGraphemes(text);
  const join = (n: number) => {
    const head = Math.ceil(n / 2);
    return parts.slice(0, head).join('') + ELLIPSIS + parts.slice(parts.length - (n - head)).join('');
  };
  const count = largestFitting(parts.length - 1, (n) => measure(join(n)) <= maxWidth);
  return count === 0 ? fitEnd(text, maxWidth, measure) : join(count);
}

/**
 * Breaks text into at most `maxLines` lines at spaces (inside a word only when the word alone is
 * too wide); what does not fit ends the last line with "…".
 */
export function wrapLines(text: string, maxWidth: number, maxLines: number, measure: MeasureWidth): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest !== '' && lines.length < maxLines) {
    if (lines.length === maxLines - 1 || measure(rest) <= maxWidth) {
      lines.push(fitEnd(rest, maxWidth, measure));
      break;
    }
    const parts = splitGraphemes(rest);
    const fitting = Math.max(
      1,
      largestFitting(parts.length, (n) => measure(parts.slice(0, n).join('')) <= maxWidth),
    );
    // Prefer the last space inside the fitting part; otherwise break the word where it overflows.
    const lastSpace = parts.slice(0, fitting + 1).lastIndexOf(' ');
    const cut = lastSpace > 0 ? lastSpace : fitting;
    lines.push(parts.slice(0, cut).join('').trimEnd());
    rest = parts.slice(cut).join('').trimStart();
  }
  return lines;
}
