import type { PictureContext } from './context.js';
import { formatCount } from './format.js';
import { splitGraphemes } from './picture-text.js';
import { type Box, type Picture, Sketch } from './sketch.js';
import { colors, PAGE_PADDING } from './theme.js';

/**
 * A learner's /progress as a card: their name, total points, rank, verified lessons and an
 * optional streak of active weeks, then one block per lesson (steps done, quiz score, points,
 * a verified badge).
 */

/** One lesson's progress; the store's `LessonSummary` fits as it is. */
export interface ProgressCardLesson {
  lessonId: string;
  title: string;
  stepsDone: number;
  stepsTotal: number;
  quizCorrect: number;
  quizTotal: number;
  verified: boolean;
  /** Every step done and every question answered correctly. */
  completed?: boolean;
  points?: number;
}

export interface ProgressCardInput {
  /** The member's display name as Discord gives it (any text). */
  displayName: string;
  serverName?: string;
  lessons: readonly ProgressCardLesson[];
  points: number;
  /** Null while the learner has no points in this scope. */
  rank: { rank: number; outOf: number } | null;
  /** Consecutive active weeks, when known; the tile is left out otherwise. */
  streakWeeks?: number;
}

export type ProgressCardPart = 'name' | 'tiles' | 'lessons';

export const progressCardLayout = {
  width: 1080,
  padding: PAGE_PADDING,
  bandHeight: 196,
  tileHeight: 118,
  lessonHeight: 100,
  /** Lessons beyond this are counted in one line. */
  maxLessons: 10,
} as const;

/** The server's name takes at most this much of the line above the learner's name. */
const SERVER_NAME_WIDTH = 480;
/** Steps, quiz and points of a lesson, right-aligned after its bar. */
const DETAILS_WIDTH = 300;
const ID_PILL = {
  size: 17,
  weight: 'bold',
  color: colors.accentText,
  background: colors.accentSoft,
  height: 32,
  paddingX: 12,
} as const;
const ID_PILL_MAX_WIDTH = 150;

