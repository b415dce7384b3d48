import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { studygroupCommand } from '../../commands/studygroup.js';
import { translator } from '../../src/i18n/index.js';
import type { StudyGroup } from '../../src/store/index.js';
import { checkPayloadLimits } from '../../src/ui/limits.js';
import { renderGroupList } from '../../src/ui/views/studygroup.js';
import { liveTokens } from '../support/discord-markdown/index.js';
import {
  CHANNEL_IDS,
  type CommandOption,
  type FakeUser,
  GUILD_ID,
  instructor,
  learner,
  option,
  otherLearner,
} from '../support/fake-discord/index.js';
import { type CourseFixtures, type LearnerFixture, pushProofTag } from '../support/registry/index.js';
import {
  answerOf,
  type BotHarness,
  type RegistryBotHarness,
  responseText,
  startBotWithRegistry,
} from './support/bot-harness.js';

let harness: BotHarness;
let fixtures: CourseFixtures;

let setup: RegistryBotHarness;

beforeAll(async () => {
  // The real registry, so a /verify success in a group channel can be seen announced.
  setup = await startBotWithRegistry();
  ({ harness, fixtures } = setup);
}, 60_000);

afterAll(async () => {
  await setup?.stop();
});

/** Runs /studygroup and returns what the caller reads, and whether only they could see it. */
async function studygroupAs(
  user: FakeUser,
  subcommand: string,
  options: CommandOption[] = [],
  channelId: string = CHANNEL_IDS.general,
) {
  const sent = harness.fake.sendChatCommand({ name: 'studygroup', subcommand, options, user, channelId });
  const answer = await answerOf(harness.fake, sent.id);
  expect(answer.status).toBeLessThan(300);
  const body = answer.body as { flags?: number; allowed_mentions?: unknown };
  return {
    text: responseText(answer),
    ephemeral: ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
    allowedMentions: body.allowed_mentions,
  };
}

function groupRows() {
  return harness.store.db
    .prepare(
      'SELECT channel_id AS channelId, name, created_by AS createdBy FROM study_groups WHERE guild_id = ? ORDER BY channel_id',
    )
    .all(GUILD_ID);
}

function memberRows(channelId: string) {
  return harness.store.groups.members({ guildId: GUILD_ID, channelId });
}

