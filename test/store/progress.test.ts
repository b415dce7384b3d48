import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pointsTable } from '../../src/store/index.js';
import { guildId, makeCourse, makeLesson, otherGuildId, type TempStore, tempStore, user } from './factory.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
  temp.store.lessons.sync(
    makeCourse(
      makeLesson({ id: '5.1', steps: ['step-1', 'step-2'], questions: { q1: 'B' } }),
      makeLesson({ id: '5.2', steps: ['step-1'] }),
    ),
  );
});
afterEach(() => temp.cleanup());

const learner = { guildId, userId: user(1) };
const lesson51 = { ...learner, lessonId: '5.1' };

function totalPoints(ref: { guildId: string; userId: string }): number {
  return temp.store.leaderboard.rank(ref)?.points ?? 0;
}

describe('progress', () => {
  it('counts a step the first time only; repeats are idempotent', () => {
    const first = temp.store.progress.completeStep({ ...lesson51, stepId: 'step-1', at: 1_000 });
    expect(first).toEqual({
      firstTime: true,
      pointsAwarded: pointsTable.stepCompleted,
      lessonCompleted: false,
    });
    const again = temp.store.progress.completeStep({ ...lesson51, stepId: 'step-1', at: 2_000 });
    expect(again).toEqual({ firstTime: false, pointsAwarded: 0, lessonCompleted: false });
    expect(totalPoints(learner)).toBe(pointsTable.stepCompleted);
    expect(temp.store.progress.completedSteps(lesson51)).toEqual(['step-1']);
  });

  it('awards the lesson bonus once all steps are done and every question was answered correctly', () => {
    temp.store.progress.completeStep({ ...lesson51, stepId: 'step-2', at: 1 });
    temp.store.progress.completeStep({ ...lesson51, stepId: 'step-1', at: 2 });
    const wrong = temp.store.quiz.recordAnswer({ ...lesson51, questionId: 'q1', chosen: 'A', at: 3 });
    expect(wrong.lessonCompleted).toBe(false);
    const right = temp.store.quiz.recordAnswer({ ...lesson51, questionId: 'q1', chosen: 'B', at: 4 });
    expect(right).toMatchObject({
      firstTry: false,
      correct: true,
      lessonCompleted: true,
      pointsAwarded: pointsTable.quizLaterCorrect + pointsTable.lessonCompleted,
    });
    expect(totalPoints(learner)).toBe(
      2 * pointsTable.stepCompleted + pointsTable.quizLaterCorrect + pointsTable.lessonCompleted,
    );
    expect(temp.store.progress.summary(learner)[0]).toEqual({
      lessonId: '5.1',
      title: '강의 5.1',
      stepsDone: 2,
      stepsTotal: 2,
      quizFirstTryCorrect: 0,
      quizCorrect: 1,
      quizTotal: 1,
      verified: false,
      completed: true,
      points: 2 * pointsTable.stepCompleted + pointsTable.quizLaterCorrect + pointsTable.lessonCompleted,
    });
  });

  it('does not pay the completion bonus twice when new content re-opens a completed lesson', () => {
    temp.store.lessons.sync(makeCourse(makeLesson({ id: '5.2', steps: ['step-1'] })));
    const done = temp.store.progress.completeStep({
      guildId,
      userId: user(1),
      lessonId: '5.2',
      stepId: 'step-1',
      at: 1,
    });
    expect(done.lessonCompleted).toBe(true);
    expect(done.pointsAwarded).toBe(pointsTable.stepCompleted + pointsTable.lessonCompleted);
    temp.store.lessons.sync(makeCourse(makeLesson({ id: '5.2', steps: ['step-1', 'step-2'], hash: 'v2' })));
    expect(temp.store.progress.summary(learner).find((row) => row.lessonId === '5.2')?.completed).toBe(false);
    const again = temp.store.progress.completeStep({
      guildId,
      userId: user(1),
      lessonId: '5.2',
      stepId: 'step-2',
      at: 2,
    });
    expect(again).toEqual({
      firstTime: true,
      pointsAwarded: pointsTable.stepCompleted,
      lessonCompleted: true,
    });
  });

  it('remembers the page per lesson and the last lesson, per guild', () => {
    expect(temp.store.progress.getPosition(lesson51)).toBeNull();
    expect(temp.store.progress.lastLesson(learner)).toBeNull();
    temp.store.progress.setPosition({ ...lesson51, pageIndex: 3, at: 1 });
    temp.store.progress.setPosition({ ...learner, lessonId: '5.2', pageIndex: 0, at: 2 });
    temp.store.progress.setPosition({ ...lesson51, pageIndex: 4, at: 3 });
    expect(temp.store.progress.getPosition(lesson51)).toBe(4);
    expect(temp.store.progress.getPosition({ ...learner, lessonId: '5.2' })).toBe(0);
    expect(temp.store.progress.lastLesson(learner)).toBe('5.1');
    expect(temp.store.progress.lastLesson({ guildId: otherGuildId, userId: learner.userId })).toBeNull();
  });

  it('keeps learners apart by guild', () => {
    temp.store.progress.completeStep({ ...lesson51, stepId: 'step-1', at: 1 });
    const elsewhere = { guildId: otherGuildId, userId: learner.userId, lessonId: '5.1' };
    expect(temp.store.progress.completedSteps(elsewhere)).toEqual([]);
    expect(temp.store.progress.completeStep({ ...elsewhere, stepId: 'step-1', at: 2 }).firstTime).toBe(true);
  });
});