export function renderProgressCard(
  input: ProgressCardInput,
  context: PictureContext,
): Picture<ProgressCardPart> {
  const { t, locale } = context;
  const layout = progressCardLayout;
  const shown = input.lessons.slice(0, layout.maxLessons);
  const more = input.lessons.length - shown.length;
  const lessonsTop = layout.bandHeight + 32 + layout.tileHeight + 40;
  const listHeight = shown.length > 0 ? shown.length * layout.lessonHeight + (more > 0 ? 44 : 0) : 72;
  const height = lessonsTop + 44 + listHeight + layout.padding - 16;
  const sketch = new Sketch(layout.width, height);
  const boxes: Partial<Record<ProgressCardPart, Box>> = {};
  const left = layout.padding;
  const contentWidth = layout.width - layout.padding * 2;

  // Band: who this is, and where.
  sketch.rect({ x: 0, y: 0, width: layout.width, height: layout.bandHeight }, colors.navy);
  sketch.rect({ x: 0, y: layout.bandHeight - 6, width: layout.width, height: 6 }, colors.accent);
  const cleanName = sketch.clean(input.displayName);
  const name = cleanName || t('pictures.unnamedLearner');
  const avatar = 96;
  const avatarCenter = { x: left + avatar / 2, y: layout.bandHeight / 2 - 3 };
  sketch.circle(avatarCenter.x, avatarCenter.y, avatar / 2, colors.accent);
  const initial = splitGraphemes(cleanName)[0]?.toLocaleUpperCase(locale);
  if (initial && initial !== '?') {
    sketch.text(initial, avatarCenter.x, avatarCenter.y + 15, {
      size: 42,
      weight: 'bold',
      color: colors.onAccent,
      align: 'center',
    });
  } else {
    sketch.person(avatarCenter.x, avatarCenter.y, avatar, colors.onAccent);
  }
  const textLeft = left + avatar + 28;
  const eyebrowStyle = { size: 21, weight: 'semibold', color: colors.onNavyAccent } as const;
  const eyebrow = input.serverName
    ? t('pictures.card.eyebrowServer', {
        server: sketch.prepare(input.serverName, { ...eyebrowStyle, maxWidth: SERVER_NAME_WIDTH }),
      })
    : t('pictures.card.eyebrow');
  sketch.text(eyebrow, textLeft, 80, { ...eyebrowStyle, maxWidth: layout.width - layout.padding - textLeft });
  boxes.name = sketch.text(name, textLeft, 134, {
    size: 44,
    minSize: 32,
    weight: 'bold',
    color: colors.onAccent,
    maxWidth: layout.width - layout.padding - textLeft,
  });

  // Tiles: the numbers a learner looks for first.
  const verified = input.lessons.filter((lesson) => lesson.verified).length;
  const tiles: Tile[] = [
    {
      label: t('pictures.card.points'),
      value: t('pictures.card.pointsValue', { points: formatCount(input.points, locale) }),
    },
    input.rank
      ? {
          label: t('pictures.card.rank'),
          value: t('pictures.card.rankPlace', { rank: formatCount(input.rank.rank, locale) }),
          suffix: t('pictures.card.rankOutOf', { outOf: formatCount(input.rank.outOf, locale) }),
        }
      : { label: t('pictures.card.rank'), value: t('pictures.card.unranked') },
    {
      label: t('pictures.card.verifiedLessons'),
      value: t('pictures.card.verifiedValue', {
        verified: formatCount(verified, locale),
        total: formatCount(input.lessons.length, locale),
      }),
    },
  ];
  if (input.streakWeeks !== undefined) {
    tiles.push({
      label: t('pictures.card.streak'),
      value: t('pictures.card.streakValue', { weeks: formatCount(input.streakWeeks, locale) }),
    });
  }
  const tileGap = 16;
  const tileWidth = (contentWidth - tileGap * (tiles.length - 1)) / tiles.length;
  const tilesTop = layout.bandHeight + 32;
  tiles.forEach((tile, index) => {
    const x = left + index * (tileWidth + tileGap);
    drawTile(sketch, tile, { x, y: tilesTop, width: tileWidth, height: layout.tileHeight }, index === 0);
  });
  boxes.tiles = { x: left, y: tilesTop, width: contentWidth, height: layout.tileHeight };

  // Lessons.
  sketch.text(t('pictures.card.lessons'), left, lessonsTop + 24, { size: 22, weight: 'bold' });
  let y = lessonsTop + 44;
  const listTop = y;
  if (shown.length === 0) {
    sketch.text(t('pictures.card.noLessons'), left, y + 44, {
      size: 21,
      color: colors.muted,
      maxWidth: contentWidth,
    });
  }
  // Titles line up after the widest lesson id.
  const idColumn = Math.min(
    ID_PILL_MAX_WIDTH,
    Math.max(0, ...shown.map((lesson) => sketch.measure(lesson.lessonId, ID_PILL) + ID_PILL.paddingX * 2)),
  );
  for (const lesson of shown) {
    drawLesson(sketch, lesson, y, idColumn, context);
    y += layout.lessonHeight;
  }
  if (more > 0) {
    sketch.text(t('pictures.card.moreLessons', { count: formatCount(more, locale) }), left, y + 28, {
      size: 19,
      weight: 'medium',
      color: colors.faint,
    });
  }
  boxes.lessons = { x: left, y: listTop, width: contentWidth, height: listHeight };

  const description = t('pictures.card.description', {
    name: sketch.describe(name),
    points: formatCount(input.points, locale),
    rank: [tiles[1]!.value, tiles[1]!.suffix].filter(Boolean).join(' '),
    lessons: formatCount(input.lessons.length, locale),
    verified: formatCount(verified, locale),
  });
  return sketch.finish(description, boxes);
}

interface Tile {
  label: string;
  value: string;
  /** Smaller text after the value ("/ 58명"). */
  suffix?: string;
}

