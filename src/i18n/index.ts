import * as boards from './messages/boards.js';
import * as bot from './messages/bot.js';
import * as common from './messages/common.js';
import * as content from './messages/content.js';
import * as groups from './messages/groups.js';
import * as ops from './messages/ops.js';
import * as pictures from './messages/pictures.js';
import * as store from './messages/store.js';
import * as verify from './messages/verify.js';

/**
 * Typed message catalogues. Each area of the bot keeps its messages in its own file under
 * messages/ (Korean first, English with exactly the same keys) and is merged here, so a key
 * that does not exist is a type error, not a blank message.
 */
const ko = {
  ...common.ko,
  ...content.ko,
  ...verify.ko,
  ...bot.ko,
  ...store.ko,
  ...groups.ko,
  ...boards.ko,
  ...pictures.ko,
  ...ops.ko,
} as const;
const en: Record<MessageKey, string> = {
  ...common.en,
  ...content.en,
  ...verify.en,
  ...bot.en,
  ...store.en,
  ...groups.en,
  ...boards.en,
  ...pictures.en,
  ...ops.en,
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
