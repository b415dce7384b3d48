import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pointsTable } from '../../src/store/index.js';
import { guildId, makeCourse, makeLesson, otherGuildId, type TempStore, tempStore, user } from './factory.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
  temp.store.lessons.sync(
    makeCourse(
      makeLesson({ id: '5.1', steps: ['s1', 's2', 's3'] }),
      makeLesson({ id: '5.2', steps: ['s1', 's2'], questions: { q1: 'A' } }),
    ),
  );
});
afterEach(() => temp.cleanup());

function complete(userNumber: number, lessonId: string, stepId: string, at: number, guild = guildId) {
  temp.store.progress.completeStep({ guildId: guild, userId: user(userNumber), lessonId, stepId, at });
}

const step = pointsTable.stepCompleted;

describe('leaderboard', () => {
  it('ranks by points, and on equal points whoever reached them first', () => {
    complete(1, '5.1', 's1', 100);
    complete(2, '5.1', 's1', 50);
    complete(3, '5.1', 's1', 10);
    complete(3, '5.1', 's2', 200);
    // Same total as user 1, reached later.
    complete(2, '5.1', 's2', 300);
    complete(1, '5.1', 's2', 250);
    expect(temp.store.leaderboard.top({ guildId, limit: 10 })).toEqual([
      { rank: 1, userId: user(3), points: 2 * step, reachedAt: 200 },
      { rank: 2, userId: user(1), points: 2 * step, reachedAt: 250 },
      { rank: 3, userId: user(2), points: 2 * step, reachedAt: 300 },
    ]);
    expect(temp.store.leaderboard.top({ guildId, limit: 2, offset: 1 }).map((row) => row.rank)).toEqual([
      2, 3,
    ]);
    expect(temp.store.leaderboard.rank({ guildId, userId: user(2) })).toEqual({
      rank: 3,
      userId: user(2),
      points: 2 * step,
      reachedAt: 300,
      outOf: 3,
    });
    complete(2, '5.1', 's3', 400);
    expect(temp.store.leaderboard.rank({ guildId, userId: user(2) })?.rank).toBe(1);
  });

  it('leaves out learners without points and other guilds', () => {
    temp.store.progress.setPosition({ guildId, userId: user(9), lessonId: '5.1', pageIndex: 0, at: 1 });
    complete(1, '5.1', 's1', 1);
    complete(5, '5.1', 's1', 1, otherGuildId);
    complete(5, '5.1', 's2', 2, otherGuildId);
    expect(temp.store.leaderboard.top({ guildId, limit: 10 }).map((row) => row.userId)).toEqual([user(1)]);
    expect(temp.store.leaderboard.rank({ guildId, userId: user(9) })).toBeNull();
    expect(temp.store.leaderboard.rank({ guildId, userId: user(5) })).toBeNull();
    expect(temp.store.leaderboard.rank({ guildId: otherGuildId, userId: user(5) })?.rank).toBe(1);
  });

  it('scopes to a study group’s members', () => {
    const group = { guildId, channelId: '300000000000000001' };
    temp.store.groups.create({ ...group, name: '화요 스터디', createdBy: user(100), at: 1 });
    temp.store.groups.addMember({ ...group, userId: user(2), at: 1 });
    temp.store.groups.addMember({ ...group, userId: user(3), at: 1 });
    complete(1, '5.1', 's1', 1);
    complete(1, '5.1', 's2', 2);
    complete(1, '5.1', 's3', 3);
    complete(2, '5.1', 's1', 4);
    complete(3, '5.1', 's1', 5);
    complete(3, '5.1', 's2', 6);
    const scope = { guildId, groupChannelId: group.channelId };
    expect(temp.store.leaderboard.top({ ...scope, limit: 10 }).map((row) => [row.rank, row.userId])).toEqual([
      [1, user(3)],
      [2, user(2)],
    ]);
    expect(temp.store.leaderboard.rank({ ...scope, userId: user(2) })).toMatchObject({ rank: 2, outOf: 2 });
    expect(temp.store.leaderboard.rank({ ...scope, userId: user(1) })).toBeNull();
    expect(temp.store.leaderboard.rank({ guildId, userId: user(2) })?.rank).toBe(3);
    // Another channel's group, or an unknown channel, is empty.
    expect(temp.store.leaderboard.top({ guildId, groupChannelId: '300000000000000009', limit: 10 })).toEqual(
      [],
    );
  });

  it('ranks one lesson by the points earned in it', () => {
    complete(1, '5.1', 's1', 1);
    complete(1, '5.1', 's2', 2);
    complete(1, '5.1', 's3', 3);
    complete(2, '5.2', 's1', 4);
    temp.store.quiz.recordAnswer({
      guildId,
      userId: user(2),
      lessonId: '5.2',
      questionId: 'q1',
      chosen: 'A',
      at: 5,
    });
    complete(3, '5.2', 's1', 3);
    const lessonTop = temp.store.leaderboard.top({ guildId, lessonId: '5.2', limit: 10 });
    expect(lessonTop).toEqual([
      { rank: 1, userId: user(2), points: step + pointsTable.quizFirstTryCorrect, reachedAt: 5 },
      { rank: 2, userId: user(3), points: step, reachedAt: 3 },
    ]);
    expect(temp.store.leaderboard.rank({ guildId, lessonId: '5.2', userId: user(1) })).toBeNull();
    expect(temp.store.leaderboard.rank({ guildId, lessonId: '5.1', userId: user(1) })).toMatchObject({
      rank: 1,
      points: 3 * step + pointsTable.lessonCompleted,
    });
  });

  it('combines a group and a lesson', () => {
    const group = { guildId, channelId: '300000000000000002' };
    temp.store.groups.create({ ...group, name: 'B', createdBy: user(100), at: 1 });
    temp.store.groups.addMember({ ...group, userId: user(1), at: 1 });
    complete(1, '5.2', 's1', 1);
    complete(2, '5.2', 's1', 1);
    complete(2, '5.2', 's2', 2);
    const scope = { guildId, groupChannelId: group.channelId, lessonId: '5.2' };
    expect(temp.store.leaderboard.top({ ...scope, limit: 5 }).map((row) => row.userId)).toEqual([user(1)]);
    expect(temp.store.leaderboard.rank({ ...scope, userId: user(1) })).toMatchObject({ rank: 1, outOf: 1 });
  });
});

