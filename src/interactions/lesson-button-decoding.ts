import type { AppContext } from '../app/context.js';
import { shortVersion } from '../content/index.js';
import type { CatalogEntry } from '../services/catalog.js';
import { type CustomId, decodeCustomId } from '../ui/index.js';
import type { ButtonDecoding } from './dispatcher.js';
import { UserFacingError } from './errors.js';

/** A lesson or quiz button, read back and matched to the lesson it was made for. */
export type LessonPress = CustomId & { entry: CatalogEntry };

/**
 * Reads a button's custom id: tampered ids are malformed, ids of lessons no longer served are
 * unknown, ids made for other content of the lesson are stale. None of these change anything.
 */
export function decodeLessonButton(app: AppContext, raw: string): ButtonDecoding<LessonPress> {
  const decoded = decodeCustomId(raw);
  if (!decoded.ok) return { ok: false, refusal: new UserFacingError('button.malformed') };
  const { value } = decoded;
  const entry = app.catalog.find(value.lessonId);
  if (!entry)
    return { ok: false, refusal: new UserFacingError('button.unknownLesson'), ownerId: value.ownerId };
  if (shortVersion(entry.lesson.contentHash) !== value.version) {
    return { ok: false, refusal: new UserFacingError('button.stale'), ownerId: value.ownerId };
  }
  return { ok: true, press: { ...value, entry } };
}
