/** Time as the services see it; tests pass a controllable clock instead of Date.now. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The course time zone unless configured (COURSE_TIME_ZONE): the course runs in Korea. */
export const defaultCourseTimeZone = 'Asia/Seoul';

/** True when Intl knows the IANA time zone (e.g. "Asia/Seoul"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
