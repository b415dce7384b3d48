import { createHash } from 'node:crypto';
import type { Picture } from './sketch.js';

/**
 * Remembers the last few pictures drawn, by what they show. Drawing and encoding a large funnel
 * costs tens of milliseconds; an instructor who runs /stats again on unchanged numbers (or a
 * colleague who asks for the same lesson and scope) gets the same bytes back at once. The key is
 * a digest of everything the picture depends on, so a changed count or word is a new picture.
 */
export class PictureCache {
  private readonly entries = new Map<string, Picture>();

  constructor(private readonly capacity: number) {}

  /** The picture for `key`, drawn by `draw` only when it is not remembered. */
  get<Part extends string>(key: unknown, draw: () => Picture<Part>): Picture<Part> {
    const digest = createHash('sha256').update(JSON.stringify(key)).digest('base64url');
    const known = this.entries.get(digest);
    if (known) {
      // Most recently used last: the first entry is the one to forget.
      this.entries.delete(digest);
      this.entries.set(digest, known);
      return known as Picture<Part>;
    }
    const picture = draw();
    this.entries.set(digest, picture);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return picture;
  }

  get size(): number {
    return this.entries.size;
  }
}
