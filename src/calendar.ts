/**
 * Weeks and weekly slots in the course's time zone (Asia/Seoul by default). A week starts on
 * Monday 00:00 local time; weeks are numbered from the Monday 1969-12-29, so consecutive weeks
 * have consecutive numbers. No dependencies: the store, services and views all use it.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday: shifting by three days makes weeks start on Monday. */
const MONDAY_SHIFT_DAYS = 3;

export const DEFAULT_COURSE_TIME_ZONE = 'Asia/Seoul';

/** Days of the week as the digest setting stores them: 0 = Monday … 6 = Sunday. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** True when Intl knows the IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export class CourseCalendar {
  private readonly parts: Intl.DateTimeFormat;
  /** UTC offsets by hour: an event costs a map lookup, not an Intl call. Bounded by clearing. */
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string = DEFAULT_COURSE_TIME_ZONE) {
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** How far local time is ahead of UTC at `at`, in ms. */
  offsetAt(at: number): number {
    const hour = Math.floor(at / HOUR_MS);
    const cached = this.offsets.get(hour);
    if (cached !== undefined) return cached;
    const fields: Record<string, number> = {};
    for (const part of this.parts.formatToParts(hour * HOUR_MS)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const local = Date.UTC(
      fields.year!,
      fields.month! - 1,
      fields.day!,
      fields.hour!,
      fields.minute!,
      fields.second!,
    );
    const offset = local - hour * HOUR_MS;
    if (this.offsets.size > 1000) this.offsets.clear();
    this.offsets.set(hour, offset);
    return offset;
  }

  /** The number of the local week `at` falls in. */
  weekOf(at: number): number {
    const localDays = Math.floor((at + this.offsetAt(at)) / DAY_MS);
    return Math.floor((localDays + MONDAY_SHIFT_DAYS) / 7);
  }

  /** The epoch time of a local wall-clock time given as ms since the epoch in local terms. */
  private fromLocal(localMs: number): number {
    const guess = localMs - this.offsetAt(localMs);
    return localMs - this.offsetAt(guess);
  }

  /** When week `week` starts: its Monday 00:00 local time. */
  weekStart(week: number): number {
    return this.fromLocal((week * 7 - MONDAY_SHIFT_DAYS) * DAY_MS);
  }

  /** The latest time ≤ `at` that is `day` at `hour`:00 local time (a weekly slot). */
  latestSlot(at: number, day: DayOfWeek, hour: number): number {
    const week = this.weekOf(at);
    const slot = (w: number) => this.fromLocal((w * 7 - MONDAY_SHIFT_DAYS + day) * DAY_MS + hour * HOUR_MS);
    const thisWeek = slot(week);
    return thisWeek <= at ? thisWeek : slot(week - 1);
  }
}

export { DAY_MS, WEEK_MS };
