import { PNG } from 'pngjs';

/**
 * The /stats funnel as a PNG: one horizontal bar per step, labelled with the step number on
 * the left and the learner count after the bar. Labels are digits drawn from a tiny built-in
 * pixel font, so the chart needs no system fonts (Hangul titles go in the message text).
 */

export interface FunnelChartInput {
  /** Learners who completed each step, in lesson order. */
  counts: readonly number[];
  /** The 100 % mark (learners who opened the lesson); bars never run past it. */
  total: number;
}

/** Where things are drawn, in pixels; exported so tests can measure the bars. */
export const funnelChartLayout = {
  width: 800,
  padding: 20,
  rowHeight: 20,
  barHeight: 14,
  /** Bars start here; the step number sits to the left of it. */
  barLeft: 64,
  /** The longest bar (the 100 % mark); the count label follows this full-length track. */
  barMaxWidth: 640,
  digitScale: 2,
} as const;

export const funnelChartColors = {
  background: [0xff, 0xff, 0xff],
  track: [0xe8, 0xee, 0xf4],
  bar: [0x24, 0x96, 0xed],
  label: [0x33, 0x33, 0x33],
} as const;

type Rgb = readonly [number, number, number];

/** 3×5 pixel digits, rows top to bottom, "1" = ink. */
const DIGITS: Record<string, readonly string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '001', '001', '001'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
};

const GLYPH_WIDTH = 3;
const GLYPH_HEIGHT = 5;

/** Length in pixels of a bar for `count` out of `scale` learners (0 when nobody did it). */
export function barLength(count: number, scale: number): number {
  if (scale <= 0 || count <= 0) return 0;
  return Math.max(1, Math.round((Math.min(count, scale) / scale) * funnelChartLayout.barMaxWidth));
}

/** Image height for a lesson of `steps` steps. */
export function chartHeight(steps: number): number {
  return funnelChartLayout.padding * 2 + Math.max(steps, 1) * funnelChartLayout.rowHeight;
}

class Canvas {
  readonly png: PNG;

  constructor(width: number, height: number, background: Rgb) {
    this.png = new PNG({ width, height });
    this.fill(0, 0, width, height, background);
  }

  fill(left: number, top: number, width: number, height: number, color: Rgb): void {
    const { png } = this;
    for (let y = Math.max(top, 0); y < Math.min(top + height, png.height); y++) {
      for (let x = Math.max(left, 0); x < Math.min(left + width, png.width); x++) {
        const offset = (y * png.width + x) * 4;
        png.data[offset] = color[0];
        png.data[offset + 1] = color[1];
        png.data[offset + 2] = color[2];
        png.data[offset + 3] = 0xff;
      }
    }
  }

  /** Draws digits with their top-left corner at (left, top); returns the width used. */
  digits(value: string, left: number, top: number, color: Rgb): number {
    const scale = funnelChartLayout.digitScale;
    let x = left;
    for (const char of value) {
      const glyph = DIGITS[char];
      if (!glyph) continue;
      glyph.forEach((line, row) => {
        for (let column = 0; column < GLYPH_WIDTH; column++) {
          if (line[column] === '1') this.fill(x + column * scale, top + row * scale, scale, scale, color);
        }
      });
      x += (GLYPH_WIDTH + 1) * scale;
    }
    return x - left;
  }
}

function digitsWidth(value: string): number {
  return value.length * (GLYPH_WIDTH + 1) * funnelChartLayout.digitScale;
}

/** Draws the funnel chart and encodes it as PNG bytes. */
export function renderFunnelChart(input: FunnelChartInput): Buffer {
  const layout = funnelChartLayout;
  const colors = funnelChartColors;
  const scale = Math.max(input.total, ...input.counts, 0);
  const canvas = new Canvas(layout.width, chartHeight(input.counts.length), colors.background);
  const glyphTop = Math.floor((layout.rowHeight - GLYPH_HEIGHT * layout.digitScale) / 2);
  const barTop = Math.floor((layout.rowHeight - layout.barHeight) / 2);

  input.counts.forEach((count, index) => {
    const rowTop = layout.padding + index * layout.rowHeight;
    const stepNumber = String(index + 1);
    // Step numbers are right-aligned against the bars.
    canvas.digits(stepNumber, layout.barLeft - 8 - digitsWidth(stepNumber), rowTop + glyphTop, colors.label);
    canvas.fill(layout.barLeft, rowTop + barTop, layout.barMaxWidth, layout.barHeight, colors.track);
    const length = barLength(count, scale);
    canvas.fill(layout.barLeft, rowTop + barTop, length, layout.barHeight, colors.bar);
    canvas.digits(String(count), layout.barLeft + layout.barMaxWidth + 8, rowTop + glyphTop, colors.label);
  });
  return PNG.sync.write(canvas.png);
}
