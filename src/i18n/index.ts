import * as author from './messages/author.js';
import * as boards from './messages/boards.js';
import * as common from './messages/common.js';
import * as localConsole from './messages/console.js';
import * as corrections from './messages/corrections.js';
import * as courseAdmin from './messages/course-admin.js';
import * as lesson from './messages/lesson.js';
import * as ops from './messages/ops.js';
import * as pictures from './messages/pictures.js';
import * as progress from './messages/progress.js';
import * as quiz from './messages/quiz.js';
import * as recognition from './messages/recognition.js';
import * as studyGroups from './messages/study-groups.js';
import * as verify from './messages/verify.js';
import * as weekly from './messages/weekly.js';

/**
 * Typed message catalogues, one file per area a user sees (messages/: a command's or a tool's
 * words), Korean first and English with exactly the same keys, merged here so that a key that does
 * not exist is a type error, not a blank message.
 */
const ko = {
  ...common.ko,
  ...lesson.ko,
  ...quiz.ko,
  ...progress.ko,
  ...verify.ko,
  ...studyGroups.ko,
  ...boards.ko,
  ...corrections.ko,
  ...courseAdmin.ko,
  ...localConsole.ko,
  ...author.ko,
  ...ops.ko,
  ...pictures.ko,
  ...weekly.ko,
  ...recognition.ko,
} as const;
const en: Record<MessageKey, string> = {
  ...common.en,
  ...lesson.en,
  ...quiz.en,
  ...progress.en,
  ...verify.en,
  ...studyGroups.en,
  ...boards.en,
  ...corrections.en,
  ...courseAdmin.en,
  ...localConsole.en,
  ...author.en,
  ...ops.en,
  ...pictures.en,
  ...weekly.en,
  ...recognition.en,
};

export type MessageKey = keyof typeof ko;
export type Locale = 'ko' | 'en';
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { ko, en };

/** Discord sends locales like "ko", "en-US", "ja": Korean for "ko", English for everything else. */
export function localeFrom(discordLocale: string | null | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** An operator's terminal: Korean unless the shell's language is English. */
export function operatorLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return env.LANG?.toLowerCase().startsWith('en') ? 'en' : 'ko';
}

/** Looks up a message and fills `{name}` placeholders; an unknown placeholder stays visible. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one locale, handed to renderers and handlers. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}

/** Both catalogues, for checks that every key has text in every locale. */
export const allCatalogues = catalogues;
