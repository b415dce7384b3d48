import type { PictureContext } from './context.js';
import { commandAsTyped, DEFAULT_TIME_ZONE, formatDate, shortDigest } from './format.js';
import { type Box, type Picture, Sketch } from './sketch.js';
import { colors } from './theme.js';

/**
 * The completion certificate of a finished course: the learner, the course, the day it was
 * finished (in the course's time zone), the verified image and its digest, the server, and the
 * certificate code with the command that checks it.
 */

export interface CertificateInput {
  learnerName: string;
  courseTitle: string;
  completedAt: Date;
  /** The image /verify found, e.g. `alice/image-gallery:v1`, and its manifest digest. */
  image: { reference: string; digest: string };
  serverName: string;
  /** Generated and stored by the caller; printed large. */
  code: string;
  /** How to check it, e.g. `/course certificate code:…`; a Discord command mention is printed as typed. */
  checkCommand: string;
}

export type CertificatePart = 'name' | 'course' | 'code' | 'image' | 'digest' | 'date';

/** Drawn in these layout units (A-series proportions)… */
const LAYOUT = { width: 1400, height: 990 } as const;
/** …onto a canvas of this many pixels: enough for reading at full size, and cheaper to encode. */
const SCALE = 6 / 7;
/** Pixel size of the certificate, and the inner frame line no text may cross. */
export const certificateLayout = {
  width: Math.round(LAYOUT.width * SCALE),
  height: Math.round(LAYOUT.height * SCALE),
  frameInset: Math.floor(48 * SCALE),
} as const;

const CENTER = LAYOUT.width / 2;
const NAME_WIDTH = 1000;
const COURSE_WIDTH = 1000;

export function renderCertificate(
  input: CertificateInput,
  context: PictureContext,
): Picture<CertificatePart> {
  const { t, locale } = context;
  const { width, height } = LAYOUT;
  const sketch = new Sketch(width, height, '#fcfdff', SCALE);
  const boxes: Partial<Record<CertificatePart, Box>> = {};

  // Frame: a Docker-blue border with a quiet inner line.
  sketch.strokeRect({ x: 28, y: 28, width: width - 56, height: height - 56 }, colors.accent, 8, 6);
  sketch.strokeRect({ x: 48, y: 48, width: width - 96, height: height - 96 }, colors.line, 2, 2);

  sketch.text(t('pictures.certificate.eyebrow'), CENTER, 128, {
    size: 22,
    weight: 'semibold',
    color: colors.accentText,
    align: 'center',
    letterSpacing: 6,
  });
  sketch.text(t('pictures.certificate.title'), CENTER, 212, {
    size: locale === 'ko' ? 76 : 58,
    weight: 'extrabold',
    color: colors.navy,
    align: 'center',
    letterSpacing: locale === 'ko' ? 24 : 0,
  });

  const name = sketch.clean(input.learnerName) || t('pictures.unnamedLearner');
  boxes.name = sketch.text(name, CENTER, 340, {
    size: 64,
    minSize: 40,
    weight: 'bold',
    align: 'center',
    maxWidth: NAME_WIDTH,
  });
  sketch.line(CENTER - 320, 376, CENTER + 320, 376, colors.accent, 2);

  boxes.course = sketch.text(input.courseTitle, CENTER, 436, {
    size: 30,
    minSize: 24,
    weight: 'bold',
    color: colors.accentText,
    align: 'center',
    maxWidth: COURSE_WIDTH,
  });
  sketch.paragraph(
    t('pictures.certificate.statement'),
    CENTER,
    478,
    { size: 22, color: colors.ink, align: 'center', maxWidth: 900 },
    2,
    34,
  );

  // Facts, two columns.
  const facts = [
    {
      part: 'date',
      label: t('pictures.certificate.date'),
      value: formatDate(input.completedAt, locale, context.timeZone ?? DEFAULT_TIME_ZONE),
    },
    { part: undefined, label: t('pictures.certificate.server'), value: input.serverName },
    { part: 'image', label: t('pictures.certificate.image'), value: input.image.reference, middle: true },
    {
      part: 'digest',
      label: t('pictures.certificate.digest'),
      value: shortDigest(input.image.digest),
      middle: true,
    },
  ] as const;
  const columns = [250, 770];
  const columnWidth = 440;
  facts.forEach((fact, index) => {
    const x = columns[index % 2]!;
    const top = 570 + Math.floor(index / 2) * 80;
    sketch.text(fact.label, x, top, {
      size: 20,
      weight: 'medium',
      color: colors.muted,
      maxWidth: columnWidth,
    });
    const box = sketch.text(fact.value, x, top + 38, {
      size: 25,
      weight: 'semibold',
      maxWidth: columnWidth,
      clip: 'middle' in fact ? 'middle' : 'end',
    });
    if (fact.part) boxes[fact.part] = box;
  });

  // The code, large, and how to check it.
  const codeBox = { x: CENTER - 330, y: 738, width: 660, height: 112 };
  sketch.rect(codeBox, colors.accentSoft, 18);
  sketch.text(t('pictures.certificate.code'), CENTER, codeBox.y + 34, {
    size: 20,
    weight: 'semibold',
    color: colors.accentText,
    align: 'center',
  });
  boxes.code = sketch.text(input.code, CENTER, codeBox.y + 88, {
    size: 46,
    minSize: 26,
    weight: 'bold',
    color: colors.navy,
    align: 'center',
    letterSpacing: 4,
    maxWidth: codeBox.width - 48,
  });
  const command = sketch.prepare(commandAsTyped(input.checkCommand), {
    size: 21,
    weight: 'regular',
    maxWidth: 560,
  });
  sketch.text(t('pictures.certificate.check', { command }), CENTER, 898, {
    size: 21,
    color: colors.muted,
    align: 'center',
    maxWidth: width - 200,
  });

  drawSeal(sketch, 1190, 794, t('pictures.certificate.seal'));

  const description = t('pictures.certificate.description', {
    name: sketch.describe(name),
    course: sketch.describe(input.courseTitle),
    date: formatDate(input.completedAt, locale, context.timeZone ?? DEFAULT_TIME_ZONE),
    image: sketch.describe(input.image.reference, 120, 'middle'),
    code: sketch.describe(input.code, 40),
  });
  return sketch.finish(description, boxes);
}

/** A round seal: Docker-blue ring, check mark, and a word. */
function drawSeal(sketch: Sketch, cx: number, cy: number, word: string): void {
  sketch.circle(cx, cy, 78, colors.accent);
  sketch.circle(cx, cy, 66, '#ffffff');
  sketch.circle(cx, cy, 60, colors.accentStrong);
  sketch.checkMark(cx, cy - 14, 46, '#ffffff', 8);
  sketch.text(word, cx, cy + 36, {
    size: 17,
    weight: 'bold',
    color: '#ffffff',
    align: 'center',
    maxWidth: 100,
  });
}
