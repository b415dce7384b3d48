import { createHash } from 'node:crypto';

/** Removes a BOM and turns CRLF/CR into LF, so the same lesson saved on Windows parses the same. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** sha256 (hex) of the normalised text: the lesson's content version. */
export function contentHashOf(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

/** The short content version carried in button ids: the first 8 hex characters of the hash. */
export function shortVersion(contentHash: string): string {
  return contentHash.slice(0, 8);
}
