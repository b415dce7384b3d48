import { createCanvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { type FontWeight, pictureFont } from '../../../../src/ui/pictures/fonts.js';
import type { Box, Picture } from '../../../../src/ui/pictures/index.js';

/** Decodes a picture's PNG with an independent decoder and checks it has the size it claims. */
export function decodePicture(picture: Picture): PNG {
  const png = PNG.sync.read(picture.png);
  expect([png.width, png.height]).toEqual([picture.width, picture.height]);
  return png;
}

export type Rgb = readonly [number, number, number];

export function hex(color: string): Rgb {
  const value = Number.parseInt(color.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

export function pixel(png: PNG, x: number, y: number): Rgb {
  const offset = (y * png.width + x) * 4;
  return [png.data[offset]!, png.data[offset + 1]!, png.data[offset + 2]!];
}

/** Visits every whole pixel inside the box (clamped to the image). */
function eachPixel(png: PNG, box: Box, visit: (color: Rgb, x: number, y: number) => void): void {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(png.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(png.height, Math.ceil(box.y + box.height));
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) visit(pixel(png, x, y), x, y);
}

/** Pixels of exactly this colour inside the box (fills have exact colours away from their edges). */
export function countColor(png: PNG, box: Box, color: string): number {
  const [r, g, b] = hex(color);
  let count = 0;
  eachPixel(png, box, ([pr, pg, pb]) => {
    if (pr === r && pg === g && pb === b) count++;
  });
  return count;
}

const luminance = ([r, g, b]: Rgb) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/** Pixels clearly darker than a light background. */
export function countInk(png: PNG, box: Box): number {
  let count = 0;
  eachPixel(png, box, (color) => {
    if (luminance(color) < 140) count++;
  });
  return count;
}

/** Pixels that differ from the given background colour at all. */
export function countNot(png: PNG, box: Box, background: string): number {
  const [r, g, b] = hex(background);
  let count = 0;
  eachPixel(png, box, ([pr, pg, pb]) => {
    if (Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b) > 24) count++;
  });
  return count;
}

export function whole(png: PNG): Box {
  return { x: 0, y: 0, width: png.width, height: png.height };
}

/**
 * Checks that `text`, drawn into `box` in the pictures' font at `size`/`weight`, shows real
 * glyphs: each character's share of the box (split by the font's advances) has ink, and most
 * pairs of different characters have different ink. Text drawn in a missing font fails: fallback
 * boxes are narrower than the font's glyphs (later cells stay empty), and "no glyph" boxes all
 * have the same ink.
 */
export function glyphProblems(
  png: PNG,
  box: Box,
  text: string,
  style: { size: number; weight: FontWeight; dark?: boolean },
): string[] {
  const measure = createCanvas(1, 1).getContext('2d');
  measure.font = pictureFont(style.weight, style.size);
  const characters = Array.from(text);
  const total = measure.measureText(text).width;
  const problems: string[] = [];
  let before = 0;
  characters.forEach((char, index) => {
    const advance = measure.measureText(characters.slice(0, index + 1).join('')).width - before;
    const cell = {
      x: box.x + (before / total) * box.width,
      y: box.y,
      width: (advance / total) * box.width,
      height: box.height,
    };
    before += advance;
    if (char.trim() !== '' && inkShape(png, cell, style.dark !== false).coverage < 0.08) {
      problems.push(`no ink for "${char}" (cell ${index})`);
    }
  });
  // Glyphs as the ink shows them (runs of columns with ink): boxes for missing glyphs are all the
  // same shape, real glyphs are not. Two real glyphs may match by chance, so most pairs decide.
  const shapes = inkRuns(png, box, style.dark !== false).map((run) =>
    inkShape(png, run, style.dark !== false),
  );
  let pairs = 0;
  let alike = 0;
  for (let a = 0; a < shapes.length; a++) {
    for (let b = a + 1; b < shapes.length; b++) {
      pairs++;
      if (sameShape(shapes[a]!, shapes[b]!)) alike++;
    }
  }
  if (pairs > 0 && alike * 2 > pairs) problems.push(`${alike} of ${pairs} pairs of glyphs look alike`);
  return problems;
}

const isInk = (color: Rgb, dark: boolean) => (dark ? luminance(color) < 128 : luminance(color) > 128);

/** Column runs inside the box that hold ink, split at blank columns. */
function inkRuns(png: PNG, box: Box, dark: boolean): Box[] {
  const x0 = Math.max(0, Math.floor(box.x));
  const x1 = Math.min(png.width, Math.ceil(box.x + box.width));
  const y0 = Math.max(0, Math.floor(box.y));
  const y1 = Math.min(png.height, Math.ceil(box.y + box.height));
  const runs: Box[] = [];
  let start = -1;
  for (let x = x0; x <= x1; x++) {
    let inked = false;
    for (let y = y0; x < x1 && y < y1 && !inked; y++) inked = isInk(pixel(png, x, y), dark);
    if (inked && start < 0) start = x;
    if (!inked && start >= 0) {
      runs.push({ x: start, y: y0, width: x - start, height: y1 - y0 });
      start = -1;
    }
  }
  return runs;
}

/** Ink measures that do not change when a glyph moves by a fraction of a pixel. */
interface InkShape {
  /** Share of the cell covered with ink (anti-aliased pixels count partly). */
  coverage: number;
  /** Spread of the ink around its centre, across and down. */
  spreadX: number;
  spreadY: number;
}

function inkShape(png: PNG, cell: Box, dark: boolean): InkShape {
  const x0 = Math.max(0, Math.floor(cell.x));
  const y0 = Math.max(0, Math.floor(cell.y));
  const x1 = Math.min(png.width, Math.ceil(cell.x + cell.width));
  const y1 = Math.min(png.height, Math.ceil(cell.y + cell.height));
  let sum = 0;
  let sumX = 0;
  let sumY = 0;
  let sumXX = 0;
  let sumYY = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const light = luminance(pixel(png, x, y)) / 255;
      const ink = dark ? 1 - light : light;
      sum += ink;
      sumX += ink * x;
      sumY += ink * y;
      sumXX += ink * x * x;
      sumYY += ink * y * y;
    }
  }
  if (sum === 0) return { coverage: 0, spreadX: 0, spreadY: 0 };
  const meanX = sumX / sum;
  const meanY = sumY / sum;
  return {
    coverage: sum / Math.max(1, (x1 - x0) * (y1 - y0)),
    spreadX: Math.sqrt(Math.max(0, sumXX / sum - meanX * meanX)),
    spreadY: Math.sqrt(Math.max(0, sumYY / sum - meanY * meanY)),
  };
}

function sameShape(a: InkShape, b: InkShape): boolean {
  const close = (p: number, q: number) => Math.abs(p - q) <= 0.06 * Math.max(p, q);
  return close(a.coverage, b.coverage) && close(a.spreadX, b.spreadX) && close(a.spreadY, b.spreadY);
}