function drawTile(sketch: Sketch, tile: Tile, box: Box, accent: boolean): void {
  const inner = box.width - 48;
  const left = box.x + 24;
  const labelBaseline = box.y + 42;
  const valueBaseline = box.y + 90;
  const valueStyle = {
    size: 34,
    minSize: 22,
    weight: 'bold',
    color: accent ? colors.accentText : colors.ink,
  } as const;
  const suffixStyle = { size: 21, weight: 'semibold', color: colors.muted } as const;
  sketch.rect(box, colors.panel, 16);
  // The suffix follows the value when both fit at full size; otherwise it moves up beside the label.
  const suffixWidth = tile.suffix ? sketch.measure(tile.suffix, suffixStyle) : 0;
  const beside =
    tile.suffix !== undefined && sketch.measure(tile.value, valueStyle) + 8 + suffixWidth <= inner;
  const labelStyle = { size: 19, weight: 'medium', color: colors.muted, maxWidth: inner } as const;
  const label = sketch.text(tile.label, left, labelBaseline, {
    ...labelStyle,
    maxWidth: tile.suffix && !beside ? inner / 2 : inner,
  });
  const value = sketch.text(tile.value, left, valueBaseline, { ...valueStyle, maxWidth: inner });
  if (!tile.suffix) return;
  if (beside) sketch.text(tile.suffix, left + value.advance + 8, valueBaseline, suffixStyle);
  else {
    sketch.text(tile.suffix, left + inner, labelBaseline, {
      ...suffixStyle,
      size: 18,
      minSize: 14,
      align: 'right',
      maxWidth: inner - label.advance - 12,
    });
  }
}

function drawLesson(
  sketch: Sketch,
  lesson: ProgressCardLesson,
  top: number,
  idColumn: number,
  { t, locale }: PictureContext,
): void {
  const layout = progressCardLayout;
  const left = layout.padding;
  const right = layout.width - layout.padding;
  sketch.line(left, top + 0.5, right, top + 0.5, colors.line);
  const titleBaseline = top + 42;

  const badge = lesson.verified
    ? sketch.pill(t('pictures.card.verified'), right, titleBaseline - 8, {
        size: 17,
        weight: 'bold',
        color: colors.success,
        background: colors.successSoft,
        align: 'right',
        icon: 'check',
        height: 32,
      })
    : sketch.pill(t('pictures.card.notVerified'), right, titleBaseline - 8, {
        size: 17,
        weight: 'medium',
        color: colors.muted,
        background: colors.panel,
        align: 'right',
        height: 32,
      });
  sketch.pill(lesson.lessonId, left, titleBaseline - 8, {
    ...ID_PILL,
    maxWidth: ID_PILL_MAX_WIDTH - ID_PILL.paddingX * 2,
  });
  const titleLeft = left + idColumn + 14;
  sketch.text(lesson.title, titleLeft, titleBaseline, {
    size: 23,
    weight: 'semibold',
    maxWidth: badge.x - 20 - titleLeft,
  });

  const detailsBaseline = top + 80;
  // Counts from a lesson that shrank since can exceed its totals; never print "8/7".
  const stepsDone = Math.min(lesson.stepsDone, lesson.stepsTotal);
  const quizCorrect = Math.min(lesson.quizCorrect, lesson.quizTotal);
  const details = [
    t('pictures.card.steps', {
      done: formatCount(stepsDone, locale),
      total: formatCount(lesson.stepsTotal, locale),
    }),
    t('pictures.card.quiz', {
      correct: formatCount(quizCorrect, locale),
      total: formatCount(lesson.quizTotal, locale),
    }),
    ...(lesson.points === undefined
      ? []
      : [t('pictures.card.lessonPoints', { points: formatCount(lesson.points, locale) })]),
  ].join(' · ');
  sketch.text(details, right, detailsBaseline, {
    size: 20,
    minSize: 15,
    color: colors.muted,
    align: 'right',
    maxWidth: DETAILS_WIDTH,
  });
  const complete = lesson.completed ?? (lesson.stepsTotal > 0 && stepsDone >= lesson.stepsTotal);
  sketch.bar(
    { x: left, y: detailsBaseline - 13, width: right - DETAILS_WIDTH - 28 - left, height: 12 },
    stepsDone,
    lesson.stepsTotal,
    complete ? colors.success : colors.accent,
  );
}
