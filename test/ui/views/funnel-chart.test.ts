import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  chartHeight,
  funnelChartColors,
  funnelChartLayout,
  renderFunnelChart,
} from '../../../src/ui/views/funnel-chart.js';

const layout = funnelChartLayout;

function decode(bytes: Buffer): PNG {
  return PNG.sync.read(bytes);
}

function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const offset = (y * png.width + x) * 4;
  return [png.data[offset]!, png.data[offset + 1]!, png.data[offset + 2]!];
}

const same = (a: readonly number[], b: readonly number[]) => a.every((value, index) => value === b[index]);

/** The middle pixel row of step `index`'s bar. */
function barRow(index: number): number {
  return layout.padding + index * layout.rowHeight + Math.floor(layout.rowHeight / 2);
}

/** Bar-coloured pixels along the middle of a step's row. */
function measuredBar(png: PNG, index: number): number {
  let length = 0;
  for (let x = 0; x < png.width; x++) if (same(pixel(png, x, barRow(index)), funnelChartColors.bar)) length++;
  return length;
}

/** Ink pixels in the label column left of the bars, for one row. */
function inkLeftOfBars(png: PNG, index: number): number {
  let ink = 0;
  const top = layout.padding + index * layout.rowHeight;
  for (let y = top; y < top + layout.rowHeight; y++) {
    for (let x = 0; x < layout.barLeft; x++) if (same(pixel(png, x, y), funnelChartColors.label)) ink++;
  }
  return ink;
}

describe('renderFunnelChart', () => {
  it('is a valid PNG, one row per step, bars proportional to the learners who did the step', () => {
    const counts = [10, 8, 5, 2, 0];
    const png = decode(renderFunnelChart({ counts, total: 10 }));
    expect(png.width).toBe(layout.width);
    expect(png.height).toBe(chartHeight(counts.length));
    const lengths = counts.map((_, index) => measuredBar(png, index));
    expect(lengths[0]).toBe(layout.barMaxWidth);
    for (const [index, count] of counts.entries()) {
      expect(Math.abs(lengths[index]! - (count / 10) * layout.barMaxWidth)).toBeLessThanOrEqual(1);
    }
    expect(lengths[4]).toBe(0);
  });

  it('measures bars against learners who opened the lesson, not the best step', () => {
    const png = decode(renderFunnelChart({ counts: [3, 1], total: 12 }));
    expect(measuredBar(png, 0)).toBe(Math.round((3 / 12) * layout.barMaxWidth));
    expect(measuredBar(png, 1)).toBe(Math.round((1 / 12) * layout.barMaxWidth));
  });

  it('draws a step number beside every bar, wider for two-digit steps', () => {
    const counts = Array.from({ length: 40 }, (_, index) => 40 - index);
    const png = decode(renderFunnelChart({ counts, total: 40 }));
    expect(png.height).toBe(chartHeight(40));
    const ink = counts.map((_, index) => inkLeftOfBars(png, index));
    expect(ink.every((value) => value > 0)).toBe(true);
    // "1" has fewer lit pixels than "10", "11" (two glyphs).
    expect(ink[9]!).toBeGreaterThan(ink[0]!);
    expect(measuredBar(png, 39)).toBe(Math.round((1 / 40) * layout.barMaxWidth));
  });

  it('draws an empty lesson (nobody opened it) without bars', () => {
    const png = decode(renderFunnelChart({ counts: [0, 0, 0], total: 0 }));
    expect([0, 1, 2].map((index) => measuredBar(png, index))).toEqual([0, 0, 0]);
  });
});
