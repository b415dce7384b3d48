import { DEFAULT_COURSE_TIME_ZONE } from '../calendar.js';
import type { EpochMs } from './types.js';

/**
 * The course calendar: which week and month a moment belongs to in the server's time zone.
 * Weeks start on Monday (as in Korea). Keys are what period_scores stores:
 * `w2026-11-30` (the week's Monday), `m2026-11`, and `s<season id>` for seasons.
 */

export type PeriodKind = 'week' | 'month' | 'season';

/** Every real time zone's offset is a multiple of 15 minutes, so a key never changes inside one. */
const quarterHourMs = 15 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/** A calendar date as numbers (month 1–12). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface PeriodKeys {
  week: string;
  month: string;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `2026-11-30`. */
export function dateKey(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** The date `days` after `date` (calendar arithmetic, no time zone involved). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * dayMs);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** Reads week and month keys of moments in one time zone; remembers the last quarter hour asked. */
export class PeriodCalendar {
  private readonly format: Intl.DateTimeFormat;
  private lastQuarter = Number.NaN;
  private lastKeys: PeriodKeys = { week: '', month: '' };

  constructor(readonly timeZone: string = DEFAULT_COURSE_TIME_ZONE) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
  }

  /** The local calendar date of a moment. */
  dateOf(at: EpochMs): CalendarDate {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(at)) {
      if (part.type === 'year' || part.type === 'month' || part.type === 'day')
        parts[part.type] = Number(part.value);
    }
    return { year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1 };
  }

  /** The Monday of the local week holding `at`. */
  weekStartOf(at: EpochMs): CalendarDate {
    const date = this.dateOf(at);
    // getUTCDay of the calendar date: 0 Sunday … 6 Saturday; Monday starts the week.
    const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
    return addDays(date, -((weekday + 6) % 7));
  }

  /** The week and month keys of a moment. */
  keysOf(at: EpochMs): PeriodKeys {
    const quarter = Math.floor(at / quarterHourMs);
    if (quarter !== this.lastQuarter) {
      const date = this.dateOf(at);
      this.lastKeys = { week: weekKey(this.weekStartOf(at)), month: monthKey(date) };
      this.lastQuarter = quarter;
    }
    return this.lastKeys;
  }
}

export function weekKey(monday: CalendarDate): string {
  return `w${dateKey(monday)}`;
}

export function monthKey(date: Pick<CalendarDate, 'year' | 'month'>): string {
  return `m${pad(date.year, 4)}-${pad(date.month)}`;
}

export function seasonKey(seasonId: number): string {
  return `s${seasonId}`;
}
