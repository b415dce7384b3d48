import { describe, expect, it } from 'vitest';
import { CourseCalendar } from '../src/calendar.js';

describe('CourseCalendar', () => {
  it('numbers Seoul weeks from Monday 00:00 local time', () => {
    const seoul = new CourseCalendar('Asia/Seoul');
    const sunday = seoul.weekOf(Date.parse('2026-03-08T23:59:59+09:00'));
    const monday = seoul.weekOf(Date.parse('2026-03-09T00:00:00+09:00'));
    expect(monday).toBe(sunday + 1);
    expect(seoul.weekStart(monday)).toBe(Date.parse('2026-03-09T00:00:00+09:00'));
  });

  it('finds the latest weekly slot at or before a time', () => {
    const seoul = new CourseCalendar('Asia/Seoul');
    const at = (local: string) => Date.parse(`${local}+09:00`);
    expect(seoul.latestSlot(at('2026-03-09T09:00:00'), 0, 9)).toBe(at('2026-03-09T09:00:00'));
    expect(seoul.latestSlot(at('2026-03-09T08:59:59'), 0, 9)).toBe(at('2026-03-02T09:00:00'));
    // Sunday 21:00 is the last slot of the week that starts on Monday.
    expect(seoul.latestSlot(at('2026-03-09T10:00:00'), 6, 21)).toBe(at('2026-03-08T21:00:00'));
  });

  it('keeps the local hour across a daylight-saving change', () => {
    const berlin = new CourseCalendar('Europe/Berlin');
    // Summer time starts on Sunday 2026-03-29: Monday 9:00 is UTC+1 before and UTC+2 after.
    expect(berlin.latestSlot(Date.parse('2026-03-24T12:00:00Z'), 0, 9)).toBe(
      Date.parse('2026-03-23T09:00:00+01:00'),
    );
    expect(berlin.latestSlot(Date.parse('2026-03-31T12:00:00Z'), 0, 9)).toBe(
      Date.parse('2026-03-30T09:00:00+02:00'),
    );
    const before = berlin.weekOf(Date.parse('2026-03-29T23:59:00+02:00'));
    expect(berlin.weekOf(Date.parse('2026-03-30T00:00:00+02:00'))).toBe(before + 1);
  });
});
