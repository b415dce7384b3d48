import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { type ButtonFamily, type Currency, defineButtons } from '../src/interactions/buttons.js';
import type { AutocompleteChoice, Call } from '../src/interactions/call.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import type { CatalogEntry } from '../src/services/catalog.js';
import type { ButtonIds } from '../src/ui/buttons/button-ids.js';
import type { LessonPressBase } from '../src/ui/buttons/lesson-buttons.js';
import { escapeUserText } from '../src/ui/escape.js';

/**
 * What /lesson, /quiz, /leaderboard and /stats share about lessons: the `lesson` option, how it
 * is read and autocompleted, and how lesson and quiz buttons are checked.
 */

/** The `lesson` option (autocompleted from the course). */
export const lessonOption = {
  type: ApplicationCommandOptionType.String,
  name: 'lesson',
  name_localizations: { ko: '레슨' },
  description: 'Lesson number or title',
  description_localizations: { ko: '레슨 번호 또는 제목' },
  required: true,
  autocomplete: true,
  max_length: 100,
} as const;

/** The lesson a learner named, or a friendly refusal that repeats what they typed (escaped). */
export function requireLesson(app: AppContext, query: string): CatalogEntry {
  const entry = app.catalog.resolve(query);
  if (!entry)
    throw new UserFacingError('lesson.unknown', { query: escapeUserText(query, { max: 50, inCode: true }) });
  return entry;
}

/** Autocomplete for a `lesson` option: id or title contains what was typed (Korean included). */
export function lessonChoices(app: AppContext, typed: string): AutocompleteChoice[] {
  return app.catalog.search(typed).map(({ lesson }) => ({
    name: `${lesson.id} ${lesson.title}`.slice(0, 100),
    value: lesson.id,
  }));
}

/** A lesson button acts on its lesson only while the course serves it with the same content. */
function currentLesson(app: AppContext, press: LessonPressBase): Currency<CatalogEntry> {
  const found = app.catalog.findVersion(press.lessonId, press.version);
  switch (found.kind) {
    case 'current':
      return { ok: true, value: found.entry };
    case 'retired':
      return { ok: false, refusal: 'button.unknownLesson' };
    case 'changed':
      return { ok: false, refusal: 'button.stale' };
  }
}

/**
 * A kind of lesson or quiz button: anyone may press it on their own page (the owner in its id),
 * while its lesson is unchanged; `handle` gets the lesson it was made for.
 */
export function lessonButton<Press extends LessonPressBase>(
  name: string,
  ids: ButtonIds<Press>,
  handle: (app: AppContext, call: Call, press: Press, entry: CatalogEntry) => Promise<void>,
): ButtonFamily<AppContext, Press, CatalogEntry> {
  return defineButtons<AppContext, Press, CatalogEntry>({
    name,
    ids,
    access: 'everyone',
    owner: (press) => press.ownerId,
    current: currentLesson,
    handle,
  });
}
