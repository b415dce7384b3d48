import type { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  type ProgressCardInput,
  type ProgressCardLesson,
  progressCardLayout,
  renderProgressCard,
} from '../../../src/ui/pictures/index.js';
import { HOSTILE_NAME } from '../../../src/ui/pictures/samples.js';
import { colors } from '../../../src/ui/pictures/theme.js';
import { en, ko } from './support/contexts.js';
import { countColor, countInk, countNot, decodePicture, glyphProblems } from './support/png.js';

const lesson = (lessonId: string, overrides: Partial<ProgressCardLesson> = {}): ProgressCardLesson => ({
  lessonId,
  title: '도커 허브에 직접 빌드한 이미지 푸시하기',
  stepsDone: 5,
  stepsTotal: 7,
  quizCorrect: 3,
  quizTotal: 5,
  verified: false,
  points: 120,
  ...overrides,
});

const card = (overrides: Partial<ProgressCardInput> = {}): ProgressCardInput => ({
  displayName: '김도커',
  serverName: '도커 스터디',
  points: 430,
  rank: { rank: 3, outOf: 58 },
  lessons: [lesson('5.1', { verified: true }), lesson('5.2')],
  ...overrides,
});

/** The pixel band of lesson `index` in the list. */
function lessonBand(picture: ReturnType<typeof renderProgressCard>, index: number) {
  const list = picture.boxes.lessons!;
  return {
    x: 0,
    y: list.y + index * progressCardLayout.lessonHeight + 2,
    width: picture.width,
    height: progressCardLayout.lessonHeight - 4,
  };
}

/** How many separate tiles a horizontal line through the tile row crosses. */
function tileCount(png: PNG, picture: ReturnType<typeof renderProgressCard>): number {
  const y = Math.round(picture.boxes.tiles!.y + 8);
  let runs = 0;
  let inside = false;
  for (let x = 0; x < png.width; x++) {
    const on = countColor(png, { x, y, width: 1, height: 1 }, colors.panel) === 1;
    if (on && !inside) runs++;
    inside = on;
  }
  return runs;
}

describe('renderProgressCard', () => {
  it('decodes at its size and shows the Korean name with real glyphs', () => {
    const picture = renderProgressCard(card(), ko);
    const png = decodePicture(picture);
    expect(picture.width).toBe(progressCardLayout.width);
    // The name is white on the navy band.
    expect(
      glyphProblems(png, picture.boxes.name!, '김도커', { size: 44, weight: 'bold', dark: false }),
    ).toEqual([]);
    expect(picture.description).toBe('김도커의 학습 현황: 총 430점, 순위 3위 / 58명. 레슨 2개 중 1개 인증.');
  });

  it('puts a verified badge on verified lessons only', () => {
    const picture = renderProgressCard(
      card({ lessons: [lesson('5.1'), lesson('5.2', { verified: true }), lesson('5.3')] }),
      ko,
    );
    const png = decodePicture(picture);
    const badges = [0, 1, 2].map((index) => countColor(png, lessonBand(picture, index), colors.successSoft));
    expect(badges[1]).toBeGreaterThan(300);
    expect(badges[0]).toBe(0);
    expect(badges[2]).toBe(0);
  });

  it('fills each lesson bar by steps done, green once the lesson is complete', () => {
    const picture = renderProgressCard(
      card({ lessons: [lesson('5.1', { stepsDone: 7, completed: true }), lesson('5.2', { stepsDone: 0 })] }),
      ko,
    );
    const png = decodePicture(picture);
    expect(countColor(png, lessonBand(picture, 0), colors.success)).toBeGreaterThan(2000);
    expect(countColor(png, lessonBand(picture, 1), colors.accent)).toBe(0);
  });

  it('shows a streak tile only when the streak is known', () => {
    const without = renderProgressCard(card(), ko);
    const withStreak = renderProgressCard(card({ streakWeeks: 4 }), ko);
    expect(tileCount(decodePicture(without), without)).toBe(3);
    expect(tileCount(decodePicture(withStreak), withStreak)).toBe(4);
  });

  it('grows with lessons up to a limit and counts the rest', () => {
    const heights = [0, 1, 10, 11, 50].map(
      (count) =>
        renderProgressCard(card({ lessons: Array.from({ length: count }, (_, i) => lesson(`1.${i}`)) }), ko)
          .height,
    );
    expect(heights[0]).toBeLessThan(heights[1]!);
    expect(heights[1]).toBeLessThan(heights[2]!);
    expect(heights[3]).toBe(heights[4]);
    expect(heights[3]! - heights[2]!).toBeLessThan(progressCardLayout.lessonHeight);
  });

  it('keeps a hostile name on the card and draws it like its visible part', () => {
    const hostile = renderProgressCard(
      card({ displayName: HOSTILE_NAME, serverName: '서버 '.repeat(500) }),
      ko,
    );
    const png = decodePicture(hostile);
    const name = hostile.boxes.name!;
    expect(name.x + name.width).toBeLessThanOrEqual(png.width - progressCardLayout.padding);
    expect(name.y).toBeGreaterThanOrEqual(0);
    expect(hostile.description.length).toBeLessThanOrEqual(1024);
    expect(name.y + name.height).toBeLessThanOrEqual(progressCardLayout.bandHeight);
    const margin = {
      x: png.width - progressCardLayout.padding + 8,
      y: 0,
      width: progressCardLayout.padding - 8,
      height: png.height,
    };
    expect(countInk(png, { ...margin, y: progressCardLayout.bandHeight })).toBe(0);
    expect(countColor(png, { ...margin, height: progressCardLayout.bandHeight - 8 }, colors.navy)).toBe(
      (progressCardLayout.padding - 8) * (progressCardLayout.bandHeight - 8),
    );

    const invisible = renderProgressCard(
      card({ displayName: '\u200B김\u202E도\u2066커\u2069 🐳👨‍👩‍👧' }),
      ko,
    );
    expect(invisible.png.equals(renderProgressCard(card(), ko).png)).toBe(true);
  });

  it('gives a name with nothing drawable a neutral label and figure', () => {
    const picture = renderProgressCard(card({ displayName: '🐳\u200B🐳' }), ko);
    decodePicture(picture);
    expect(picture.description.startsWith('이름 없는 학습자의 학습 현황')).toBe(true);
  });

  it('says "not ranked yet" instead of a rank for a learner without points', () => {
    const picture = renderProgressCard(card({ points: 0, rank: null, lessons: [] }), ko);
    decodePicture(picture);
    expect(picture.description).toContain('순위 아직 없어요');
  });

  it('speaks English to English clients', () => {
    const picture = renderProgressCard(card({ displayName: 'Jamie', streakWeeks: 2 }), en);
    const png = decodePicture(picture);
    expect(picture.description).toBe(
      'Learning progress of Jamie: 430 points, rank #3 of 58. Verified 1 of 2 lessons.',
    );
    expect(countNot(png, picture.boxes.tiles!, colors.background)).toBeGreaterThan(1000);
  });
});
