import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guildId, makeCourse, makeLesson, otherGuildId, type TempStore, tempStore, user } from './factory.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
  temp.store.lessons.sync(
    makeCourse(makeLesson({ id: '5.2', steps: ['step-1'] }), makeLesson({ id: '6.1', steps: ['a'] })),
  );
});
afterEach(() => temp.cleanup());

const digest = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;

function attempt(
  n: number,
  outcome: string,
  digestN: number | null,
  at: number,
  lessonId = '5.2',
  guild = guildId,
) {
  temp.store.verifications.record({
    guildId: guild,
    userId: user(n),
    lessonId,
    dockerId: `learner${n}`,
    repository: 'image-gallery',
    tag: 'v1',
    outcome,
    digest: digestN === null ? null : digest(digestN),
    details: {},
    at,
  });
}

describe('shared digests (possible copies)', () => {
  it('tells an instructor which other learner verified the same digest, for which lesson', () => {
    attempt(1, 'found', 1, 100);
    attempt(1, 'found', 1, 150); // the same learner again: not a copy
    attempt(2, 'tag-missing', 1, 110); // not a success: not counted
    attempt(3, 'found', 1, 200);
    attempt(3, 'found', 1, 250);
    attempt(4, 'found', 1, 300, '6.1');
    attempt(5, 'found', 1, 50, '5.2', otherGuildId); // another server
    attempt(6, 'found', 2, 120); // another image

    expect(temp.store.sharedDigests.forLearner({ guildId, userId: user(1) })).toEqual([
      { userId: user(3), lessonId: '5.2', digest: digest(1), firstAt: 200 },
      { userId: user(4), lessonId: '6.1', digest: digest(1), firstAt: 300 },
    ]);
    expect(
      temp.store.sharedDigests.forLearner({ guildId, userId: user(3) }).map((twin) => twin.userId),
    ).toEqual([user(1), user(4)]);
    expect(temp.store.sharedDigests.forLearner({ guildId, userId: user(6) })).toEqual([]);
    expect(temp.store.sharedDigests.forLearner({ guildId, userId: user(2) })).toEqual([]);
  });

  it('lists a lesson’s shared digests, most learners first, each in order of first success', () => {
    attempt(1, 'found', 1, 100);
    attempt(3, 'found', 1, 90);
    attempt(4, 'found', 1, 300, '6.1');
    attempt(6, 'found', 2, 120);
    attempt(7, 'found', 2, 130);
    attempt(8, 'found', 2, 80);
    attempt(9, 'found', 3, 10); // alone with its digest
    attempt(10, 'not-built-from-base', 3, 20);

    expect(temp.store.sharedDigests.forLesson({ guildId, lessonId: '5.2' })).toEqual([
      {
        digest: digest(2),
        learners: [
          { userId: user(8), firstAt: 80 },
          { userId: user(6), firstAt: 120 },
          { userId: user(7), firstAt: 130 },
        ],
      },
      {
        digest: digest(1),
        learners: [
          { userId: user(3), firstAt: 90 },
          { userId: user(1), firstAt: 100 },
        ],
      },
    ]);
    // In 6.1 only one learner used digest 1: nothing shared within that lesson.
    expect(temp.store.sharedDigests.forLesson({ guildId, lessonId: '6.1' })).toEqual([]);
    expect(temp.store.sharedDigests.forLesson({ guildId: otherGuildId, lessonId: '5.2' })).toEqual([]);
  });

  it('narrows a lesson’s list to digests a study group member verified', () => {
    const channelId = '300000000000000001';
    const group = temp.store.groups.create({
      guildId,
      channelId,
      name: '화요일',
      createdBy: user(99),
      at: 1,
    });
    if (!group.ok) throw new Error('group not created');
    temp.store.groups.addMember({ guildId, channelId, userId: user(7), at: 2 });
    attempt(1, 'found', 1, 100);
    attempt(3, 'found', 1, 90);
    attempt(6, 'found', 2, 120);
    attempt(7, 'found', 2, 130);

    const shared = temp.store.sharedDigests.forLesson({
      guildId,
      lessonId: '5.2',
      groupChannelId: channelId,
    });
    expect(shared.map((entry) => entry.digest)).toEqual([digest(2)]);
    // Everyone with the digest is listed, members or not: the copy may come from outside the group.
    expect(shared[0]?.learners.map((learner) => learner.userId)).toEqual([user(6), user(7)]);
  });

  it('finds shared digests through the index of successful attempts', () => {
    const plans = [
      "SELECT 1 FROM verification_attempts WHERE guild_id = 'g' AND digest = 'd' AND outcome = 'found'",
    ].map((sql) =>
      temp.store.db
        .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => row.detail)
        .join(' | '),
    );
    expect(plans[0]).toContain('verification_attempts_found_by_digest');
  });
});
