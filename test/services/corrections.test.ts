import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIRM_WINDOW_MS, CorrectionService } from '../../src/services/corrections.js';
import { guildId, makeCourse, makeLesson, type TempStore, tempStore, user } from '../store/factory.js';
import { ledgerComparison } from '../store/ledger-invariant.js';

const lesson = makeLesson({ id: '5.2', steps: ['step-1', 'step-2'], questions: { q1: 'A' } });
const other = makeLesson({ id: '5.3', steps: ['step-1'] });
let now = Date.UTC(2026, 11, 2, 3, 0);
const clock = { now: () => now };
const instructor = { guildId, userId: user(90), isInstructor: true };
const otherInstructor = { guildId, userId: user(91), isInstructor: true };
const learnerViewer = { guildId, userId: user(1), isInstructor: false };
const learner = { guildId, userId: user(1) };

let temp: TempStore;
let corrections: CorrectionService;
beforeEach(() => {
  temp = tempStore();
  temp.store.lessons.sync(makeCourse(lesson, other));
  corrections = new CorrectionService(temp.store, clock);
});
afterEach(() => temp.cleanup());

function finishLesson(at = now) {
  const ref = { ...learner, lessonId: '5.2', at };
  temp.store.progress.completeStep({ ...ref, stepId: 'step-1' });
  temp.store.progress.completeStep({ ...ref, stepId: 'step-2' });
  temp.store.quiz.recordAnswer({ ...ref, questionId: 'q1', chosen: 'A' });
  temp.store.verifications.markVerified(ref);
}

