import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import type { ProblemList } from './errors.js';
import { lineAtByte } from './parse/bounds.js';

export interface CappedRead {
  /** At most `maxBytes + 1` bytes: one more than allowed tells that the file is too large. */
  bytes: Uint8Array;
  /** The file's full size when known (regular files), else the bytes read. */
  totalBytes: number;
}

/**
 * Reads at most `maxBytes + 1` bytes of a file, so a huge file never fills memory and a file that
 * is too large is still told apart. Works for pipes too (reads until the writer closes).
 */
export async function readCapped(file: string, maxBytes: number): Promise<CappedRead> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: buffer.subarray(0, length), totalBytes: Math.max(size, length) };
  } finally {
    await handle.close();
  }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let follow: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) follow = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      follow = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      follow = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let next = 1; next <= follow; next += 1) {
      const byte = bytes[index + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return index;
    }
    index += follow + 1;
  }
  return -1;
}

/** The text of UTF-8 bytes, or null with a problem at the line of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, file: string, problems: ProblemList): string | null {
  if (!isUtf8(bytes)) {
    problems.add(file, lineAtByte(bytes, Math.max(0, firstInvalidUtf8(bytes))), 'content.error.notUtf8');
    return null;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
