import { describe, expect, it } from 'vitest';
import { funnelRows, stepTitle } from '../../../src/ui/pictures/funnel-picture.js';
import {
  biggestDrop,
  type FunnelPictureInput,
  funnelLayout,
  renderFunnelPicture,
} from '../../../src/ui/pictures/index.js';
import { HOSTILE_NAME } from '../../../src/ui/pictures/samples.js';
import { colors } from '../../../src/ui/pictures/theme.js';
import { en, ko } from './support/contexts.js';
import { countColor, countInk, countNot, decodePicture, glyphProblems } from './support/png.js';

const steps = (...counts: number[]) =>
  counts.map((learners, index) => ({ title: `Step ${index + 1}: 단계 ${index + 1}`, learners }));

const input = (overrides: Partial<FunnelPictureInput> = {}): FunnelPictureInput => ({
  lesson: { id: '5.2', title: '도커 허브에 직접 빌드한 이미지 푸시하기' },
  scope: { kind: 'group', groupName: '화요일 저녁반' },
  opened: 58,
  steps: steps(56, 54, 51, 47, 29, 27, 24),
  ...overrides,
});

/** The pixel band of each drawn row, top to bottom (steps and gaps). */
function rowBands(picture: ReturnType<typeof renderFunnelPicture>, rowCount: number) {
  const rows = picture.boxes.rows!;
  return Array.from({ length: rowCount }, (_, index) => ({
    x: 0,
    y: rows.y + index * funnelLayout.rowHeight + 2,
    width: picture.width,
    height: funnelLayout.rowHeight - 4,
  }));
}

/** The y of a step row's bar centre line. */
function barMiddle(picture: ReturnType<typeof renderFunnelPicture>, index: number): number {
  return Math.floor(picture.boxes.rows!.y + index * funnelLayout.rowHeight + funnelLayout.rowHeight / 2);
}

describe('biggestDrop', () => {
  it('finds the largest fall between consecutive steps, the first on a tie', () => {
    expect(biggestDrop(steps(56, 54, 51, 47, 29, 27, 24))).toEqual({ index: 4, learners: 18 });
    expect(biggestDrop(steps(10, 5, 5, 0))).toEqual({ index: 1, learners: 5 });
  });

  it('is null when no step has fewer learners than the one before', () => {
    expect(biggestDrop(steps(3, 3, 4))).toBeNull();
    expect(biggestDrop(steps(7))).toBeNull();
    expect(biggestDrop([])).toBeNull();
  });
});

