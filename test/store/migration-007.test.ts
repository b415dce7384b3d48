import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { latestSchemaVersion, openStore, type Store } from '../../src/store/index.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { guildId, makeCourse, makeLesson, type TempStore, tempStore, user } from './factory.js';

let temp: TempStore;
let upgraded: Store | undefined;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => {
  upgraded?.close();
  upgraded = undefined;
  temp.cleanup();
});

const channelId = '300000000000000001';

/** A database as the version before 007 left it: a group with members and an active learner. */
function previousVersionDatabase(path: string): void {
  const db = openDatabase(path);
  migrate(
    db,
    migrations.filter((migration) => migration.version < 7),
  );
  db.prepare(
    `INSERT INTO study_groups (group_id, guild_id, channel_id, name, created_by, created_at)
     VALUES (1, ?, ?, '화요일 저녁반', ?, 10)`,
  ).run(guildId, channelId, user(9));
  const member = db.prepare('INSERT INTO group_members (group_id, user_id, added_at) VALUES (1, ?, 20)');
  member.run(user(1));
  member.run(user(2));
  db.prepare('INSERT INTO learners (guild_id, user_id, points, last_active_at) VALUES (?, ?, 10, 30)').run(
    guildId,
    user(1),
  );
  db.close();
}

describe('migration 007 (community week)', () => {
  it('keeps groups, members and learners; names and streaks start empty', () => {
    const path = `${temp.dir}/from-005.sqlite`;
    previousVersionDatabase(path);
    upgraded = openStore(path);
    expect(upgraded.migration.to).toBe(latestSchemaVersion);
    expect(upgraded.migration.applied[0]).toBe('7: community week');
    const ref = { guildId, channelId };
    expect(upgraded.groups.get(ref)).toMatchObject({ groupId: 1, name: '화요일 저녁반', memberCount: 2 });
    expect(upgraded.groups.members(ref)).toEqual([user(1), user(2)]);
    expect(upgraded.db.prepare('SELECT display_name FROM group_members').pluck().all()).toEqual([null, null]);
    expect(upgraded.progress.streak({ guildId, userId: user(1) })).toEqual({ activeWeek: null, weeks: 0 });
    expect(upgraded.leaderboard.rank({ guildId, userId: user(1) })).toMatchObject({ points: 10, rank: 1 });
    // A name given later fills in; one not given keeps what is there.
    upgraded.groups.addMembers(ref, [{ userId: user(1), displayName: '김학습' }], 40);
    upgraded.groups.addMembers(ref, [{ userId: user(1), displayName: null }], 50);
    expect(
      upgraded.db.prepare('SELECT display_name FROM group_members WHERE user_id = ?').pluck().get(user(1)),
    ).toBe('김학습');
  });

  it('keeps digest settings through rename and move, and drops them with the group', () => {
    const { store } = temp;
    store.groups.create({ guildId, channelId, name: '주말반', createdBy: user(9), at: 1 });
    const group = store.groups.get({ guildId, channelId })!;
    store.digests.schedule({ groupId: group.groupId, day: 0, hour: 9, coveredSlot: 100, by: user(9), at: 1 });
    store.groups.rename({ guildId, channelId, name: '일요반' });
    expect(store.groups.move({ guildId, channelId }, '300000000000000002')).toMatchObject({ ok: true });
    expect(store.digests.scheduled()).toMatchObject([
      { groupId: group.groupId, channelId: '300000000000000002', dayOfWeek: 0, hour: 9, enabled: true },
    ]);
    store.groups.remove({ guildId, channelId: '300000000000000002' });
    expect(store.digests.setting(group.groupId)).toBeNull();
  });

  it('refuses out-of-range digest hours and reminder days', () => {
    const { store } = temp;
    store.groups.create({ guildId, channelId, name: '주말반', createdBy: user(9), at: 1 });
    const { groupId } = store.groups.get({ guildId, channelId })!;
    expect(() =>
      store.digests.schedule({ groupId, day: 7, hour: 9, coveredSlot: 0, by: user(9), at: 1 }),
    ).toThrow(/CHECK/);
    expect(() =>
      store.digests.schedule({ groupId, day: 0, hour: 24, coveredSlot: 0, by: user(9), at: 1 }),
    ).toThrow(/CHECK/);
    expect(() => store.reminders.set({ guildId, userId: user(1), days: 31, at: 1 })).toThrow(/CHECK/);
  });

  it('claims a slot once and counts inactive members from when they joined', () => {
    const { store } = temp;
    store.lessons.sync(makeCourse(makeLesson({ id: '5.2', steps: ['step-1', 'step-2'] })));
    store.groups.create({ guildId, channelId, name: '주말반', createdBy: user(9), at: 1 });
    const { groupId } = store.groups.get({ guildId, channelId })!;
    store.groups.addMembers({ guildId, channelId }, [{ userId: user(1), displayName: 'a' }], 1_000);
    store.groups.addMembers({ guildId, channelId }, [{ userId: user(2), displayName: 'b' }], 9_000);
    store.progress.completeStep({ guildId, userId: user(1), lessonId: '5.2', stepId: 'step-1', at: 2_000 });
    // Before 5,000: user 1 was last active at 2,000; user 2 joined at 9,000 (not inactive yet).
    expect(store.digests.inactiveMembers(groupId, 5_000)).toBe(1);
    expect(store.digests.inactiveMembers(groupId, 10_000)).toBe(2);

    store.digests.schedule({ groupId, day: 0, hour: 9, coveredSlot: 100, by: user(9), at: 1 });
    expect(store.digests.claim(groupId, 200, 150)).toBe(true);
    expect(store.digests.claim(groupId, 200, 160)).toBe(false);
    store.digests.finish(groupId, 200, 'sent', 'm1');
    expect(store.digests.claim(groupId, 200, 170)).toBe(false);
    expect(store.digests.setting(groupId)).toMatchObject({
      coveredSlot: 200,
      sendingSlot: null,
      lastOutcome: 'sent',
    });
    // Points of a week from the period scores: one current step in that week, none in the next.
    const week = store.calendar.keysOf(2_000).week;
    const nextWeek = store.calendar.keysOf(2_000 + 7 * 24 * 3_600_000).week;
    expect(store.digests.groupPoints(guildId, week)).toEqual([{ groupId, points: 10 }]);
    expect(store.digests.groupPoints(guildId, nextWeek)).toEqual([{ groupId, points: 0 }]);
  });
});
