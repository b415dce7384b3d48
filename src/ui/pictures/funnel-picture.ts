import { type PictureContext, type PictureScope, scopeLabel } from './context.js';
import { DEFAULT_TIME_ZONE, formatCount, formatDate, percentOf } from './format.js';
import { type Box, type Picture, Sketch } from './sketch.js';
import { colors, PAGE_PADDING } from './theme.js';

/**
 * The /stats step funnel as a picture that explains itself away from its message: the lesson,
 * who is counted, one row per step (number, title, learners, share of those who opened the
 * lesson, a bar), and the biggest drop between consecutive steps marked and named.
 */

export interface FunnelPictureStep {
  /** The step's title as written in the lesson ("Step 3: 이미지에 …" or a section title). */
  title: string;
  /** Learners who finished the step. */
  learners: number;
}

export interface FunnelPictureInput {
  lesson: { id: string; title: string };
  scope: PictureScope;
  /** Learners who opened the lesson: the 100 % mark. */
  opened: number;
  steps: readonly FunnelPictureStep[];
  /** When the numbers were read; printed as "… 기준" when given. */
  asOf?: Date;
}

export type FunnelPart = 'title' | 'eyebrow' | 'rows' | 'dropRow' | 'caption';

/** Where the funnel's parts go, in pixels; exported so tests can find rows. */
export const funnelLayout = {
  width: 1080,
  padding: PAGE_PADDING,
  rowHeight: 54,
  gapRowHeight: 40,
  /** More steps than this are summarised: the first ones, the biggest drop, and a note. */
  maxRows: 30,
  titleLeft: PAGE_PADDING + 52,
  titleRight: 572,
  barLeft: 596,
  barWidth: 230,
  barHeight: 16,
  countRight: 1080 - PAGE_PADDING - 78,
  percentRight: 1080 - PAGE_PADDING,
} as const;

/** The step where the most learners stopped: fewer finished it than the step before. */
export interface FunnelDrop {
  /** Index of the step with fewer learners (the previous one is `index - 1`). */
  index: number;
  learners: number;
}

/** The largest positive fall between consecutive steps (the first one on a tie), or null. */
export function biggestDrop(steps: readonly FunnelPictureStep[]): FunnelDrop | null {
  let best: FunnelDrop | null = null;
  for (let index = 1; index < steps.length; index++) {
    const fall = steps[index - 1]!.learners - steps[index]!.learners;
    if (fall > 0 && (best === null || fall > best.learners)) best = { index, learners: fall };
  }
  return best;
}

/** "Step 3: 이미지 태그" → "이미지 태그": the row already shows the number. */
const STEP_PREFIX = /^\s*step\s*\d{1,4}\s*[:.)-]?\s*/i;

export function stepTitle(title: string): string {
  const stripped = title.replace(STEP_PREFIX, '');
  return stripped === '' ? title : stripped;
}

export type FunnelRow = { kind: 'step'; index: number } | { kind: 'gap'; hidden: number };

/**
 * Which rows to draw: every step when they fit; otherwise the first steps, and — when the
 * biggest drop lies further down — a gap, the two steps around the drop, and a final gap.
 */
export function funnelRows(
  stepCount: number,
  drop: FunnelDrop | null,
  maxRows: number = funnelLayout.maxRows,
): FunnelRow[] {
  const steps = (from: number, to: number): FunnelRow[] =>
    Array.from({ length: Math.max(0, to - from) }, (_, offset) => ({ kind: 'step', index: from + offset }));
  const gap = (hidden: number): FunnelRow[] => (hidden > 0 ? [{ kind: 'gap', hidden }] : []);
  if (stepCount <= maxRows) return steps(0, stepCount);
  const headRows = maxRows - 1;
  if (drop === null || drop.index < headRows) return [...steps(0, headRows), ...gap(stepCount - headRows)];
  // Room for: head, gap, step before the drop, the drop, trailing gap.
  const head = maxRows - 4;
  return [
    ...steps(0, head),
    ...gap(drop.index - 1 - head),
    ...steps(drop.index - 1, drop.index + 1),
    ...gap(stepCount - drop.index - 1),
  ];
}

function rowsHeight(rows: readonly FunnelRow[]): number {
  return rows.reduce(
    (sum, row) => sum + (row.kind === 'step' ? funnelLayout.rowHeight : funnelLayout.gapRowHeight),
    0,
  );
}

const HEADER_HEIGHT = 196;
const COLUMN_HEADER_HEIGHT = 40;
const FOOTER_LINE = 36;
const CAPTION_STYLE = { size: 22, weight: 'semibold', color: colors.dropText } as const;
/** A step title inside the drop caption takes at most this much of the line. */
const CAPTION_TITLE_WIDTH = 360;

