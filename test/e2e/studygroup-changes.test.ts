import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHANNEL_IDS,
  type CommandOption,
  type FakeUser,
  GUILD_ID,
  instructor,
  learner,
  makeLearner,
  option,
  otherLearner,
} from '../support/fake-discord/index.js';
import { answerOf, type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness();
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

async function studygroupAs(
  user: FakeUser,
  subcommand: string,
  options: CommandOption[] = [],
  channelId: string = CHANNEL_IDS.general,
): Promise<string> {
  const sent = harness.fake.sendChatCommand({ name: 'studygroup', subcommand, options, user, channelId });
  const answer = await answerOf(harness.fake, sent.id);
  expect(answer.status).toBeLessThan(300);
  expect((answer.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  return responseText(answer);
}

function groupRow(channelId: string) {
  return harness.store.groups.get({ guildId: GUILD_ID, channelId });
}

function members(channelId: string): string[] {
  return harness.store.groups.members({ guildId: GUILD_ID, channelId });
}

const [third, fourth] = [makeLearner(3), makeLearner(4)];

describe('/studygroup: groups that can change', () => {
  it('adds several learners in one command, naming who was added and who already was a member', async () => {
    await studygroupAs(
      instructor,
      'create',
      [option.string('name', '화요일 저녁반')],
      CHANNEL_IDS.studyGroupA,
    );
    await studygroupAs(instructor, 'add', [option.user('user', learner)], CHANNEL_IDS.studyGroupA);

    const text = await studygroupAs(
      instructor,
      'add',
      [
        option.user('user', learner),
        option.user('user2', otherLearner),
        option.user('user3', third),
        // The same person twice counts once.
        option.user('user4', third),
        option.user('user5', fourth),
      ],
      CHANNEL_IDS.studyGroupA,
    );
    expect(text).toContain('새로 3명을 추가했어요. (멤버 4명)');
    expect(text).toContain(`✅ 추가: <@${otherLearner.user.id}>, <@${third.user.id}>, <@${fourth.user.id}>`);
    expect(text).toContain(`👌 이미 멤버: <@${learner.user.id}>`);
    expect(members(CHANNEL_IDS.studyGroupA)).toEqual([
      learner.user.id,
      otherLearner.user.id,
      third.user.id,
      fourth.user.id,
    ]);
    // Their names are kept for the weekly digest (display names, never mentions).
    const names = harness.store.db
      .prepare('SELECT display_name FROM group_members WHERE user_id = ?')
      .pluck()
      .get(otherLearner.user.id);
    expect(names).toBe('이학습');
  });

  it('renames a group, keeping its members, and refuses a bad name', async () => {
    const before = groupRow(CHANNEL_IDS.studyGroupA)!;
    const text = await studygroupAs(
      instructor,
      'rename',
      [option.string('name', '  목요일 아침반 ')],
      CHANNEL_IDS.studyGroupA,
    );
    expect(text).toContain('**화요일 저녁반** → **목요일 아침반**');
    expect(text).toContain('멤버 4명');
    expect(groupRow(CHANNEL_IDS.studyGroupA)).toMatchObject({
      groupId: before.groupId,
      name: '목요일 아침반',
      memberCount: 4,
    });

    const bad = await studygroupAs(instructor, 'rename', [
      option.string('name', '첫 줄\n둘째 줄'),
      option.channel('channel', CHANNEL_IDS.studyGroupA),
    ]);
    expect(bad).toContain('1~50자');
    expect(groupRow(CHANNEL_IDS.studyGroupA)?.name).toBe('목요일 아침반');

    const none = await studygroupAs(
      instructor,
      'rename',
      [option.string('name', '새 이름')],
      CHANNEL_IDS.general,
    );
    expect(none).toContain('채널에는 스터디 그룹이 없어요');
  });

  it('moves a group to another channel with its members and id, never onto another group', async () => {
    const before = groupRow(CHANNEL_IDS.studyGroupA)!;
    await studygroupAs(instructor, 'create', [option.string('name', '주말반')], CHANNEL_IDS.studyGroupB);

    const taken = await studygroupAs(
      instructor,
      'move',
      [option.channel('channel', CHANNEL_IDS.studyGroupB)],
      CHANNEL_IDS.studyGroupA,
    );
    expect(taken).toContain('이미 **주말반** 스터디 그룹이 있어요');
    expect(groupRow(CHANNEL_IDS.studyGroupA)?.groupId).toBe(before.groupId);

    const moved = await studygroupAs(instructor, 'move', [
      option.channel('channel', CHANNEL_IDS.announcements),
      option.channel('from', CHANNEL_IDS.studyGroupA),
    ]);
    expect(moved).toContain(`<#${CHANNEL_IDS.studyGroupA}> → <#${CHANNEL_IDS.announcements}>`);
    expect(groupRow(CHANNEL_IDS.studyGroupA)).toBeUndefined();
    expect(groupRow(CHANNEL_IDS.announcements)).toMatchObject({
      groupId: before.groupId,
      name: '목요일 아침반',
      memberCount: 4,
      createdAt: before.createdAt,
    });
    expect(members(CHANNEL_IDS.announcements)).toHaveLength(4);
  });

  it('lets a learner join and leave the group of the channel they are in, and only there', async () => {
    const newcomer = makeLearner(9, '새싹');
    const noGroup = await studygroupAs(newcomer, 'join', [], CHANNEL_IDS.general);
    expect(noGroup).toContain(`이 채널(<#${CHANNEL_IDS.general}>)에는 스터디 그룹이 없어요`);

    const joined = await studygroupAs(newcomer, 'join', [], CHANNEL_IDS.studyGroupB);
    expect(joined).toContain('**주말반** 스터디 그룹');
    expect(joined).toContain('참여했어요. (멤버 1명)');
    expect(members(CHANNEL_IDS.studyGroupB)).toEqual([newcomer.user.id]);
    expect(await studygroupAs(newcomer, 'join', [], CHANNEL_IDS.studyGroupB)).toContain('이미 **주말반**');

    const left = await studygroupAs(newcomer, 'leave', [], CHANNEL_IDS.studyGroupB);
    expect(left).toContain('나왔어요');
    expect(members(CHANNEL_IDS.studyGroupB)).toEqual([]);
    expect(await studygroupAs(newcomer, 'leave', [], CHANNEL_IDS.studyGroupB)).toContain('멤버가 아니에요');
  });

  it('still keeps every other subcommand for instructors', async () => {
    const text = await studygroupAs(learner, 'add', [option.user('user', third)], CHANNEL_IDS.studyGroupB);
    expect(text).toContain('강사만 쓸 수 있는 기능');
    expect(members(CHANNEL_IDS.studyGroupB)).toEqual([]);
  });
});
