import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { guildId, makeCourse, makeLesson, otherGuildId, type TempStore, tempStore, user } from './factory.js';
import { ledgerComparison } from './ledger-invariant.js';

const lessons = [
  makeLesson({ id: '5.1', steps: ['step-1', 'step-2'], questions: { q1: 'B' } }),
  makeLesson({ id: '5.2', steps: ['step-1', 'step-2', 'step-3'], questions: { q1: 'A', q2: 'C' } }),
];
/** Sunday 2026-11-29 12:00 in Seoul: events around it fall into two weeks and two months. */
const base = Date.UTC(2026, 10, 29, 3, 0, 0);
const hour = 3_600_000;

const learnerArb = fc.record({
  guild: fc.constantFrom(guildId, otherGuildId),
  user: fc.integer({ min: 1, max: 4 }),
  lesson: fc.constantFrom(0, 1),
  at: fc.integer({ min: -72, max: 72 * 2 }).map((hours) => base + hours * hour),
});

const eventArb = fc.oneof(
  learnerArb.chain((who) =>
    fc.record({
      kind: fc.constant('step' as const),
      who: fc.constant(who),
      step: fc.integer({ min: 0, max: 2 }),
    }),
  ),
  learnerArb.chain((who) =>
    fc.record({
      kind: fc.constant('answer' as const),
      who: fc.constant(who),
      question: fc.integer({ min: 0, max: 1 }),
      chosen: fc.constantFrom('A', 'B', 'C', 'D'),
    }),
  ),
  learnerArb.map((who) => ({ kind: 'verify' as const, who })),
);

type Event = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function apply(store: Store, event: Event): void {
  const lesson = lessons[event.who.lesson]!;
  const ref = {
    guildId: event.who.guild,
    userId: user(event.who.user),
    lessonId: lesson.id,
    at: event.who.at,
  };
  switch (event.kind) {
    case 'step': {
      const step = lesson.steps[event.step % lesson.steps.length]!;
      store.progress.completeStep({ ...ref, stepId: step.id });
      return;
    }
    case 'answer': {
      const question = lesson.quiz[event.question % lesson.quiz.length]!;
      store.quiz.recordAnswer({ ...ref, questionId: question.id, chosen: event.chosen });
      return;
    }
    case 'verify':
      store.verifications.markVerified(ref);
  }
}

let temp: TempStore | undefined;
afterEach(() => temp?.cleanup());

describe('the points ledger', () => {
  it('writes one row per award, with its kind and time, in the award’s transaction', () => {
    temp = tempStore();
    const { store } = temp;
    store.lessons.sync(makeCourse(...lessons));
    const ref = { guildId, userId: user(1), lessonId: '5.1' };
    store.progress.completeStep({ ...ref, stepId: 'step-1', at: base });
    store.progress.completeStep({ ...ref, stepId: 'step-1', at: base + 1 });
    store.quiz.recordAnswer({ ...ref, questionId: 'q1', chosen: 'A', at: base + 2 });
    store.quiz.recordAnswer({ ...ref, questionId: 'q1', chosen: 'B', at: base + 3 });
    store.progress.completeStep({ ...ref, stepId: 'step-2', at: base + 4 });
    store.verifications.markVerified({ ...ref, at: base + 5 });
    store.verifications.markVerified({ ...ref, at: base + 6 });
    const rows = store.db
      .prepare('SELECT lesson_id, kind, points, at FROM points_ledger ORDER BY entry_id')
      .all();
    expect(rows).toEqual([
      { lesson_id: '5.1', kind: 'step', points: 10, at: base },
      { lesson_id: '5.1', kind: 'quiz-retry', points: 5, at: base + 3 },
      { lesson_id: '5.1', kind: 'step', points: 10, at: base + 4 },
      { lesson_id: '5.1', kind: 'completion', points: 30, at: base + 4 },
      { lesson_id: '5.1', kind: 'verified', points: 50, at: base + 5 },
    ]);
    const { fromLedger, kept } = ledgerComparison(store.db);
    expect(kept).toEqual(fromLedger);
    expect(kept.totals).toEqual({ [`${guildId}|${user(1)}`]: 105 });
  });

  it('keeps every total, lesson score, period score and bucket equal to the ledger sums', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 40 }), (events) => {
        const run = tempStore();
        try {
          run.store.lessons.sync(makeCourse(...lessons));
          for (const event of events) apply(run.store, event);
          const { fromLedger, kept, buckets } = ledgerComparison(run.store.db);
          expect(kept).toEqual(fromLedger);
          expect(buckets.kept).toEqual(buckets.counted);
        } finally {
          run.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
