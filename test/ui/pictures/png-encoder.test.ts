import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { crc32, encodeOpaquePng, tableCrc32 } from '../../../src/ui/pictures/png-encoder.js';

describe('encodeOpaquePng', () => {
  it('writes a PNG that an independent decoder reads back pixel for pixel', () => {
    const width = 7;
    const height = 5;
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([(i * 37) & 255, (i * 11) & 255, 255 - i, 255], i * 4);
    const png = PNG.sync.read(encodeOpaquePng(rgba, width, height));
    expect([png.width, png.height]).toEqual([width, height]);
    expect(Buffer.from(png.data).equals(Buffer.from(rgba))).toBe(true);
  });

  it('refuses pixels that do not match the size', () => {
    expect(() => encodeOpaquePng(new Uint8Array(10), 2, 2)).toThrow(RangeError);
  });

  it('computes the chunk CRC the same way with or without Node’s native CRC', () => {
    const bytes = Buffer.from('IEND');
    expect(tableCrc32(bytes)).toBe(0xae426082);
    expect(crc32(bytes)).toBe(0xae426082);
  });
});
