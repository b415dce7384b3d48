import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FontCoverage } from '../../../src/ui/pictures/font-coverage.js';
import { ensurePictureFonts, pictureFontPath } from '../../../src/ui/pictures/fonts.js';
import { pictureText } from '../../../src/ui/pictures/picture-text.js';

const coverage = ensurePictureFonts();
const clean = (text: string, maxGraphemes?: number) => pictureText(text, coverage, { maxGraphemes });

describe('FontCoverage (read from the font file itself)', () => {
  it('knows Pretendard draws Hangul, Latin and the symbols the pictures use, and no emoji', () => {
    for (const char of ['가', '힣', 'ㄱ', 'A', 'é', '…', '·', '▼', '「']) {
      expect(coverage.has(char.codePointAt(0)!), char).toBe(true);
    }
    for (const char of ['🐳', '✅', '王', 'ع', 'ก'])
      expect(coverage.has(char.codePointAt(0)!), char).toBe(false);
    expect(coverage.size).toBeGreaterThan(11_172); // every modern Hangul syllable at least
  });

  it('gives the same answer for every weight (one character set)', () => {
    const bold = FontCoverage.fromFont(readFileSync(pictureFontPath('bold')));
    expect(bold.size).toBe(coverage.size);
  });

  it('refuses a file that is not a font', () => {
    expect(() => FontCoverage.fromFont(Buffer.alloc(64))).toThrow(/cmap/);
  });
});

describe('pictureText', () => {
  it('keeps ordinary Korean and English text as it is', () => {
    expect(clean('도커 허브에 푸시하기 (Step 4)')).toBe('도커 허브에 푸시하기 (Step 4)');
  });

  it('drops emoji whole, including flags, families, keycaps, skin tones and emoji-style symbols', () => {
    expect(clean('🚀 실습: 이미지 푸시하기')).toBe('실습: 이미지 푸시하기');
    expect(clean('a🇰🇷b👨‍👩‍👧c1️⃣d👍🏽e❤️f✅g')).toBe('abcdefg');
  });

  it('removes invisible and direction-changing characters and Hangul fillers', () => {
    expect(clean('\u202Eevil\u202C name\u200B\u200D\u2066x\u2069\u00AD\uFEFF')).toBe('evil namex');
    expect(clean('\u3164\u115F\u1160\uFFA0학습자')).toBe('학습자');
  });

  it('turns line breaks, tabs and unusual spaces into single spaces and trims', () => {
    expect(clean('  첫 줄\n\n둘째\t줄\u2800\u3000끝  ')).toBe('첫 줄 둘째 줄 끝');
  });

  it('keeps at most two combining marks per character ("Zalgo" text stays on its line)', () => {
    // "q" has no precomposed accented forms, so NFC leaves every mark as it is.
    const zalgo = `q${'\u0301\u0300\u0302\u0303'.repeat(250)}a`;
    expect(clean(zalgo)).toBe('q\u0301\u0300a');
  });

  it('shows characters the font lacks as "?" rather than as empty boxes', () => {
    expect(clean('王小明 님')).toBe('??? 님');
  });

  it('drops lone surrogates and marks with nothing to sit on', () => {
    expect(clean('a\uD800b\u0301\u200Bc')).toBe('ab\u0301c');
    expect(clean('\u200B\u0301x')).toBe('x');
  });

  it('does bounded work on huge input', () => {
    const huge = `${'가'.repeat(100_000)}🐳`.repeat(3);
    expect(Array.from(clean(huge, 50))).toHaveLength(50);
    expect(Array.from(clean('W'.repeat(1_000_000)))).toHaveLength(200);
  });

  it('only ever returns characters the font can draw, and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        (a, b) => {
          const out = clean(a + b);
          for (const char of out) expect(coverage.has(char.codePointAt(0)!), JSON.stringify(char)).toBe(true);
          expect(out).not.toMatch(/^\s|\s$|\s\s/);
          expect(clean(out)).toBe(out);
        },
      ),
      { numRuns: 500 },
    );
  });
});