describe('renderFunnelPicture', () => {
  it('decodes at the size it reports and says in Korean what it is', () => {
    const picture = renderFunnelPicture(input(), ko);
    const png = decodePicture(picture);
    expect(picture.width).toBe(1080);
    expect(
      glyphProblems(png, picture.boxes.eyebrow!, '단계별 완료 현황', { size: 22, weight: 'semibold' }),
    ).toEqual([]);
    expect(countInk(png, picture.boxes.title!)).toBeGreaterThan(picture.boxes.title!.width * 4);
    expect(picture.description).toContain('5.2 도커 허브에 직접 빌드한 이미지 푸시하기');
    expect(picture.description).toContain('스터디 그룹 화요일 저녁반');
    expect(picture.description).toContain(
      '가장 큰 이탈: 5단계 「단계 5」에서 18명이 멈췄어요 (4단계 대비 31%p)',
    );
  });

  it('marks the biggest drop on its own row and on no other', () => {
    const picture = renderFunnelPicture(input(), ko);
    const png = decodePicture(picture);
    const marked = rowBands(picture, 7).map((band) => countColor(png, band, colors.drop));
    expect(marked[4]).toBeGreaterThan(500);
    expect(marked.filter((count, index) => index !== 4 && count > 0)).toEqual([]);
    expect(picture.boxes.dropRow!.y).toBe(picture.boxes.rows!.y + 4 * funnelLayout.rowHeight);
    // The caption below the rows names it in the drop colour.
    expect(countNot(png, picture.boxes.caption!, colors.background)).toBeGreaterThan(200);
  });

  it('draws longer bars for more learners, measured against learners who opened the lesson', () => {
    /** Filled length along the middle line of a row's bar track. */
    const filled = (picture: ReturnType<typeof renderFunnelPicture>, index: number) => {
      const png = decodePicture(picture);
      const middle = {
        x: funnelLayout.barLeft,
        y: barMiddle(picture, index),
        width: funnelLayout.barWidth,
        height: 1,
      };
      return countColor(png, middle, colors.accent) + countColor(png, middle, colors.drop);
    };
    const picture = renderFunnelPicture(input({ opened: 100, steps: steps(100, 60, 30, 0) }), ko);
    const lengths = [0, 1, 2, 3].map((index) => filled(picture, index));
    const track = funnelLayout.barWidth;
    expect(Math.abs(lengths[0]! - track)).toBeLessThanOrEqual(2);
    expect(Math.abs(lengths[1]! - track * 0.6)).toBeLessThanOrEqual(2);
    expect(Math.abs(lengths[2]! - track * 0.3)).toBeLessThanOrEqual(2);
    expect(lengths[3]).toBe(0);
    // Half the learners who opened the lesson fill half the track, even if no step reached 100 %.
    const half = renderFunnelPicture(input({ opened: 100, steps: steps(50) }), ko);
    expect(Math.abs(filled(half, 0) - track * 0.5)).toBeLessThanOrEqual(2);
  });

  it('handles a lesson nobody opened: no drop, no bars, a sentence saying so', () => {
    const picture = renderFunnelPicture(input({ opened: 0, steps: steps(0, 0, 0) }), ko);
    const png = decodePicture(picture);
    expect(picture.boxes.dropRow).toBeUndefined();
    expect(countColor(png, { x: 0, y: 0, width: png.width, height: png.height }, colors.drop)).toBe(0);
    expect(picture.description).toContain('아직 이 레슨을 연 학습자가 없어요.');
  });

  it('grows with the steps up to a limit, then keeps the biggest drop in view and says what is left out', () => {
    const heights = [1, 7, 30].map(
      (count) => renderFunnelPicture(input({ steps: steps(...Array(count).fill(5)) }), ko).height,
    );
    expect(heights[0]).toBeLessThan(heights[1]!);
    expect(heights[1]).toBeLessThan(heights[2]!);
    const counts = Array.from({ length: 46 }, (_, index) => 1000 - index * 5 - (index >= 40 ? 300 : 0));
    const huge = renderFunnelPicture(input({ opened: 1000, steps: steps(...counts) }), ko);
    decodePicture(huge);
    expect(huge.height).toBeLessThanOrEqual(heights[2]! + 120);
    expect(huge.boxes.dropRow).toBeDefined();
    expect(huge.description).toContain('41단계');
    expect(huge.description).toContain('전체 46단계 중 18개 단계는 그림에 넣지 않았어요.');
    const many = renderFunnelPicture(input({ steps: steps(...Array(400).fill(1)) }), ko);
    // Without a drop to keep in view: one more step row and one gap fewer.
    expect(many.height).toBe(huge.height + funnelLayout.rowHeight - funnelLayout.gapRowHeight);
  });

  it('keeps long titles inside their column and hostile names inside the picture', () => {
    const picture = renderFunnelPicture(
      input({
        lesson: { id: '5.2', title: '아주 긴 제목 '.repeat(80) },
        scope: { kind: 'group', groupName: HOSTILE_NAME },
        steps: [
          { title: '아주 긴 단계 제목 '.repeat(100), learners: 9 },
          { title: 'W'.repeat(1000), learners: 3 },
        ],
      }),
      ko,
    );
    const png = decodePicture(picture);
    expect(picture.boxes.title!.x + picture.boxes.title!.width).toBeLessThanOrEqual(
      png.width - funnelLayout.padding,
    );
    // Between the title column and the bars there is only the row background.
    for (const band of rowBands(picture, 2)) {
      const gutter = {
        ...band,
        x: funnelLayout.titleRight + 2,
        width: funnelLayout.barLeft - funnelLayout.titleRight - 4,
      };
      expect(countInk(png, gutter)).toBe(0);
    }
    expect(picture.description.length).toBeLessThanOrEqual(1024);
    // Nothing drawn in the right margin below the accent line.
    const margin = {
      x: png.width - funnelLayout.padding + 20,
      y: 10,
      width: funnelLayout.padding - 20,
      height: png.height - 10,
    };
    expect(countNot(png, margin, colors.background)).toBe(0);
  });

  it('draws emoji, invisible and direction characters in titles as if they were not there', () => {
    const plain = renderFunnelPicture(input({ steps: [{ title: '고래 세 마리', learners: 2 }] }), ko);
    const decorated = renderFunnelPicture(
      input({ steps: [{ title: '🐳🐳 고래\u200B 세\u202E 마리 👨‍👩‍👧', learners: 2 }] }),
      ko,
    );
    expect(decorated.png.equals(plain.png)).toBe(true);
  });

  it('shows the step number once: "Step 3: …" titles lose their prefix', () => {
    expect(stepTitle('Step 3: 이미지에 올바른 참조 부여하기')).toBe('이미지에 올바른 참조 부여하기');
    expect(stepTitle('📋 사전 준비')).toBe('📋 사전 준비');
    expect(stepTitle('Step 4')).toBe('Step 4');
  });

  it('speaks English to English clients', () => {
    const picture = renderFunnelPicture(input({ scope: { kind: 'server', serverName: 'Docker Study' } }), en);
    decodePicture(picture);
    expect(picture.description).toContain('Biggest drop at step 5');
    expect(picture.description).toContain('All of Docker Study');
    expect(picture.png.equals(renderFunnelPicture(input(), ko).png)).toBe(false);
  });
});

describe('funnelRows', () => {
  it('lists every step when they fit', () => {
    expect(funnelRows(3, null, 5)).toEqual([0, 1, 2].map((index) => ({ kind: 'step', index })));
  });

  it('keeps the first steps and a gap, or the drop and its predecessor between two gaps', () => {
    expect(funnelRows(10, null, 5)).toEqual([
      ...[0, 1, 2, 3].map((index) => ({ kind: 'step', index })),
      { kind: 'gap', hidden: 6 },
    ]);
    expect(funnelRows(10, { index: 7, learners: 1 }, 6)).toEqual([
      { kind: 'step', index: 0 },
      { kind: 'step', index: 1 },
      { kind: 'gap', hidden: 4 },
      { kind: 'step', index: 6 },
      { kind: 'step', index: 7 },
      { kind: 'gap', hidden: 2 },
    ]);
  });
});
