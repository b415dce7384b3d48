import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LessonCheck } from '../../src/content/model.js';
import type { Store } from '../../src/store/index.js';
import { guildId, makeLesson, otherGuildId, type TempStore, tempStore, user } from './factory.js';

const check: LessonCheck = {
  repository: 'image-gallery',
  tag: 'v1',
  baseImage: null,
  fixSteps: { tag: 's1', push: 's1', publish: 's1', build: null },
  buildHint: null,
  buildCommand: null,
};

let temp: TempStore;
let store: Store;

beforeEach(() => {
  temp = tempStore();
  store = temp.store;
  store.lessons.sync({
    entries: [
      { lesson: makeLesson({ id: '1.1', steps: ['s1'], questions: { q1: 'A' } }), check: null },
      { lesson: makeLesson({ id: '5.2', steps: ['s1', 's2'] }), check },
    ],
  });
});
afterEach(() => temp.cleanup());

const me = (n = 1) => ({ guildId, userId: user(n) });

function finishLesson11(n: number, at: number) {
  store.progress.completeStep({ ...me(n), lessonId: '1.1', stepId: 's1', at });
  store.quiz.recordAnswer({ ...me(n), lessonId: '1.1', questionId: 'q1', chosen: 'A', at });
}

function finishLesson52(n: number, at: number, verify = true) {
  for (const stepId of ['s1', 's2']) store.progress.completeStep({ ...me(n), lessonId: '5.2', stepId, at });
  if (!verify) return;
  store.verifications.record({
    ...me(n),
    lessonId: '5.2',
    dockerId: `learner${n}`,
    repository: 'image-gallery',
    tag: 'v1',
    outcome: 'found',
    digest: `sha256:${'a'.repeat(64)}`,
    details: {},
    at,
  });
  store.verifications.markVerified({ ...me(n), lessonId: '5.2', at });
}

const pending = () => store.milestoneRoles.due(Number.MAX_SAFE_INTEGER, 100);

describe('course completion', () => {
  it('needs every lesson completed, and verified where the lesson has a check', () => {
    finishLesson11(1, 10);
    finishLesson52(1, 20, false);
    expect(store.certificates.completion(me())).toEqual({
      lessonsDone: 1,
      lessonsInCourse: 2,
      completedAt: null,
    });
    finishLesson52(1, 30);
    expect(store.certificates.completion(me())).toEqual({
      lessonsDone: 2,
      lessonsInCourse: 2,
      completedAt: 30,
    });
    expect(store.certificates.latestVerifiedImage(me())).toEqual({
      reference: 'learner1/image-gallery:v1',
      digest: `sha256:${'a'.repeat(64)}`,
    });
  });

  it('keeps the first certificate of a learner: its code never changes', () => {
    finishLesson11(1, 10);
    const first = store.certificates.issue({
      ...me(),
      code: 'FIRST',
      completedAt: 10,
      image: { reference: 'a/b:v1', digest: 'sha256:x' },
      issuedAt: 11,
    });
    const again = store.certificates.issue({ ...first, code: 'SECOND', issuedAt: 12 });
    expect(again.code).toBe('FIRST');
    expect(store.certificates.byCode('SECOND')).toBeNull();
    expect(store.certificates.byCode('FIRST')).toMatchObject({ userId: user(1), issuedAt: 11 });
  });
});

describe('milestone roles', () => {
  it('enqueues a grant when a learner reaches each kind of mapped milestone, once', () => {
    const set = (
      milestone: 'lesson-verified' | 'lesson-completed' | 'course-completed',
      lessonId: string,
      roleId: string,
    ) => store.milestoneRoles.set({ guildId, milestone, lessonId, roleId, setBy: user(9), setAt: 1 });
    set('lesson-completed', '1.1', 'r-done-11');
    set('lesson-verified', '5.2', 'r-verified-52');
    set('course-completed', '', 'r-course');
    finishLesson11(1, 10);
    expect(pending().map((grant) => grant.roleId)).toEqual(['r-done-11']);
    finishLesson52(1, 20);
    expect(
      pending()
        .map((grant) => grant.roleId)
        .sort(),
    ).toEqual(['r-course', 'r-done-11', 'r-verified-52']);
    // Reaching it again (another verification) owes nothing more.
    store.verifications.markVerified({ ...me(), lessonId: '5.2', at: 40 });
    expect(pending()).toHaveLength(3);
    // Other servers and learners are untouched.
    expect(pending().every((grant) => grant.guildId === guildId && grant.userId === user(1))).toBe(true);
  });

  it('backfills those who reached a milestone before it was mapped, and only them', () => {
    finishLesson11(1, 10);
    finishLesson52(1, 20);
    finishLesson11(2, 10);
    store.progress.completeStep({
      guildId: otherGuildId,
      userId: user(3),
      lessonId: '1.1',
      stepId: 's1',
      at: 1,
    });
    const lesson = store.milestoneRoles.set({
      guildId,
      milestone: 'lesson-completed',
      lessonId: '1.1',
      roleId: 'r1',
      setBy: user(9),
      setAt: 50,
    });
    expect(lesson).toEqual({ previous: null, backfilled: 2 });
    const course = store.milestoneRoles.set({
      guildId,
      milestone: 'course-completed',
      lessonId: '',
      roleId: 'r2',
      setBy: user(9),
      setAt: 50,
    });
    expect(course.backfilled).toBe(1);
    expect(
      pending()
        .map((grant) => `${grant.userId} ${grant.roleId}`)
        .sort(),
    ).toEqual([`${user(1)} r1`, `${user(1)} r2`, `${user(2)} r1`]);
  });

  it('retries, gives up after failures and reports each failure once; clearing drops what is owed', () => {
    store.milestoneRoles.set({
      guildId,
      milestone: 'lesson-completed',
      lessonId: '1.1',
      roleId: 'r1',
      setBy: user(9),
      setAt: 1,
    });
    finishLesson11(1, 10);
    finishLesson11(2, 10);
    const [first, second] = pending();
    store.milestoneRoles.retryLater(first!, 11, 500, 'missing-permission');
    expect(store.milestoneRoles.due(499, 10).map((grant) => grant.userId)).toEqual([second!.userId]);
    expect(store.milestoneRoles.due(500, 10)).toHaveLength(2);
    store.milestoneRoles.giveUp(second!, 12, 'unknown-member');
    expect(store.milestoneRoles.counts(guildId, 'r1')).toEqual({ granted: 0, pending: 1, failed: 1 });
    expect(store.milestoneRoles.takeFailures(guildId, 10)).toEqual([
      { userId: second!.userId, roleId: 'r1', attempts: 1, lastError: 'unknown-member', at: 12 },
    ]);
    expect(store.milestoneRoles.takeFailures(guildId, 10)).toEqual([]);
    store.milestoneRoles.clear({ guildId, milestone: 'lesson-completed', lessonId: '1.1' });
    expect(pending()).toEqual([]);
    expect(store.milestoneRoles.list(guildId)).toEqual([]);
  });
});
