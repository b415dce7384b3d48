import * as zlib from 'node:zlib';

/**
 * A PNG encoder for opaque canvas pixels. Skia's own encoder tries every row filter at zlib's
 * default level, which costs several times more CPU than drawing the picture; flat UI colours
 * compress as well with no filter at level 1 (measured in bench/pictures.ts), so the bot spends
 * a few milliseconds instead of tens per picture.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const RGBA_8_BIT = { bitDepth: 8, colorType: 6 } as const;

/**
 * Encodes `rgba` (4 bytes a pixel, rows top to bottom) as PNG. The canvas stores premultiplied
 * alpha, which equals straight alpha only for opaque pixels: pictures always paint an opaque
 * background first.
 */
export function encodeOpaquePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height)
    throw new RangeError(`Expected ${stride * height} bytes, got ${rgba.length}.`);
  const source = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  // Every row starts with its filter type; 0 = none.
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) source.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = RGBA_8_BIT.bitDepth;
  header[9] = RGBA_8_BIT.colorType;
  // Bytes 10–12: deflate compression, adaptive filtering, no interlace (all 0).
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** Node's native CRC-32 (Node 20.15 and later), else the table below. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** CRC-32 as PNG chunks use it (ISO 3309). */
export function crc32(bytes: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(bytes) : tableCrc32(bytes);
}

/** The same CRC in plain JavaScript, for Node versions without zlib.crc32. */
export function tableCrc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