export function renderFunnelPicture(input: FunnelPictureInput, context: PictureContext): Picture<FunnelPart> {
  const { t, locale } = context;
  const layout = funnelLayout;
  const drop = biggestDrop(input.steps);
  const rows = funnelRows(input.steps.length, drop);
  const shown = rows.filter((row) => row.kind === 'step').length;
  const hidden = input.steps.length - shown;
  // The 100 % mark; a step can only exceed `opened` if the data is inconsistent, and bars never overflow.
  const scale = input.steps.reduce((max, step) => Math.max(max, step.learners), Math.max(input.opened, 0));
  // The footer's line count sizes the picture; its drop caption is fitted once the canvas exists.
  const lineCount = footerLines(input, drop, hidden, scale, context, (title) => title).length;
  const bodyHeight = rows.length > 0 ? COLUMN_HEADER_HEIGHT + rowsHeight(rows) : 0;
  const height = HEADER_HEIGHT + bodyHeight + 28 + lineCount * FOOTER_LINE + layout.padding - 8;
  const sketch = new Sketch(layout.width, height);
  const footer = footerLines(input, drop, hidden, scale, context, (title) =>
    sketch.prepare(title, { ...CAPTION_STYLE, maxWidth: CAPTION_TITLE_WIDTH }),
  );
  const boxes: Partial<Record<FunnelPart, Box>> = {};
  const contentWidth = layout.width - layout.padding * 2;
  const left = layout.padding;

  // Header: what this is, which lesson, who is counted and when.
  sketch.rect({ x: 0, y: 0, width: layout.width, height: 8 }, colors.accent);
  boxes.eyebrow = sketch.text(t('pictures.funnel.eyebrow'), left, 72, {
    size: 22,
    weight: 'semibold',
    color: colors.accentText,
  });
  boxes.title = sketch.text(
    t('pictures.funnel.title', { lessonId: input.lesson.id, title: input.lesson.title }),
    left,
    122,
    { size: 38, weight: 'bold', maxWidth: contentWidth },
  );
  drawMetaLine(sketch, input, context, left, 164, contentWidth);
  sketch.line(left, HEADER_HEIGHT - 0.5, layout.width - left, HEADER_HEIGHT - 0.5, colors.line, 1);

  let y = HEADER_HEIGHT;
  if (rows.length > 0) {
    const headerBaseline = y + 28;
    const small = { size: 19, weight: 'medium' as const, color: colors.faint };
    sketch.text(t('pictures.funnel.columnStep'), left, headerBaseline, small);
    sketch.text(t('pictures.funnel.columnLearners'), layout.countRight, headerBaseline, {
      ...small,
      align: 'right',
    });
    sketch.text(t('pictures.funnel.columnShare'), layout.percentRight, headerBaseline, {
      ...small,
      align: 'right',
    });
    y += COLUMN_HEADER_HEIGHT;
    const rowsTop = y;
    rows.forEach((row, position) => {
      if (row.kind === 'gap') {
        sketch.text(
          t('pictures.funnel.gap', { count: formatCount(row.hidden, locale) }),
          layout.titleLeft,
          y + 26,
          {
            size: 19,
            weight: 'medium',
            color: colors.faint,
          },
        );
        y += layout.gapRowHeight;
        return;
      }
      const isDrop = drop?.index === row.index;
      const rowBox = { x: left - 16, y, width: contentWidth + 32, height: layout.rowHeight };
      if (isDrop) {
        sketch.rect(rowBox, colors.dropSoft, 10);
        sketch.rect({ x: rowBox.x, y: rowBox.y + 8, width: 4, height: rowBox.height - 16 }, colors.drop, 2);
        boxes.dropRow = rowBox;
      } else if (position % 2 === 1) {
        sketch.rect(rowBox, colors.panel, 10);
      }
      drawStepRow(sketch, input.steps[row.index]!, row.index, y, scale, isDrop ? drop : null, context);
      y += layout.rowHeight;
    });
    boxes.rows = { x: left, y: rowsTop, width: contentWidth, height: y - rowsTop };
  }

  // Footer: the drop named in words, anything left out, and how to read the bars.
  y += 28;
  if (rows.length > 0) sketch.line(left, y - 14.5, layout.width - left, y - 14.5, colors.line, 1);
  for (const line of footer) {
    const baseline = y + 24;
    if (line.kind === 'drop') {
      sketch.rect({ x: left, y: baseline - 16, width: 15, height: 15 }, colors.drop, 3);
      boxes.caption = sketch.text(line.text, left + 24, baseline, {
        ...CAPTION_STYLE,
        maxWidth: contentWidth - 24,
      });
    } else {
      sketch.text(line.text, left, baseline, {
        size: line.kind === 'note' ? 21 : 19,
        weight: line.kind === 'note' ? 'medium' : 'regular',
        color: line.kind === 'note' ? colors.ink : colors.muted,
        maxWidth: contentWidth,
      });
    }
    y += FOOTER_LINE;
  }

  const description = t('pictures.funnel.description', {
    lessonId: input.lesson.id,
    title: sketch.describe(input.lesson.title),
    scope: sketch.describe(scopeLabel(input.scope, t)),
    opened: formatCount(input.opened, locale),
    steps: formatCount(input.steps.length, locale),
    drop: footer
      .filter((line) => line.kind !== 'legend')
      .map((line) => line.text)
      .join(' '),
  });
  return sketch.finish(description, boxes);
}

