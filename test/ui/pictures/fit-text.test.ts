import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELLIPSIS, fitEnd, fitMiddle, wrapLines } from '../../../src/ui/pictures/fit-text.js';

/** 10 px per character, 20 px for Hangul: clipping must follow widths, not character counts. */
const measure = (text: string) =>
  Array.from(text).reduce((sum, char) => sum + (/[가-힣]/.test(char) ? 20 : 10), 0);

describe('fitEnd', () => {
  it('keeps text that fits and clips the rest by measured width with "…"', () => {
    expect(fitEnd('abcdef', 60, measure)).toBe('abcdef');
    expect(fitEnd('abcdefgh', 60, measure)).toBe('abcde…');
    expect(fitEnd('가나다라마', 60, measure)).toBe('가나…');
  });

  it('does not leave a space before the ellipsis', () => {
    expect(fitEnd('ab cdefgh', 40, measure)).toBe('ab…');
  });

  it('returns only an ellipsis, or nothing, when even one character is too wide', () => {
    expect(fitEnd('가나다', 15, measure)).toBe(ELLIPSIS);
    expect(fitEnd('가나다', 5, measure)).toBe('');
  });

  it('never splits a character from its combining marks', () => {
    expect(fitEnd('e\u0301e\u0301e\u0301e\u0301', 40, measure)).toBe('e\u0301…');
  });
});

describe('fitMiddle', () => {
  it('keeps both ends around "…" (the tag of an image reference survives)', () => {
    expect(fitMiddle('alice/image-gallery:v1', 110, measure)).toBe('alice…ry:v1');
    expect(fitMiddle('short', 110, measure)).toBe('short');
  });
});

describe('wrapLines', () => {
  it('breaks at spaces and clips what is left on the last line', () => {
    expect(wrapLines('one two three four five six', 100, 2, measure)).toEqual(['one two', 'three fou…']);
  });

  it('breaks a word that alone is too wide', () => {
    expect(wrapLines('abcdefghijkl', 50, 3, measure)).toEqual(['abcde', 'fghij', 'kl']);
  });

  it('never returns a line wider than asked, nor more lines', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.integer({ min: 20, max: 200 }),
        fc.integer({ min: 1, max: 4 }),
        (text, width, lines) => {
          const wrapped = wrapLines(text, width, lines, measure);
          expect(wrapped.length).toBeLessThanOrEqual(lines);
          for (const line of wrapped) expect(measure(line)).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});
