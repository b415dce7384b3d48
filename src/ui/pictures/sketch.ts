import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { canvasModule } from './canvas-module.js';
import { fitEnd, fitMiddle, wrapLines } from './fit-text.js';
import type { FontCoverage } from './font-coverage.js';
import { ensurePictureFonts, type FontWeight, pictureFont } from './fonts.js';
import { pictureText, splitGraphemes } from './picture-text.js';
import { encodeOpaquePng } from './png-encoder.js';
import { type Color, colors } from './theme.js';

/** A rectangle in picture pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The ink box of drawn text, plus how far the text advances the pen (for what follows it). */
export interface TextBox extends Box {
  advance: number;
}

/** A finished picture: PNG bytes and what a caller needs to attach it. */
export interface Picture<Part extends string = string> {
  png: Buffer;
  width: number;
  height: number;
  /** Plain-text summary for the attachment's description (screen readers, failed loads). */
  description: string;
  /** Where the main parts were drawn, for tests and for callers that crop or annotate. */
  boxes: Partial<Record<Part, Box>>;
}

export interface TextStyle {
  size: number;
  weight?: FontWeight;
  color?: Color;
  align?: 'left' | 'center' | 'right';
  /** Clip to this width with "…"; `middle` keeps both ends (identifiers). */
  maxWidth?: number;
  clip?: 'end' | 'middle';
  /** Extra space between characters in pixels (codes, small capitals). */
  letterSpacing?: number;
  /** Before clipping, shrink the font step by step down to this size to fit `maxWidth`. */
  minSize?: number;
}

/**
 * A canvas with the few drawing operations the pictures need. Every string drawn goes through
 * `pictureText`, so nothing the font cannot draw reaches the canvas, and is clipped by measured
 * width when a width is given. Text positions are baselines; returned boxes are the ink extent.
 * With a `scale`, drawing happens in layout units on a canvas that many times the size; the
 * finished picture's size and boxes are in pixels.
 */
export class Sketch {
  readonly ctx: SKRSContext2D;
  private readonly canvas: Canvas;
  private readonly coverage: FontCoverage;

  constructor(
    readonly width: number,
    readonly height: number,
    /** Must be opaque: the PNG encoder relies on it. */
    background: Color = colors.background,
    private readonly scale = 1,
  ) {
    this.coverage = ensurePictureFonts();
    this.canvas = canvasModule().createCanvas(Math.round(width * scale), Math.round(height * scale));
    this.ctx = this.canvas.getContext('2d');
    this.ctx.scale(scale, scale);
    this.rect({ x: 0, y: 0, width, height }, background);
  }

  /** Text as it will be drawn: filtered for the font; no clipping. */
  clean(text: string): string {
    return pictureText(text, this.coverage);
  }

  /**
   * Text for the picture's description (alt text): filtered like drawn text and clipped to
   * `maxCharacters`, so that descriptions stay within Discord's 1,024 characters.
   */
  describe(text: string, maxCharacters = 80, clip: 'end' | 'middle' = 'end'): string {
    const clean = pictureText(text, this.coverage, { maxGraphemes: 600 });
    const count = (value: string) => splitGraphemes(value).length;
    return clip === 'middle' ? fitMiddle(clean, maxCharacters, count) : fitEnd(clean, maxCharacters, count);
  }

  /** Applies a text style and returns the drawable, width-fitted text. */
  prepare(text: string, style: TextStyle): string {
    this.setFont(style);
    // Middle clipping keeps the end, so the filter must not cut it off first.
    const clean = pictureText(text, this.coverage, style.clip === 'middle' ? { maxGraphemes: 600 } : {});
    if (style.maxWidth === undefined) return clean;
    const measure = (value: string) => this.ctx.measureText(value).width;
    for (
      let size = style.size - 2;
      size >= (style.minSize ?? style.size) && measure(clean) > style.maxWidth;
      size -= 2
    ) {
      this.setFont({ ...style, size });
    }
    return style.clip === 'middle'
      ? fitMiddle(clean, style.maxWidth, measure)
      : fitEnd(clean, style.maxWidth, measure);
  }

  /** Width the text would take in this style, after filtering and fitting. */
  measure(text: string, style: TextStyle): number {
    return this.ctx.measureText(this.prepare(text, style)).width;
  }

  /** Draws one line of text with its baseline at `y`; returns the box of its ink. */
  text(text: string, x: number, y: number, style: TextStyle): TextBox {
    const value = this.prepare(text, style);
    const { ctx } = this;
    ctx.fillStyle = style.color ?? colors.ink;
    ctx.textAlign = style.align ?? 'left';
    // Letter spacing also follows the last character; shift so the ink, not the advance, is aligned.
    const spacing = style.letterSpacing ?? 0;
    const shift = style.align === 'center' ? spacing / 2 : style.align === 'right' ? spacing : 0;
    ctx.fillText(value, x + shift, y);
    const metrics = ctx.measureText(value);
    const left = x + shift - metrics.actualBoundingBoxLeft;
    return {
      x: left,
      y: y - metrics.actualBoundingBoxAscent,
      width: metrics.actualBoundingBoxLeft + metrics.actualBoundingBoxRight,
      height: metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent,
      advance: metrics.width,
    };
  }

  /** Wraps text into at most `maxLines` lines `lineHeight` apart; returns the lines' boxes. */
  paragraph(
    text: string,
    x: number,
    y: number,
    style: TextStyle & { maxWidth: number },
    maxLines: number,
    lineHeight: number,
  ): TextBox[] {
    this.setFont(style);
    const measure = (value: string) => this.ctx.measureText(value).width;
    const clean = this.clean(text);
    const lines = wrapLines(clean, style.maxWidth, maxLines, measure);
    const balanced =
      lines.length > 1 ? balance(clean, lines.length, style.maxWidth, maxLines, measure) : lines;
    // Drawn without maxWidth: the lines were fitted already (clipping again could differ by a pixel).
    const { maxWidth: _fitted, ...drawStyle } = style;
    return balanced.map((line, index) => this.text(line, x, y + index * lineHeight, drawStyle));
  }