/** Scope, learners who opened the lesson and the date, with the scope clipped to what is left. */
function drawMetaLine(
  sketch: Sketch,
  input: FunnelPictureInput,
  context: PictureContext,
  left: number,
  baseline: number,
  width: number,
): void {
  const { t, locale } = context;
  const style = { size: 22, color: colors.muted } as const;
  const tail = [t('pictures.funnel.opened', { count: formatCount(input.opened, locale) })];
  if (input.asOf) {
    const date = formatDate(input.asOf, locale, context.timeZone ?? DEFAULT_TIME_ZONE);
    tail.push(t('pictures.funnel.asOf', { date }));
  }
  const tailText = `·  ${tail.join('  ·  ')}`;
  // About one space: the tail starts with its own "·".
  const gap = 7;
  const tailWidth = sketch.measure(tailText, style) + gap;
  const scope = sketch.text(scopeLabel(input.scope, t), left, baseline, {
    ...style,
    weight: 'semibold',
    color: colors.ink,
    maxWidth: Math.max(160, width - tailWidth),
  });
  const tailLeft = left + scope.advance + gap;
  sketch.text(tailText, tailLeft, baseline, { ...style, maxWidth: left + width - tailLeft });
}

function drawStepRow(
  sketch: Sketch,
  step: FunnelPictureStep,
  index: number,
  top: number,
  scale: number,
  drop: FunnelDrop | null,
  context: PictureContext,
): void {
  const { t, locale } = context;
  const layout = funnelLayout;
  const middle = top + layout.rowHeight / 2;
  const baseline = middle + 8;
  const badgeX = layout.padding + 18;
  sketch.circle(badgeX, middle, 17, drop ? colors.drop : colors.accentStrong);
  sketch.text(String(index + 1), badgeX, middle + 6, {
    size: index + 1 >= 100 ? 14 : 17,
    weight: 'bold',
    color: colors.onAccent,
    align: 'center',
  });

  let titleRight = layout.titleRight;
  if (drop) {
    const tag = sketch.pill(
      t('pictures.funnel.dropTag', { count: formatCount(drop.learners, locale) }),
      titleRight,
      middle,
      {
        size: 17,
        weight: 'bold',
        color: colors.onAccent,
        background: colors.drop,
        align: 'right',
        height: 30,
        paddingX: 10,
      },
    );
    titleRight = tag.x - 12;
  }
  const title = sketch.clean(stepTitle(step.title)) || t('pictures.funnel.untitled');
  sketch.text(title, layout.titleLeft, baseline, {
    size: 23,
    weight: drop ? 'semibold' : 'medium',
    maxWidth: titleRight - layout.titleLeft,
  });

  sketch.bar(
    { x: layout.barLeft, y: middle - layout.barHeight / 2, width: layout.barWidth, height: layout.barHeight },
    step.learners,
    scale,
    drop ? colors.drop : colors.accent,
  );
  sketch.text(
    t('pictures.funnel.learners', { count: formatCount(step.learners, locale) }),
    layout.countRight,
    baseline,
    {
      size: 23,
      weight: 'semibold',
      align: 'right',
    },
  );
  sketch.text(
    t('pictures.funnel.percent', { percent: percentOf(step.learners, scale) }),
    layout.percentRight,
    baseline,
    {
      size: 21,
      color: colors.muted,
      align: 'right',
    },
  );
}

interface FooterLine {
  kind: 'drop' | 'note' | 'legend';
  text: string;
}

function footerLines(
  input: FunnelPictureInput,
  drop: FunnelDrop | null,
  hidden: number,
  scale: number,
  { t, locale }: PictureContext,
  fitTitle: (title: string) => string,
): FooterLine[] {
  const lines: FooterLine[] = [];
  if (input.steps.length === 0) lines.push({ kind: 'note', text: t('pictures.funnel.noSteps') });
  else if (scale === 0) lines.push({ kind: 'note', text: t('pictures.funnel.empty') });
  else if (drop) {
    lines.push({
      kind: 'drop',
      text: t('pictures.funnel.dropCaption', {
        to: drop.index + 1,
        from: drop.index,
        title: fitTitle(stepTitle(input.steps[drop.index]!.title)) || t('pictures.funnel.untitled'),
        count: formatCount(drop.learners, locale),
        points: percentOf(drop.learners, scale),
      }),
    });
  } else if (input.steps.length > 1) lines.push({ kind: 'note', text: t('pictures.funnel.noDrop') });
  if (hidden > 0) {
    lines.push({ kind: 'note', text: t('pictures.funnel.hidden', { hidden, total: input.steps.length }) });
  }
  if (input.steps.length > 0 && scale > 0) lines.push({ kind: 'legend', text: t('pictures.funnel.legend') });
  return lines;
}
