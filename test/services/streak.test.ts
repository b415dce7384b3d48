/**
 * A streak of active weeks, kept with each learning event in the course time zone and shown by
 * ProgressService: a real SQLite file, the real migrations, the store's own recording paths.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourseCalendar } from '../../src/calendar.js';
import { ProgressService } from '../../src/services/progress.js';
import { guildId, makeCourse, makeLesson, type TempStore, tempStore, user } from '../store/factory.js';
import { ManualClock } from '../support/manual-clock.js';

const learner = { guildId, userId: user(1) };
const steps = ['step-1', 'step-2', 'step-3', 'step-4', 'step-5', 'step-6'];
let temp: TempStore;
let clock: ManualClock;
let progress: ProgressService;

beforeEach(() => {
  temp = tempStore();
  temp.store.lessons.sync(makeCourse(makeLesson({ id: '5.2', steps, questions: { 'question-1': 'A' } })));
  clock = new ManualClock();
  progress = new ProgressService(temp.store, clock, new CourseCalendar('Asia/Seoul'));
});
afterEach(() => temp.cleanup());

/** A Seoul wall-clock time as epoch ms (Seoul is UTC+9 all year). */
const seoul = (local: string) => Date.parse(`${local}+09:00`);

function stepAt(stepId: string, local: string) {
  clock = new ManualClock(seoul(local));
  temp.store.progress.completeStep({ ...learner, lessonId: '5.2', stepId, at: clock.now() });
}

function streakOn(local: string) {
  const at = new ManualClock(seoul(local));
  return new ProgressService(temp.store, at, new CourseCalendar('Asia/Seoul')).streak(learner);
}

describe('streak of active weeks', () => {
  it('counts consecutive Seoul weeks (Monday 00:00 to Sunday 24:00) with a learning event', () => {
    expect(progress.streak(learner)).toEqual({ weeks: 0, activeThisWeek: false });
    // Sunday 23:30 in Seoul is still the first week, though in UTC it is Sunday 14:30.
    stepAt('step-1', '2026-03-01T23:30:00');
    expect(streakOn('2026-03-01T23:59:00')).toEqual({ weeks: 1, activeThisWeek: true });
    // Monday 00:10 Seoul (Sunday 15:10 UTC) starts the next week.
    stepAt('step-2', '2026-03-02T00:10:00');
    stepAt('step-3', '2026-03-04T12:00:00');
    expect(streakOn('2026-03-05T08:00:00')).toEqual({ weeks: 2, activeThisWeek: true });
    // The week after, nothing yet: the streak stands and can still grow.
    expect(streakOn('2026-03-10T08:00:00')).toEqual({ weeks: 2, activeThisWeek: false });
    // A quiz answer counts as learning, too.
    clock = new ManualClock(seoul('2026-03-11T09:00:00'));
    temp.store.quiz.recordAnswer({
      ...learner,
      lessonId: '5.2',
      questionId: 'question-1',
      chosen: 'B',
      at: clock.now(),
    });
    expect(streakOn('2026-03-11T10:00:00')).toEqual({ weeks: 3, activeThisWeek: true });
  });

  it('breaks after a whole week without learning, and starts again at 1', () => {
    stepAt('step-1', '2026-03-02T10:00:00');
    stepAt('step-2', '2026-03-09T10:00:00');
    expect(streakOn('2026-03-09T11:00:00').weeks).toBe(2);
    // The week of 03-16 passes without learning: by 03-23 the streak is gone.
    expect(streakOn('2026-03-23T09:00:00')).toEqual({ weeks: 0, activeThisWeek: false });
    stepAt('step-3', '2026-03-24T10:00:00');
    expect(streakOn('2026-03-24T11:00:00')).toEqual({ weeks: 1, activeThisWeek: true });
  });

  it('ignores a late event from an earlier week and page views (not learning)', () => {
    stepAt('step-1', '2026-03-09T10:00:00');
    stepAt('step-2', '2026-03-02T10:00:00');
    expect(streakOn('2026-03-09T11:00:00')).toEqual({ weeks: 1, activeThisWeek: true });
    temp.store.progress.setPosition({
      ...learner,
      lessonId: '5.2',
      pageIndex: 1,
      at: seoul('2026-03-16T10:00:00'),
    });
    expect(streakOn('2026-03-16T11:00:00')).toEqual({ weeks: 1, activeThisWeek: false });
  });
});
