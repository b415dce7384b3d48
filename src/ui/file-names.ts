import { trimChar } from '../strings.js';

/**
 * A piece of an attachment's file name that every client and file system keeps as it is: lower-case
 * ASCII letters and digits, other runs turned into one dash (`5.2` → `5-2`); `fallback` when
 * nothing is left.
 */
export function fileNamePart(value: string, fallback: string): string {
  return trimChar(value.toLowerCase().replace(/[^a-z0-9]+/g, '-'), '-') || fallback;
}
