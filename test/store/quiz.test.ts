import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pointsTable, StoreError } from '../../src/store/index.js';
import { guildId, makeCourse, makeLesson, type TempStore, tempStore, user } from './factory.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
  temp.store.lessons.sync(
    makeCourse(makeLesson({ id: '5.2', steps: ['step-1'], questions: { q1: 'B', q2: 'D' } })),
  );
});
afterEach(() => temp.cleanup());

const ref = { guildId, userId: user(1), lessonId: '5.2' };

describe('quiz answers', () => {
  it('pays a correct first try in full and nothing for later presses', () => {
    const first = temp.store.quiz.recordAnswer({ ...ref, questionId: 'q1', chosen: 'B', at: 1 });
    expect(first).toEqual({
      firstTry: true,
      correct: true,
      answer: 'B',
      pointsAwarded: pointsTable.quizFirstTryCorrect,
      lessonCompleted: false,
    });
    const repeat = temp.store.quiz.recordAnswer({ ...ref, questionId: 'q1', chosen: 'B', at: 2 });
    expect(repeat).toMatchObject({ firstTry: false, correct: true, pointsAwarded: 0 });
  });

  it('pays a later correct answer once, after a wrong first try', () => {
    const wrong = temp.store.quiz.recordAnswer({ ...ref, questionId: 'q2', chosen: 'A', at: 1 });
    expect(wrong).toMatchObject({ firstTry: true, correct: false, answer: 'D', pointsAwarded: 0 });
    const stillWrong = temp.store.quiz.recordAnswer({ ...ref, questionId: 'q2', chosen: 'C', at: 2 });
    expect(stillWrong).toMatchObject({ firstTry: false, correct: false, pointsAwarded: 0 });
    const right = temp.store.quiz.recordAnswer({ ...ref, questionId: 'q2', chosen: 'D', at: 3 });
    expect(right).toMatchObject({
      firstTry: false,
      correct: true,
      pointsAwarded: pointsTable.quizLaterCorrect,
    });
    const rightAgain = temp.store.quiz.recordAnswer({ ...ref, questionId: 'q2', chosen: 'D', at: 4 });
    expect(rightAgain.pointsAwarded).toBe(0);
    expect(temp.store.leaderboard.rank(ref)?.points).toBe(pointsTable.quizLaterCorrect);
  });

  it('scores first-try correctness and best correctness per learner', () => {
    temp.store.quiz.recordAnswer({ ...ref, questionId: 'q1', chosen: 'B', at: 1 });
    temp.store.quiz.recordAnswer({ ...ref, questionId: 'q2', chosen: 'A', at: 2 });
    expect(temp.store.quiz.score(ref)).toEqual({ total: 2, answered: 2, firstTryCorrect: 1, correct: 1 });
    temp.store.quiz.recordAnswer({ ...ref, questionId: 'q2', chosen: 'D', at: 3 });
    expect(temp.store.quiz.score(ref)).toEqual({ total: 2, answered: 2, firstTryCorrect: 1, correct: 2 });
    expect(temp.store.quiz.questionStates(ref)).toEqual([
      { questionId: 'q1', attempts: 1, firstChoice: 'B', firstCorrect: true, correct: true },
      { questionId: 'q2', attempts: 2, firstChoice: 'A', firstCorrect: false, correct: true },
    ]);
    expect(temp.store.quiz.score({ ...ref, userId: user(2) })).toEqual({
      total: 2,
      answered: 0,
      firstTryCorrect: 0,
      correct: 0,
    });
  });

  it('refuses unknown questions and options without recording anything', () => {
    expect(() => temp.store.quiz.recordAnswer({ ...ref, questionId: 'q9', chosen: 'A', at: 1 })).toThrow(
      StoreError,
    );
    let caught: unknown;
    try {
      temp.store.quiz.recordAnswer({ ...ref, questionId: 'q1', chosen: 'E', at: 1 });
    } catch (error) {
      caught = error;
    }
    expect((caught as StoreError).code).toBe('unknown-option');
    expect(temp.store.quiz.score(ref).answered).toBe(0);
  });
});
