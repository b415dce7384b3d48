import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guildId, makeCourse, makeLesson, otherGuildId, type TempStore, tempStore, user } from './factory.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
  temp.store.lessons.sync(
    makeCourse(
      makeLesson({ id: '5.2', steps: ['step-1', 'step-2', 'step-3'], questions: { q1: 'B', q2: 'A' } }),
    ),
  );
});
afterEach(() => temp.cleanup());

const lessonId = '5.2';
const group = { guildId, channelId: '300000000000000001' };

function learner(n: number, steps: string[], guild = guildId) {
  const ref = { guildId: guild, userId: user(n), lessonId };
  temp.store.progress.setPosition({ ...ref, pageIndex: 0, at: n });
  for (const stepId of steps) temp.store.progress.completeStep({ ...ref, stepId, at: n });
}

function answer(n: number, questionId: string, ...choices: string[]) {
  for (const chosen of choices) {
    temp.store.quiz.recordAnswer({ guildId, userId: user(n), lessonId, questionId, chosen, at: n });
  }
}

describe('stats', () => {
  it('counts learners per step in lesson order, optionally within a study group', () => {
    learner(1, ['step-1', 'step-2', 'step-3']);
    learner(2, ['step-1', 'step-2']);
    learner(3, ['step-1']);
    learner(4, []);
    learner(5, ['step-1'], otherGuildId);
    expect(temp.store.stats.funnel({ guildId, lessonId })).toEqual({
      opened: 4,
      steps: [
        { stepId: 'step-1', title: 'step-1 제목', learners: 3 },
        { stepId: 'step-2', title: 'step-2 제목', learners: 2 },
        { stepId: 'step-3', title: 'step-3 제목', learners: 1 },
      ],
    });
    temp.store.groups.create({ ...group, name: 'G', createdBy: user(100), at: 1 });
    temp.store.groups.addMember({ ...group, userId: user(2), at: 1 });
    temp.store.groups.addMember({ ...group, userId: user(4), at: 1 });
    expect(temp.store.stats.funnel({ guildId, lessonId, groupChannelId: group.channelId })).toEqual({
      opened: 2,
      steps: [
        { stepId: 'step-1', title: 'step-1 제목', learners: 1 },
        { stepId: 'step-2', title: 'step-2 제목', learners: 1 },
        { stepId: 'step-3', title: 'step-3 제목', learners: 0 },
      ],
    });
  });

  it('shows first tries per option and every answer per option', () => {
    answer(1, 'q1', 'B');
    answer(2, 'q1', 'A', 'C', 'B');
    answer(3, 'q1', 'A', 'B');
    answer(4, 'q1', 'D');
    answer(1, 'q2', 'A');
    const [q1, q2] = temp.store.stats.answerDistribution({ guildId, lessonId });
    expect(q1).toEqual({
      questionId: 'q1',
      answer: 'B',
      learners: 4,
      firstTryCorrect: 1,
      learnersCorrect: 3,
      options: [
        { key: 'A', correct: false, firstTries: 2, answers: 2 },
        { key: 'B', correct: true, firstTries: 1, answers: 3 },
        { key: 'C', correct: false, firstTries: 0, answers: 1 },
        { key: 'D', correct: false, firstTries: 1, answers: 1 },
      ],
    });
    expect(q2).toMatchObject({ questionId: 'q2', learners: 1, firstTryCorrect: 1, learnersCorrect: 1 });
    temp.store.groups.create({ ...group, name: 'G', createdBy: user(100), at: 1 });
    temp.store.groups.addMember({ ...group, userId: user(3), at: 1 });
    const [groupQ1] = temp.store.stats.answerDistribution({
      guildId,
      lessonId,
      groupChannelId: group.channelId,
    });
    expect(groupQ1?.options.map((option) => [option.key, option.firstTries, option.answers])).toEqual([
      ['A', 1, 1],
      ['B', 0, 1],
      ['C', 0, 0],
      ['D', 0, 0],
    ]);
  });

  it('lists the most frequent /verify outcomes with how many learners hit them', () => {
    const base = {
      guildId,
      lessonId,
      repository: 'image-gallery',
      tag: 'v1',
      digest: null,
      details: {},
      at: 1,
    };
    const record = (n: number, outcome: string) =>
      temp.store.verifications.record({ ...base, userId: user(n), dockerId: `learner${n}`, outcome });
    record(1, 'tag-missing');
    record(1, 'tag-missing');
    record(2, 'tag-missing');
    record(2, 'repository-missing');
    record(3, 'ok');
    expect(temp.store.stats.verifyOutcomes({ guildId, lessonId })).toEqual([
      { outcome: 'tag-missing', attempts: 3, learners: 2 },
      { outcome: 'ok', attempts: 1, learners: 1 },
      { outcome: 'repository-missing', attempts: 1, learners: 1 },
    ]);
    expect(temp.store.stats.verifyOutcomes({ guildId, lessonId, limit: 1 })).toHaveLength(1);
  });
});
