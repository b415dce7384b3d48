import { localizedCommandPath } from '../i18n/command-mentions.js';
import type { CommandData } from '../interactions/command-args.js';

/** What the console knows to name: the commands it serves and the people and channels it made up. */
export interface ConsoleNames {
  commands: readonly CommandData[];
  /** Korean clients see Korean command names; others the English ones. */
  locale: 'ko' | 'en';
  /** Names by id (a Map will do); looked up as each message is shown, so new groups are named. */
  users: { get(id: string): string | undefined };
  channels: { get(id: string): string | undefined };
}

const COMMAND_MENTION = /<\/([^<>:]{1,100}):\d{1,20}>/g;
const USER_MENTION = /<@!?(\d{1,20})>/g;
const CHANNEL_MENTION = /<#(\d{1,20})>/g;
const TIMESTAMP = /<t:(-?\d{1,15})(?::[tTdDfFR])?>/g;

function readableTime(seconds: string, locale: 'ko' | 'en'): string {
  const date = new Date(Number(seconds) * 1000);
  if (Number.isNaN(date.getTime())) return seconds;
  return date.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-US', { timeZone: 'UTC', timeZoneName: 'short' });
}

/**
 * Discord's markup that a terminal cannot render, shown the way a Discord client would: command
 * mentions as `/레슨 계속`, `<@id>` as `@name`, `<#id>` as `#name`, `<t:…>` as a date.
 */
export function readableMentions(text: string, names: ConsoleNames): string {
  return text
    .replace(
      COMMAND_MENTION,
      (_whole, path: string) => `\`/${localizedCommandPath(path, names.commands, names.locale)}\``,
    )
    .replace(USER_MENTION, (_whole, id: string) => `@${names.users.get(id) ?? id}`)
    .replace(CHANNEL_MENTION, (_whole, id: string) => `#${names.channels.get(id) ?? id}`)
    .replace(TIMESTAMP, (_whole, seconds: string) => readableTime(seconds, names.locale));
}