  rect(box: Box, color: Color, radius = 0): void {
    const { ctx } = this;
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.roundRect(box.x, box.y, box.width, box.height, Math.min(radius, box.height / 2, box.width / 2));
    ctx.fill();
  }

  strokeRect(box: Box, color: Color, lineWidth: number, radius = 0): void {
    const { ctx } = this;
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth;
    ctx.beginPath();
    ctx.roundRect(box.x, box.y, box.width, box.height, radius);
    ctx.stroke();
  }

  line(x1: number, y1: number, x2: number, y2: number, color: Color, lineWidth = 1): void {
    const { ctx } = this;
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth;
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  }

  circle(cx: number, cy: number, radius: number, color: Color): void {
    const { ctx } = this;
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(cx, cy, radius, 0, Math.PI * 2);
    ctx.fill();
  }

  /** A check mark drawn as a path (the font's ✓ is too thin at small sizes), centred on (cx, cy). */
  checkMark(cx: number, cy: number, size: number, color: Color, lineWidth = Math.max(2, size / 5)): void {
    const { ctx } = this;
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(cx - size * 0.45, cy + size * 0.02);
    ctx.lineTo(cx - size * 0.12, cy + size * 0.33);
    ctx.lineTo(cx + size * 0.47, cy - size * 0.32);
    ctx.stroke();
  }

  /** A plain head-and-shoulders figure inside a circle of `size` (for a name with no letters). */
  person(cx: number, cy: number, size: number, color: Color): void {
    const { ctx } = this;
    ctx.save();
    ctx.beginPath();
    ctx.arc(cx, cy, size / 2, 0, Math.PI * 2);
    ctx.clip();
    this.circle(cx, cy - size * 0.12, size * 0.18, color);
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.ellipse(cx, cy + size * 0.42, size * 0.32, size * 0.26, 0, Math.PI, 0);
    ctx.fill();
    ctx.restore();
  }

  /**
   * A horizontal progress bar: the full track, then the filled part for `value` out of `max`
   * (a sliver stays visible for any value above 0).
   */
  bar(box: Box, value: number, max: number, fill: Color, track: Color = colors.track): Box {
    this.rect(box, track, box.height / 2);
    const ratio = max > 0 ? Math.min(Math.max(value, 0), max) / max : 0;
    const width = ratio > 0 ? Math.max(box.height, Math.round(box.width * ratio)) : 0;
    const filled = { ...box, width };
    if (width > 0) this.rect(filled, fill, box.height / 2);
    return filled;
  }

  /** A pill-shaped label; returns its box. `x` is the left edge, or the right edge with align right. */
  pill(
    text: string,
    x: number,
    centerY: number,
    style: TextStyle & { background: Color; paddingX?: number; height?: number; icon?: 'check' },
  ): Box {
    const paddingX = style.paddingX ?? Math.round(style.size * 0.7);
    const height = style.height ?? Math.round(style.size * 1.7);
    const iconWidth = style.icon ? Math.round(style.size * 1.1) : 0;
    const textStyle: TextStyle = { ...style, align: 'left' };
    const textWidth = this.measure(text, textStyle);
    const width = paddingX * 2 + iconWidth + textWidth;
    const left = style.align === 'right' ? x - width : x;
    const box = { x: left, y: Math.round(centerY - height / 2), width, height };
    this.rect(box, style.background, height / 2);
    if (style.icon === 'check') {
      this.checkMark(
        left + paddingX + style.size * 0.4,
        centerY,
        style.size * 0.75,
        style.color ?? colors.ink,
      );
    }
    this.text(text, left + paddingX + iconWidth, centerY + style.size * 0.36, textStyle);
    return box;
  }

  /** Encodes the picture. */
  finish<Part extends string>(description: string, boxes: Partial<Record<Part, Box>>): Picture<Part> {
    const { width, height } = this.canvas;
    const scale = this.scale;
    const scaled = Object.fromEntries(
      Object.entries<Box | undefined>(boxes).map(([part, box]) => [
        part,
        box && { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale },
      ]),
    ) as Partial<Record<Part, Box>>;
    return {
      png: encodeOpaquePng(this.canvas.data(), width, height),
      width,
      height,
      description,
      boxes: scaled,
    };
  }

  private setFont(style: TextStyle): void {
    this.ctx.font = pictureFont(style.weight ?? 'regular', style.size);
    this.ctx.letterSpacing = `${style.letterSpacing ?? 0}px`;
  }
}

/**
 * The narrowest wrap that still takes `lineCount` lines, so a paragraph does not end in a
 * lonely last word; unless text was clipped, where the full width keeps the most of it.
 */
function balance(
  text: string,
  lineCount: number,
  maxWidth: number,
  maxLines: number,
  measure: (value: string) => number,
): string[] {
  const full = wrapLines(text, maxWidth, maxLines, measure);
  if (full.join(' ').length < text.length) return full;
  let low = maxWidth / 2;
  let high = maxWidth;
  for (let step = 0; step < 8; step++) {
    const middle = (low + high) / 2;
    const lines = wrapLines(text, middle, maxLines, measure);
    if (lines.length <= lineCount && lines.join(' ').length >= text.length) high = middle;
    else low = middle;
  }
  return wrapLines(text, high, maxLines, measure);
}
