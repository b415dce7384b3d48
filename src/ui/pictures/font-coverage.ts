/**
 * Which code points a font file can draw, read from its `cmap` table. Text for a picture is
 * filtered with this so that a character the font lacks never reaches the canvas (where it
 * would become an empty box or an unpredictable system fallback).
 */

/** Inclusive code point ranges, sorted and non-overlapping. */
export class FontCoverage {
  private constructor(private readonly ranges: readonly (readonly [number, number])[]) {}

  /** Parses an OpenType/TrueType font file (OTF with CFF outlines included). */
  static fromFont(font: Buffer): FontCoverage {
    const cmap = findTable(font, 'cmap');
    const subtable = bestSubtable(font, cmap);
    const ranges = font.readUInt16BE(subtable) === 12 ? format12(font, subtable) : format4(font, subtable);
    return new FontCoverage(mergeRanges(ranges));
  }

  has(codePoint: number): boolean {
    let low = 0;
    let high = this.ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [first, last] = this.ranges[middle]!;
      if (codePoint < first) high = middle - 1;
      else if (codePoint > last) low = middle + 1;
      else return true;
    }
    return false;
  }

  /** How many code points the font maps (for diagnostics and tests). */
  get size(): number {
    return this.ranges.reduce((sum, [first, last]) => sum + last - first + 1, 0);
  }
}

function findTable(font: Buffer, tag: string): number {
  const tables = font.readUInt16BE(4);
  for (let index = 0; index < tables; index++) {
    const record = 12 + index * 16;
    if (font.toString('latin1', record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`The font has no ${tag} table.`);
}

/** The Unicode subtable: full repertoire (format 12) when present, else the BMP one (format 4). */
function bestSubtable(font: Buffer, cmap: number): number {
  const count = font.readUInt16BE(cmap + 2);
  let bmp: number | undefined;
  for (let index = 0; index < count; index++) {
    const record = cmap + 4 + index * 8;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const offset = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) return offset;
    if (format === 4) bmp ??= offset;
  }
  if (bmp === undefined) throw new Error('The font has no Unicode cmap subtable.');
  return bmp;
}

function format12(font: Buffer, table: number): [number, number][] {
  const groups = font.readUInt32BE(table + 12);
  const ranges: [number, number][] = [];
  for (let index = 0; index < groups; index++) {
    const group = table + 16 + index * 12;
    ranges.push([font.readUInt32BE(group), font.readUInt32BE(group + 4)]);
  }
  return ranges;
}

function format4(font: Buffer, table: number): [number, number][] {
  const segments = font.readUInt16BE(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const ranges: [number, number][] = [];
  for (let segment = 0; segment < segments; segment++) {
    const start = font.readUInt16BE(starts + segment * 2);
    const end = font.readUInt16BE(ends + segment * 2);
    const delta = font.readUInt16BE(deltas + segment * 2);
    const rangeOffsetAt = rangeOffsets + segment * 2;
    const rangeOffset = font.readUInt16BE(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      // A code point maps to glyph 0 (.notdef) when the font has no glyph for it.
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const at = rangeOffsetAt + rangeOffset + (code - start) * 2;
        glyph = font.readUInt16BE(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) ranges.push([code, code]);
    }
  }
  return ranges;
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.toSorted((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [first, last] of sorted) {
    const previous = merged.at(-1);
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}
