import { type CommandDirectory, type CommandPath, isCommandPath, noCommandIds } from './command-mentions.js';
import * as author from './messages/author.js';
import * as boards from './messages/boards.js';
import * as common from './messages/common.js';
import * as localConsole from './messages/console.js';
import * as corrections from './messages/corrections.js';
import * as courseAdmin from './messages/course-admin.js';
import * as lesson from './messages/lesson.js';
import * as ops from './messages/ops.js';
import * as path from './messages/path.js';
import * as pictures from './messages/pictures.js';
import * as progress from './messages/progress.js';
import * as quiz from './messages/quiz.js';
import * as recognition from './messages/recognition.js';
import * as studyGroups from './messages/study-groups.js';
import * as verify from './messages/verify.js';
import * as weekly from './messages/weekly.js';
import { fillCommands, fillTemplate, type ParamsOf, type ParamValues } from './template.js';

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
  ...path.ko,
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
  ...path.en,
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

type KoreanCatalogue = typeof ko;
export type MessageKey = keyof KoreanCatalogue;
export type Locale = 'ko' | 'en';
/** Values for any key's parameters: for messages whose key is chosen at run time and kept. */
export type MessageParams = ParamValues;
/** The parameters of one key, read from its Korean template: a missing or extra one is a type error. */
export type ParamsFor<Key extends MessageKey> = {
  readonly [Name in ParamsOf<KoreanCatalogue[Key]>]: string | number;
};
/** The rest arguments after a key: nothing for a key without parameters, else its parameters. */
export type ParamsArg<Key extends MessageKey> = Key extends MessageKey
  ? [ParamsOf<KoreanCatalogue[Key]>] extends [never]
    ? [params?: Readonly<Record<string, never>>]
    : [params: ParamsFor<Key>]
  : never;

const catalogues: Record<Locale, Record<MessageKey, string>> = { ko, en };

/** Discord sends locales like "ko", "en-US", "ja": Korean for "ko", English for everything else. */
export function localeFrom(discordLocale: string | null | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** An operator's terminal: Korean unless the shell's language is English. */
export function operatorLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return env.LANG?.toLowerCase().startsWith('en') ? 'en' : 'ko';
}

/**
 * Looks up a message, fills its `{name}` parameters and chooses its `{을/를}` particles from the
 * words actually filled in (template.ts); an unknown placeholder stays visible.
 */
export function t<Key extends MessageKey>(locale: Locale, key: Key, ...params: ParamsArg<Key>): string {
  return fill(locale, key, params[0] ?? {}, noCommandIds);
}

/**
 * One message in one locale: its `</lesson next>` commands as the directory names them (a mention
 * once the ids are known), then its parameters and particles.
 */
function fill(locale: Locale, key: MessageKey, params: MessageParams, commands: CommandDirectory): string {
  return fillTemplate(
    fillCommands(catalogues[locale][key], (path, token) =>
      isCommandPath(path) ? commands.mention(path, locale) : token,
    ),
    params,
  );
}

/** A message whose key is chosen at run time (a refusal, an author error), filled in later. */
export interface LooseMessage {
  key: MessageKey;
  params: MessageParams;
}

/** Builds a kept message with the key's own parameters checked here, where the key is known. */
export function message<Key extends MessageKey>(key: Key, ...params: ParamsArg<Key>): LooseMessage {
  return { key, params: params[0] ?? {} };
}

/** A translator bound to one locale, handed to renderers and handlers. */
export interface Translate {
  <Key extends MessageKey>(key: Key, ...params: ParamsArg<Key>): string;
  /** A message kept with its parameters (see `message`). */
  loose(kept: LooseMessage): string;
  /** A command as the reader's client names it: a clickable mention once the command ids are known. */
  command(path: CommandPath): string;
  readonly locale: Locale;
}

export function translator(locale: Locale, commands: CommandDirectory = noCommandIds): Translate {
  const translate = <Key extends MessageKey>(key: Key, ...params: ParamsArg<Key>) =>
    fill(locale, key, params[0] ?? {}, commands);
  return Object.assign(translate, {
    loose: (kept: LooseMessage) => fill(locale, kept.key, kept.params, commands),
    command: (path: CommandPath) => commands.mention(path, locale),
    locale,
  });
}

/** Fills a kept message in one locale (for adapters without a bound translator). */
export function tLoose(locale: Locale, kept: LooseMessage): string {
  return fill(locale, kept.key, kept.params, noCommandIds);
}

/** Both catalogues, for checks that every key has text in every locale. */
export const allCatalogues = catalogues;
