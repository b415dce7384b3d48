import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { canvasModule } from './canvas-module.js';
import { FontCoverage } from './font-coverage.js';

/**
 * The pictures' one font: Pretendard, registered from the installed `pretendard` package by a
 * path resolved from this module, so the same code works from `src/` (tsx, vitest) and from a
 * compiled build run by plain node. System fonts are never used: text is filtered with the
 * font's own coverage before it is drawn (see picture-text.ts).
 */

/** A family name of our own, so a system "Pretendard" of another version cannot shadow ours. */
export const PICTURE_FONT_FAMILY = 'Docker Study Pretendard';

export const FONT_WEIGHTS = {
  regular: 400,
  medium: 500,
  semibold: 600,
  bold: 700,
  extrabold: 800,
} as const;

export type FontWeight = keyof typeof FONT_WEIGHTS;

const FONT_FILES: Record<FontWeight, string> = {
  regular: 'Pretendard-Regular.otf',
  medium: 'Pretendard-Medium.otf',
  semibold: 'Pretendard-SemiBold.otf',
  bold: 'Pretendard-Bold.otf',
  extrabold: 'Pretendard-ExtraBold.otf',
};

const require = createRequire(import.meta.url);

/** Absolute path of one Pretendard weight inside the installed package. */
export function pictureFontPath(weight: FontWeight): string {
  return require.resolve(`pretendard/dist/public/static/${FONT_FILES[weight]}`);
}

let coverage: FontCoverage | undefined;

/**
 * Registers every weight once per process and returns the characters the font can draw (the
 * weights share one character set). Throws when a file is missing or unreadable: a picture
 * without its font would silently show boxes instead of Korean.
 */
export function ensurePictureFonts(): FontCoverage {
  if (coverage) return coverage;
  for (const weight of Object.keys(FONT_FILES) as FontWeight[]) {
    const path = pictureFontPath(weight);
    if (!canvasModule().GlobalFonts.registerFromPath(path, PICTURE_FONT_FAMILY)) {
      throw new Error(`Could not register the picture font ${path}.`);
    }
  }
  coverage = FontCoverage.fromFont(readFileSync(pictureFontPath('regular')));
  return coverage;
}

/** A CSS font shorthand for the canvas, e.g. `700 28px "Docker Study Pretendard"`. */
export function pictureFont(weight: FontWeight, sizePx: number): string {
  return `${FONT_WEIGHTS[weight]} ${sizePx}px "${PICTURE_FONT_FAMILY}"`;
}
