/**
 * /stats reads a server's lesson statistics from counters that triggers keep (migration 009).
 * Every number must stay exactly what counting the history gives: after random answers, steps,
 * lesson re-syncs (retired and added steps and questions) and /correct reset-lesson, the server's
 * counters equal the count over a study group holding every learner of the server (the group
 * scope still counts the history), and so does a fresh backfill of migration 009.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CorrectionService } from '../../src/services/corrections.js';
import type { Store } from '../../src/store/index.js';
import {
  dropStatsCounters,
  guildId,
  makeCourse,
  makeLesson,
  otherGuildId,
  type TempStore,
  tempStore,
  user,
} from './factory.js';

const lessonId = '5.2';
const versions = [
  makeLesson({ id: lessonId, steps: ['step-1', 'step-2', 'step-3'], questions: { q1: 'A', q2: 'B' } }),
  // Re-synced: step-2 and q1 retired, step-4 and q3 added, q2's answer changed.
  makeLesson({
    id: lessonId,
    steps: ['step-1', 'step-3', 'step-4'],
    questions: { q2: 'C', q3: 'D' },
    hash: 'hash-5.2-v2',
  }),
];
const everyone = { guildId, channelId: '300000000000000001' };
const learnerCount = 5;
const instructor = { guildId, userId: user(90), isInstructor: true };

type Event =
  | { kind: 'open'; learner: number; guild: number }
  | { kind: 'step'; learner: number; guild: number; step: number }
  | { kind: 'answer'; learner: number; guild: number; question: number; option: number }
  | { kind: 'reset'; learner: number }
  | { kind: 'sync'; version: number };

const learnerArb = fc.integer({ min: 1, max: learnerCount });
const guildArb = fc.constantFrom(0, 0, 0, 1);
const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ kind: fc.constant('open' as const), learner: learnerArb, guild: guildArb }),
  fc.record({
    kind: fc.constant('step' as const),
    learner: learnerArb,
    guild: guildArb,
    step: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('answer' as const),
    learner: learnerArb,
    guild: guildArb,
    question: fc.integer({ min: 1, max: 3 }),
    option: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ kind: fc.constant('reset' as const), learner: learnerArb }),
  fc.record({ kind: fc.constant('sync' as const), version: fc.integer({ min: 0, max: 1 }) }),
);

let temp: TempStore | undefined;
afterEach(() => temp?.cleanup());

function record(store: Store, event: Event, at: number, version: number, knownSteps: Set<string>): void {
  if (event.kind === 'sync') {
    store.lessons.sync(makeCourse(versions[event.version]!), at);
    for (const step of versions[event.version]!.steps) knownSteps.add(step.id);
    return;
  }
  if (event.kind === 'reset') {
    const corrections = new CorrectionService(store, { now: () => at });
    const ask = corrections.requestReset(instructor, user(event.learner), lessonId);
    if (ask.kind === 'confirm') corrections.confirm(instructor, ask.preview.pending.pendingId);
    return;
  }
  const ref = {
    guildId: event.guild === 0 ? guildId : otherGuildId,
    userId: user(event.learner),
    lessonId,
    at,
  };
  const lesson = versions[version]!;
  switch (event.kind) {
    case 'open':
      store.progress.setPosition({ ...ref, pageIndex: 0 });
      return;
    case 'step':
      // Old buttons may still name a retired step; the store keeps its history.
      if (knownSteps.has(`step-${event.step}`))
        store.progress.completeStep({ ...ref, stepId: `step-${event.step}` });
      return;
    case 'answer': {
      const questionId = `q${event.question}`;
      // Answers only reach questions of the lesson as it is now (an old button is refused before).
      if (!lesson.quiz.some((question) => question.id === questionId)) return;
      store.quiz.recordAnswer({ ...ref, questionId, chosen: 'ABCD'[event.option]! });
      return;
    }
  }
}

/** The server's statistics (counters) and the same numbers counted over its every learner. */
function bothWays(store: Store) {
  const server = { guildId, lessonId };
  const scanned = { ...server, groupChannelId: everyone.channelId };
  return {
    counted: { funnel: store.stats.funnel(server), quiz: store.stats.answerDistribution(server) },
    scanned: { funnel: store.stats.funnel(scanned), quiz: store.stats.answerDistribution(scanned) },
  };
}

/** Runs migration 009 again on the file, as an upgrade from 008 would: a backfill from the history. */
function backfillAgain(store: Store): Store {
  dropStatsCounters(store.db);
  store.db.pragma('user_version = 8');
  store.close();
  return temp!.reopen();
}

describe('stats counters (migration 009)', () => {
  it('match counting the history after random events, re-syncs and resets, and after a backfill', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), (events) => {
        temp?.cleanup();
        temp = tempStore();
        let store = temp.store;
        store.lessons.sync(makeCourse(versions[0]!), 0);
        store.groups.create({ ...everyone, name: '모두', createdBy: user(90), at: 0 });
        store.groups.addMembers(
          everyone,
          Array.from({ length: learnerCount }, (_, index) => ({
            userId: user(index + 1),
            displayName: null,
          })),
          0,
        );
        let version = 0;
        const knownSteps = new Set(versions[0]!.steps.map((step) => step.id));
        events.forEach((event, index) => {
          record(store, event, index + 1, version, knownSteps);
          if (event.kind === 'sync') version = event.version;
        });
        const { counted, scanned } = bothWays(store);
        expect(counted).toEqual(scanned);

        store = backfillAgain(store);
        expect(bothWays(store).counted).toEqual(counted);
      }),
      { numRuns: 60 },
    );
  });

  it('counts what a learner sees in /stats: openers, steps, first tries, retries and the correct', () => {
    temp = tempStore();
    const { store } = temp;
    store.lessons.sync(makeCourse(versions[0]!), 0);
    const ref = { guildId, userId: user(1), lessonId, at: 1 };
    store.progress.setPosition({ ...ref, pageIndex: 0 });
    store.progress.completeStep({ ...ref, stepId: 'step-1' });
    store.quiz.recordAnswer({ ...ref, questionId: 'q1', chosen: 'C' });
    store.quiz.recordAnswer({ ...ref, questionId: 'q1', chosen: 'A' });
    store.quiz.recordAnswer({ ...ref, questionId: 'q1', chosen: 'A' });
    store.quiz.recordAnswer({ ...ref, userId: user(2), questionId: 'q1', chosen: 'A' });

    expect(store.stats.funnel({ guildId, lessonId })).toEqual({
      opened: 1,
      steps: [
        { stepId: 'step-1', title: 'step-1 제목', learners: 1 },
        { stepId: 'step-2', title: 'step-2 제목', learners: 0 },
        { stepId: 'step-3', title: 'step-3 제목', learners: 0 },
      ],
    });
    expect(store.stats.answerDistribution({ guildId, lessonId })[0]).toMatchObject({
      questionId: 'q1',
      learners: 2,
      firstTryCorrect: 1,
      learnersCorrect: 2,
      options: [
        { key: 'A', firstTries: 1, answers: 3 },
        { key: 'B', firstTries: 0, answers: 0 },
        { key: 'C', firstTries: 1, answers: 1 },
        { key: 'D', firstTries: 0, answers: 0 },
      ],
    });
    // The counters are what /stats read: a counter off by one shows in the answer.
    store.db.exec("UPDATE stats_step_learners SET learners = learners + 1 WHERE step_id = 'step-1'");
    expect(store.stats.funnel({ guildId, lessonId }).steps[0]).toMatchObject({ learners: 2 });
  });
});