describe('/studygroup on the fake Discord', () => {
  it('is registered for everyone (join, leave), with a text-channel option', () => {
    expect('default_member_permissions' in studygroupCommand).toBe(false);
    const create = studygroupCommand.options.find((entry) => entry.name === 'create');
    expect(create?.options[1]).toMatchObject({ name: 'channel', channel_types: [0] });
  });

  it('creates a group for the current channel, trimming the name, and answers only the instructor', async () => {
    const answer = await studygroupAs(
      instructor,
      'create',
      [option.string('name', '  화요일 저녁반  ')],
      CHANNEL_IDS.studyGroupA,
    );
    expect(answer.ephemeral).toBe(true);
    expect(answer.allowedMentions).toEqual({ parse: [] });
    expect(answer.text).toContain(
      `<#${CHANNEL_IDS.studyGroupA}> 채널을 **화요일 저녁반** 스터디 그룹으로 등록했어요`,
    );
    expect(groupRows()).toEqual([
      { channelId: CHANNEL_IDS.studyGroupA, name: '화요일 저녁반', createdBy: instructor.user.id },
    ]);
  });

  it('refuses a second group on the same channel, naming the existing one', async () => {
    const answer = await studygroupAs(
      instructor,
      'create',
      [option.string('name', '다른 이름'), option.channel('channel', CHANNEL_IDS.studyGroupA)],
      CHANNEL_IDS.general,
    );
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('이미 **화요일 저녁반** 스터디 그룹으로 등록되어 있어요');
    expect(groupRows()).toHaveLength(1);
  });

  it('refuses blank, multi-line and over-long names and stores nothing', async () => {
    for (const bad of ['   ', '첫 줄\n둘째 줄', '가'.repeat(51)]) {
      const answer = await studygroupAs(
        instructor,
        'create',
        [option.string('name', bad)],
        CHANNEL_IDS.studyGroupB,
      );
      expect(answer.text).toContain('1~50자');
    }
    expect(groupRows()).toHaveLength(1);
  });

  it('creates a group for a channel given as an option, escaping Markdown and mentions in its name', async () => {
    const answer = await studygroupAs(
      instructor,
      'create',
      [option.string('name', '**2조** @everyone'), option.channel('channel', CHANNEL_IDS.studyGroupB)],
      CHANNEL_IDS.general,
    );
    expect(answer.text).toContain(`<#${CHANNEL_IDS.studyGroupB}>`);
    // Shown as typed, with nothing live: no bold, no mention (the full table is in test/security).
    expect(answer.text).toContain('\\*\\*2조\\*\\* \\@everyone');
    expect(liveTokens(answer.text)).not.toContain('everyone');
    expect(liveTokens(answer.text).filter((token) => token === 'strong')).toHaveLength(1);
    expect(groupRows()).toEqual([
      { channelId: CHANNEL_IDS.studyGroupA, name: '화요일 저녁반', createdBy: instructor.user.id },
      { channelId: CHANNEL_IDS.studyGroupB, name: '**2조** @everyone', createdBy: instructor.user.id },
    ]);
  });

  it('adds learners to the current or given channel’s group, and says when one already is a member', async () => {
    const added = await studygroupAs(
      instructor,
      'add',
      [option.user('user', learner)],
      CHANNEL_IDS.studyGroupA,
    );
    expect(added.text).toContain(`<@${learner.user.id}>님을 **화요일 저녁반** 스터디 그룹`);
    expect(added.text).toContain('(멤버 1명)');

    const other = await studygroupAs(instructor, 'add', [
      option.user('user', otherLearner),
      option.channel('channel', CHANNEL_IDS.studyGroupA),
    ]);
    expect(other.text).toContain('(멤버 2명)');

    const again = await studygroupAs(
      instructor,
      'add',
      [option.user('user', learner)],
      CHANNEL_IDS.studyGroupA,
    );
    expect(again.ephemeral).toBe(true);
    expect(again.text).toContain('이미 **화요일 저녁반** 스터디 그룹');
    expect(memberRows(CHANNEL_IDS.studyGroupA)).toEqual([learner.user.id, otherLearner.user.id]);
  });

  it('tells how to create a group when the channel has none', async () => {
    const answer = await studygroupAs(instructor, 'add', [option.user('user', learner)], CHANNEL_IDS.general);
    expect(answer.text).toContain(`<#${CHANNEL_IDS.general}> 채널에는 스터디 그룹이 없어요`);
    expect(answer.text).toContain(
      '먼저 `/스터디-그룹 만들기` `이름:<이름> 채널:#채널` 명령으로 만들어 주세요',
    );
    expect(memberRows(CHANNEL_IDS.general)).toEqual([]);
  });

  it('lists the server’s groups with channel, member count, creator and creation time', async () => {
    const answer = await studygroupAs(instructor, 'list');
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('스터디 그룹 (2개)');
    expect(answer.text).toContain(`**화요일 저녁반** · <#${CHANNEL_IDS.studyGroupA}>`);
    expect(answer.text).toMatch(new RegExp(`멤버 2명 · 만든 사람 <@${instructor.user.id}> · <t:\\d{10}:f>`));
    expect(answer.text).toContain(`<#${CHANNEL_IDS.studyGroupB}>\n멤버 0명`);
  });

  it('answers in English for an English client', async () => {
    const sent = harness.fake.sendChatCommand({
      name: 'studygroup',
      subcommand: 'list',
      user: instructor,
      locale: 'en-US',
    });
    expect(responseText(await answerOf(harness.fake, sent.id))).toContain('Study groups (2)');
  });

  it('refuses learners on every subcommand and changes nothing', async () => {
    const attempts: [string, CommandOption[]][] = [
      ['create', [option.string('name', '몰래 만든 그룹'), option.channel('channel', CHANNEL_IDS.general)]],
      ['add', [option.user('user', learner), option.channel('channel', CHANNEL_IDS.studyGroupB)]],
      ['remove', [option.channel('channel', CHANNEL_IDS.studyGroupA)]],
      ['list', []],
      [
        'rename',
        [option.string('name', '몰래 바꾼 이름'), option.channel('channel', CHANNEL_IDS.studyGroupA)],
      ],
      [
        'move',
        [
          option.channel('channel', CHANNEL_IDS.announcements),
          option.channel('from', CHANNEL_IDS.studyGroupA),
        ],
      ],
    ];
    for (const [subcommand, options] of attempts) {
      const answer = await studygroupAs(learner, subcommand, options);
      expect(answer.ephemeral).toBe(true);
      expect(answer.text).toContain('강사만 쓸 수 있는 기능');
      expect(answer.text).not.toContain('화요일 저녁반');
    }
    expect(groupRows()).toHaveLength(2);
    expect(memberRows(CHANNEL_IDS.studyGroupA)).toHaveLength(2);
    expect(memberRows(CHANNEL_IDS.studyGroupB)).toEqual([]);
  });

  it('removes a group but keeps its members’ progress, and says so', async () => {
    const learnerRef = { guildId: GUILD_ID, userId: learner.user.id };
    const [entry] = harness.app.catalog.list();
    const lesson = entry!.lesson;
    harness.store.progress.completeStep({
      ...learnerRef,
      lessonId: lesson.id,
      stepId: lesson.steps[0]!.id,
      at: Date.now(),
    });
    const before = harness.store.progress.summary(learnerRef);

    const answer = await studygroupAs(instructor, 'remove', [], CHANNEL_IDS.studyGroupA);
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('**화요일 저녁반** 스터디 그룹');
    expect(answer.text).toContain('멤버 2명의 진도와 점수는 그대로 남아 있어요');
    expect(
      harness.store.groups.get({ guildId: GUILD_ID, channelId: CHANNEL_IDS.studyGroupA }),
    ).toBeUndefined();
    expect(harness.store.progress.summary(learnerRef)).toEqual(before);
    expect(before[0]?.stepsDone).toBe(1);

    const again = await studygroupAs(instructor, 'remove', [
      option.channel('channel', CHANNEL_IDS.studyGroupA),
    ]);
    expect(again.text).toContain('채널에는 스터디 그룹이 없어요');
  });

  it('announces a first /verify success in a group created with /studygroup, and not after removal', async () => {
    const announcementsIn = (channelId: string) =>
      harness.fake.requests.filter(
        (request) => request.method === 'POST' && request.path.endsWith(`/channels/${channelId}/messages`),
      );
    const verifyIn = async (user: FakeUser, image: LearnerFixture, channelId: string) => {
      // The learner proved the Docker ID as /verify asks: their proof tag on the same image.
      const proofTag = harness.app.verification.proofTagFor(
        { guildId: GUILD_ID, userId: user.user.id },
        image.dockerId,
      );
      await pushProofTag(setup.registry, image, proofTag);
      const sent = harness.fake.sendChatCommand({
        name: 'verify',
        user,
        channelId,
        options: [option.string('docker-id', image.dockerId)],
      });
      const answer = await harness.fake.waitForResponse(
        sent.id,
        (response) => response.kind === 'edit-original',
      );
      expect(responseText(answer)).toContain('✅ 도커 허브에서 이미지를 확인했어요!');
      // The handler is done (announcement included) once the dispatcher logs it.
      await vi.waitFor(
        () =>
          expect(
            harness.logs.some((line) => line.interactionId === sent.id && line.msg === 'interaction handled'),
          ).toBe(true),
        { timeout: 15_000 },
      );
    };

    // Channel A's group was removed above: a success there stays private.
    await verifyIn(otherLearner, fixtures.ociIndex, CHANNEL_IDS.studyGroupA);
    expect(announcementsIn(CHANNEL_IDS.studyGroupA)).toEqual([]);

    await studygroupAs(instructor, 'create', [option.string('name', '목요일 반')], CHANNEL_IDS.studyGroupA);
    await verifyIn(learner, fixtures.single, CHANNEL_IDS.studyGroupA);
    const announced = announcementsIn(CHANNEL_IDS.studyGroupA);
    expect(announced).toHaveLength(1);
    const body = announced[0]!.body as { content: string; allowed_mentions: unknown };
    expect(body.content).toContain(
      '**김학습**님이 5.2 도커 허브에 직접 빌드한 이미지 푸시하기 실습 이미지를',
    );
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps a list of many groups within Discord’s limits, counting the rest', () => {
    const many: StudyGroup[] = Array.from({ length: 300 }, (_, index) => ({
      groupId: index + 1,
      guildId: GUILD_ID,
      channelId: String(1_400_000_000_000_000_000n + BigInt(index)),
      name: `${'아주 긴 스터디 그룹 이름'.repeat(4)} ${index}`.slice(0, 50),
      createdBy: instructor.user.id,
      createdAt: Date.UTC(2026, 0, 1),
      memberCount: index,
    }));
    for (const locale of ['ko', 'en'] as const) {
      const rendered = renderGroupList(many, translator(locale));
      expect(checkPayloadLimits(rendered)).toEqual([]);
      expect(JSON.stringify(rendered)).toContain(locale === 'ko' ? '외 ' : 'more');
    }
  });
});