describe('CorrectionService', () => {
  it('resets a lesson only on confirmation, exactly as previewed, with an audit entry and ledger row', () => {
    finishLesson();
    temp.store.progress.completeStep({ ...learner, lessonId: '5.3', stepId: 'step-1', at: now });
    const ask = corrections.requestReset(instructor, learner.userId, '5.2');
    expect(ask.kind).toBe('confirm');
    if (ask.kind !== 'confirm') return;
    // 2 steps (20) + first try (20) + completion (30) + verified (50) = 120, plus 40 in 5.3 (step and bonus).
    expect(ask.preview).toMatchObject({
      before: 160,
      after: 40,
      reset: { points: 120, steps: 2, questions: 1, verified: true, completed: true },
    });
    expect(temp.store.corrections.total(learner)).toBe(160);

    const result = corrections.confirm(instructor, ask.preview.pending.pendingId);
    expect(result).toMatchObject({
      kind: 'applied',
      record: {
        kind: 'reset-lesson',
        lessonId: '5.2',
        pointsBefore: 160,
        pointsAfter: 40,
        byUserId: instructor.userId,
        details: { steps: 2, questions: 1, verified: true, completed: true },
      },
    });
    expect(temp.store.progress.completedSteps({ ...learner, lessonId: '5.2' })).toEqual([]);
    expect(temp.store.quiz.questionStates({ ...learner, lessonId: '5.2' })).toEqual([]);
    expect(temp.store.progress.summary(learner).find((row) => row.lessonId === '5.2')).toMatchObject({
      points: 0,
      verified: false,
      completed: false,
    });
    expect(corrections.history(learner)).toHaveLength(1);
    const { fromLedger, kept, buckets } = ledgerComparison(temp.store.db);
    expect(kept).toEqual(fromLedger);
    expect(buckets.kept).toEqual(buckets.counted);
    // A second press finds nothing to apply.
    expect(corrections.confirm(instructor, ask.preview.pending.pendingId)).toEqual({ kind: 'gone' });

    // Finishing again earns the points again, the completion bonus and verification included.
    finishLesson(now + 1);
    expect(temp.store.corrections.total(learner)).toBe(160);
  });

  it('adjusts points with a required reason, never below zero, and refuses bad input', () => {
    finishLesson();
    expect(corrections.requestAdjust(instructor, learner.userId, 0, '이유', null)).toEqual({
      kind: 'invalid-points',
    });
    expect(corrections.requestAdjust(instructor, learner.userId, 10_001, '이유', null)).toEqual({
      kind: 'invalid-points',
    });
    expect(corrections.requestAdjust(instructor, learner.userId, 5, '  ', null)).toEqual({
      kind: 'invalid-reason',
    });
    expect(corrections.requestAdjust(instructor, learner.userId, 5, '줄\n바꿈', null)).toEqual({
      kind: 'invalid-reason',
    });
    expect(corrections.requestAdjust(instructor, learner.userId, -121, '과다', null)).toEqual({
      kind: 'below-zero',
      current: 120,
    });
    expect(corrections.requestAdjust(instructor, learner.userId, -1, '레슨 없음', '5.3')).toEqual({
      kind: 'below-zero',
      current: 0,
    });
    expect(temp.store.db.prepare('SELECT COUNT(*) AS n FROM pending_corrections').get()).toEqual({ n: 0 });

    const ask = corrections.requestAdjust(instructor, learner.userId, -20, '과제 중복 제출', '5.2');
    if (ask.kind !== 'confirm') throw new Error(ask.kind);
    const applied = corrections.confirm(instructor, ask.preview.pending.pendingId);
    expect(applied).toMatchObject({
      kind: 'applied',
      record: { pointsBefore: 120, pointsAfter: 100, reason: '과제 중복 제출' },
    });
    expect(temp.store.progress.summary(learner).find((row) => row.lessonId === '5.2')?.points).toBe(100);
    expect(
      temp.store.db
        .prepare('SELECT kind, points, correction_id IS NOT NULL AS linked FROM points_ledger WHERE kind = ?')
        .all('adjustment'),
    ).toEqual([{ kind: 'adjustment', points: -20, linked: 1 }]);
  });

  it('lets only the asking instructor confirm, within the window; cancel drops it; learners are refused', () => {
    temp.store.claims.claim({ ...learner, dockerId: 'kimdocker', at: now });
    expect(corrections.requestRelease(learnerViewer, learner.userId)).toEqual({ kind: 'not-allowed' });
    const ask = corrections.requestRelease(instructor, learner.userId);
    if (ask.kind !== 'confirm') throw new Error(ask.kind);
    const id = ask.preview.pending.pendingId;
    expect(corrections.confirm(otherInstructor, id)).toEqual({ kind: 'not-yours' });
    expect(corrections.cancel(otherInstructor, id)).toBe('not-yours');
    expect(corrections.confirm(learnerViewer, id)).toEqual({ kind: 'not-allowed' });
    expect(temp.store.claims.get(learner)).toBe('kimdocker');

    now += CONFIRM_WINDOW_MS + 1;
    expect(corrections.confirm(instructor, id)).toEqual({ kind: 'expired' });
    expect(temp.store.claims.get(learner)).toBe('kimdocker');

    const again = corrections.requestRelease(instructor, learner.userId);
    if (again.kind !== 'confirm') throw new Error(again.kind);
    expect(corrections.cancel(instructor, again.preview.pending.pendingId)).toBe(true);
    expect(corrections.confirm(instructor, again.preview.pending.pendingId)).toEqual({ kind: 'gone' });
    expect(temp.store.claims.get(learner)).toBe('kimdocker');

    const third = corrections.requestRelease(instructor, learner.userId);
    if (third.kind !== 'confirm') throw new Error(third.kind);
    expect(corrections.confirm(instructor, third.preview.pending.pendingId)).toMatchObject({
      kind: 'applied',
      record: {
        kind: 'release-docker-id',
        details: { dockerId: 'kimdocker' },
        pointsBefore: 0,
        pointsAfter: 0,
      },
    });
    expect(temp.store.claims.get(learner)).toBeNull();
    expect(corrections.requestRelease(instructor, learner.userId)).toEqual({ kind: 'no-claim' });
    expect(corrections.history(learner).map((record) => record.kind)).toEqual(['release-docker-id']);
  });

  it('never takes a total below zero when a reset follows a deduction without a lesson', () => {
    const learnerLesson = { ...learner, lessonId: '5.2' };
    temp.store.progress.completeStep({ ...learnerLesson, stepId: 'step-1', at: now });
    const adjust = corrections.requestAdjust(instructor, learner.userId, -10, '지각', null);
    if (adjust.kind !== 'confirm') throw new Error('expected a confirmation');
    corrections.confirm(instructor, adjust.preview.pending.pendingId);
    const reset = corrections.requestReset(instructor, learner.userId, '5.2');
    if (reset.kind !== 'confirm') throw new Error('expected a confirmation');
    const applied = corrections.confirm(instructor, reset.preview.pending.pendingId);
    expect(applied).toMatchObject({ kind: 'applied', record: { pointsBefore: 0, pointsAfter: 0 } });
    const { fromLedger, kept } = ledgerComparison(temp.store.db);
    expect(kept).toEqual(fromLedger);
    expect(kept.totals[`${guildId}|${learner.userId}`] ?? 0).toBe(0);
  });

  it('keeps every total, period score and bucket equal to the ledger after random events and corrections', () => {
    const actionArb = fc.oneof(
      fc.record({
        kind: fc.constant('step' as const),
        user: fc.integer({ min: 1, max: 3 }),
        lesson: fc.constantFrom('5.2', '5.3'),
        step: fc.constantFrom('step-1', 'step-2'),
      }),
      fc.record({
        kind: fc.constant('verify' as const),
        user: fc.integer({ min: 1, max: 3 }),
        lesson: fc.constantFrom('5.2', '5.3'),
      }),
      fc.record({
        kind: fc.constant('reset' as const),
        user: fc.integer({ min: 1, max: 3 }),
        lesson: fc.constantFrom('5.2', '5.3'),
      }),
      fc.record({
        kind: fc.constant('adjust' as const),
        user: fc.integer({ min: 1, max: 3 }),
        points: fc.integer({ min: -80, max: 80 }),
        lesson: fc.constantFrom(null, '5.2'),
      }),
      fc.record({ kind: fc.constant('season' as const) }),
      fc.record({ kind: fc.constant('time' as const), hours: fc.integer({ min: 1, max: 100 }) }),
    );
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 30 }), (actions) => {
        const run = tempStore();
        try {
          run.store.lessons.sync(makeCourse(lesson, other));
          const service = new CorrectionService(run.store, clock);
          for (const action of actions) {
            const who =
              action.kind === 'season' || action.kind === 'time'
                ? learner
                : { guildId, userId: user(action.user) };
            switch (action.kind) {
              case 'step':
                if (action.lesson === '5.3' && action.step === 'step-2') break;
                run.store.progress.completeStep({
                  ...who,
                  lessonId: action.lesson,
                  stepId: action.step,
                  at: now,
                });
                break;
              case 'verify':
                run.store.verifications.markVerified({ ...who, lessonId: action.lesson, at: now });
                break;
              case 'reset': {
                const ask = service.requestReset(instructor, who.userId, action.lesson);
                if (ask.kind === 'confirm') service.confirm(instructor, ask.preview.pending.pendingId);
                break;
              }
              case 'adjust': {
                const ask = service.requestAdjust(
                  instructor,
                  who.userId,
                  action.points,
                  '조정',
                  action.lesson,
                );
                if (ask.kind === 'confirm') service.confirm(instructor, ask.preview.pending.pendingId);
                break;
              }
              case 'season':
                run.store.seasons.start({ guildId, name: '시즌', startedBy: instructor.userId, at: now });
                break;
              case 'time':
                now += action.hours * 3_600_000;
            }
          }
          const { fromLedger, kept, buckets } = ledgerComparison(run.store.db);
          expect(kept).toEqual(fromLedger);
          expect(buckets.kept).toEqual(buckets.counted);
          for (const points of Object.values(kept.totals)) expect(points).toBeGreaterThanOrEqual(0);
        } finally {
          run.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
