import { defaultCourseTimeZone, isKnownTimeZone } from '../../clock.js';
import type { Locale } from '../../i18n/index.js';

/** Numbers, dates and identifiers as a picture prints them. */

const INTL_LOCALE: Record<Locale, string> = { ko: 'ko-KR', en: 'en-US' };

/** The course time zone's default (the store's calendar uses the same). */
export const DEFAULT_TIME_ZONE = defaultCourseTimeZone;

/** Built once per locale: constructing an Intl formatter costs more than formatting. */
const numberFormats: Record<Locale, Intl.NumberFormat> = {
  ko: new Intl.NumberFormat(INTL_LOCALE.ko),
  en: new Intl.NumberFormat(INTL_LOCALE.en),
};

export function formatCount(value: number, locale: Locale): string {
  return numberFormats[locale].format(value);
}

/** Whole percent of `part` in `whole`; 0 when there is no whole. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** True when Intl knows the IANA time zone (e.g. "Asia/Seoul"). */
export const isTimeZone = isKnownTimeZone;

/** Date formatters by locale and time zone; only valid zones are kept, so the map stays small. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "2025년 9월 1일" / "September 1, 2025", as the day was in `timeZone`. */
export function formatDate(date: Date, locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): string {
  const key = `${locale} ${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}".`);
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

const DIGEST = /^([a-z0-9]{1,32}):([a-f0-9]{32,256})$/;

/** `sha256:1a2b3c4d5e6f…9f0e`: Docker's 12-character short form plus the last four to compare. */
export function shortDigest(digest: string): string {
  const match = DIGEST.exec(digest);
  if (!match) return digest;
  const [, algorithm, hex] = match as unknown as [string, string, string];
  return `${algorithm}:${hex.slice(0, 12)}…${hex.slice(-4)}`;
}

/** A Discord command mention `</course certificate:123>` as a person types it: `/course certificate`. */
const COMMAND_MENTION = /<\/([\w -]{1,100}):\d{1,25}>/g;

export function commandAsTyped(text: string): string {
  return text.replace(COMMAND_MENTION, (_whole, name: string) => `/${name}`);
}