describe('study groups', () => {
  it('registers one group per channel and manages members', () => {
    const groups = temp.store.groups;
    const ref = { guildId, channelId: '300000000000000001' };
    const created = groups.create({ ...ref, name: '화요 스터디', createdBy: user(100), at: 7 });
    expect(created).toMatchObject({
      ok: true,
      group: { name: '화요 스터디', createdBy: user(100), memberCount: 0 },
    });
    expect(groups.create({ ...ref, name: '다른 이름', createdBy: user(101), at: 8 })).toMatchObject({
      ok: false,
      existing: { name: '화요 스터디' },
    });
    expect(groups.addMember({ ...ref, userId: user(1), at: 9 })).toBe('added');
    expect(groups.addMember({ ...ref, userId: user(1), at: 10 })).toBe('already-member');
    expect(groups.addMember({ guildId, channelId: '399999999999999999', userId: user(1), at: 10 })).toBe(
      'no-group',
    );
    groups.addMember({ ...ref, userId: user(2), at: 11 });
    expect(groups.members(ref)).toEqual([user(1), user(2)]);
    expect(groups.groupsOf({ guildId, userId: user(2) }).map((group) => group.channelId)).toEqual([
      ref.channelId,
    ]);
    expect(groups.removeMember({ ...ref, userId: user(1) })).toBe(true);
    expect(groups.list(guildId)).toMatchObject([{ channelId: ref.channelId, memberCount: 1 }]);
    expect(groups.list(otherGuildId)).toEqual([]);
    expect(groups.remove(ref)).toBe(true);
    expect(groups.remove(ref)).toBe(false);
    expect(groups.get(ref)).toBeUndefined();
    expect(temp.store.db.prepare('SELECT COUNT(*) AS n FROM group_members').get()).toEqual({ n: 0 });
  });
});

describe('rank consistency', () => {
  it('agrees with a full sort after many mixed events, in every scope', () => {
    const group = { guildId, channelId: '300000000000000003' };
    temp.store.groups.create({ ...group, name: 'R', createdBy: user(100), at: 0 });
    let seed = 12345;
    const next = (limit: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % limit;
    };
    for (let n = 0; n < 40; n += 1)
      if (n % 3 === 0) temp.store.groups.addMember({ ...group, userId: user(n), at: 0 });
    for (let event = 0; event < 600; event += 1) {
      const ref = { guildId, userId: user(next(40)), at: next(50) };
      const kind = next(3);
      if (kind === 0) {
        const lessonId = next(2) === 0 ? '5.1' : '5.2';
        const stepId = lessonId === '5.1' ? `s${next(3) + 1}` : `s${next(2) + 1}`;
        temp.store.progress.completeStep({ ...ref, lessonId, stepId });
      } else if (kind === 1) {
        temp.store.quiz.recordAnswer({
          ...ref,
          lessonId: '5.2',
          questionId: 'q1',
          chosen: ['A', 'B'][next(2)]!,
        });
      } else {
        temp.store.verifications.markVerified({ ...ref, lessonId: next(2) === 0 ? '5.1' : '5.2' });
      }
    }
    for (const scope of [
      { guildId },
      { guildId, lessonId: '5.1' },
      { guildId, lessonId: '5.2' },
      { guildId, groupChannelId: group.channelId },
      { guildId, groupChannelId: group.channelId, lessonId: '5.2' },
    ]) {
      const everyone = temp.store.leaderboard.top({ ...scope, limit: 1000 });
      expect(everyone.length).toBeGreaterThan(0);
      for (let n = 0; n < 40; n += 1) {
        const expected = everyone.find((row) => row.userId === user(n));
        const actual = temp.store.leaderboard.rank({ ...scope, userId: user(n) });
        expect(actual, `${JSON.stringify(scope)} user ${n}`).toEqual(
          expected ? { ...expected, outOf: everyone.length } : null,
        );
      }
    }
    // The server total ordering matches a sort of the learners table by hand.
    const byHand = temp.store.db
      .prepare<[string], { user_id: string }>(
        `SELECT user_id FROM learners WHERE guild_id = ? AND points > 0
         ORDER BY points DESC, points_reached_at, user_id`,
      )
      .all(guildId)
      .map((row) => row.user_id);
    expect(temp.store.leaderboard.top({ guildId, limit: 1000 }).map((row) => row.userId)).toEqual(byHand);
  });
});
