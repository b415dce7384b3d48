/**
 * A study group's weekly digest on the fake Discord: set by an instructor, posted by the bot's
 * scheduler at the hour (driven here by a manual clock and scheduler.runNow(), never real time),
 * once per week across restarts, caught up after downtime, never twice after a crash between
 * sending and storing, and failing safely when the channel is gone.
 */
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestOutcome } from '../../src/app/digest-job.js';
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
import { ManualClock } from '../support/manual-clock.js';
import { answerOf, type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

/** A Seoul wall-clock time (the course time zone, UTC+9) as epoch ms. */
const seoul = (local: string) => Date.parse(`${local}+09:00`);

class SettableClock extends ManualClock {
  set(at: number): void {
    this.advanceSeconds((at - this.now()) / 1000);
  }
}

const clock = new SettableClock(seoul('2026-02-20T10:00:00'));
const outcomes: DigestOutcome[] = [];
let harness: BotHarness;

// A name that would ping everyone and mention someone if it were not escaped.
const hostile = makeLearner(3, '@everyone <@1300000000000001001> **굵게**');
const stuck = makeLearner(4, '멈춘학습자');
const idle = makeLearner(5, '쉬는학습자');
const otherGroupMember = makeLearner(6, '다른조');

beforeAll(async () => {
  harness = await startBotHarness({
    app: { clock },
    weekly: { retryDelaysMs: [0], onDigest: (outcome) => outcomes.push(outcome) },
  });
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

async function command(
  user: FakeUser,
  name: string,
  subcommand: string | undefined,
  options: CommandOption[],
  channelId: string,
) {
  const sent = harness.fake.sendChatCommand({
    name,
    ...(subcommand ? { subcommand } : {}),
    options,
    user,
    channelId,
  });
  return responseText(await answerOf(harness.fake, sent.id));
}

function digestsIn(channelId: string): APIMessage[] {
  return (
    harness.fake
      .channelMessages(channelId)
      // Posted by the bot itself, not an answer to an interaction (those carry the application id).
      .filter((message) => !message.application_id && responseText(message).includes('주간 요약'))
  );
}

function digestRow() {
  const group = harness.store.groups.get({ guildId: GUILD_ID, channelId: CHANNEL_IDS.studyGroupA })!;
  return harness.store.digests.setting(group.groupId)!;
}

const lesson = () => harness.app.catalog.list()[0]!.lesson;

function learnerRef(user: FakeUser) {
  return { guildId: GUILD_ID, userId: user.user.id, lessonId: lesson().id };
}

/** Steps done through the store's recording paths, stamped with the manual clock. */
function finishSteps(user: FakeUser, count: number) {
  const ref = learnerRef(user);
  harness.store.progress.setPosition({ ...ref, pageIndex: 0, at: clock.now() });
  for (const step of lesson().steps.slice(0, count)) {
    harness.store.progress.completeStep({ ...ref, stepId: step.id, at: clock.now() });
  }
}

function completeLesson(user: FakeUser) {
  finishSteps(user, lesson().steps.length);
  for (const question of lesson().quiz) {
    harness.store.quiz.recordAnswer({
      ...learnerRef(user),
      questionId: question.id,
      chosen: question.answer,
      at: clock.now(),
    });
  }
}

describe('weekly digest', () => {
  it('is set by an instructor for a day and hour in the course time zone, from the next slot on', async () => {
    await command(
      instructor,
      'studygroup',
      'create',
      [option.string('name', '화요일 저녁반')],
      CHANNEL_IDS.studyGroupA,
    );
    await command(
      instructor,
      'studygroup',
      'create',
      [option.string('name', '주말반')],
      CHANNEL_IDS.studyGroupB,
    );
    await command(
      instructor,
      'studygroup',
      'add',
      [
        option.user('user', learner),
        option.user('user2', otherLearner),
        option.user('user3', hostile),
        option.user('user4', stuck),
        option.user('user5', idle),
      ],
      CHANNEL_IDS.studyGroupA,
    );
    await command(
      instructor,
      'studygroup',
      'add',
      [option.user('user', otherGroupMember)],
      CHANNEL_IDS.studyGroupB,
    );

    const noHour = await command(
      instructor,
      'studygroup',
      'digest',
      [option.string('day', 'mon')],
      CHANNEL_IDS.studyGroupA,
    );
    expect(noHour).toContain('`시:` 옵션');
    for (const day of ['constructor', '월요일', '']) {
      const bad = await command(
        instructor,
        'studygroup',
        'digest',
        [option.string('day', day), option.integer('hour', 9)],
        CHANNEL_IDS.studyGroupA,
      );
      expect(bad).toContain('요일은 목록에서 골라 주세요');
    }
    const refused = await command(
      learner,
      'studygroup',
      'digest',
      [option.string('day', 'mon'), option.integer('hour', 9)],
      CHANNEL_IDS.studyGroupA,
    );
    expect(refused).toContain('강사만 쓸 수 있는 기능');

    const set = await command(
      instructor,
      'studygroup',
      'digest',
      [option.string('day', 'mon'), option.integer('hour', 9)],
      CHANNEL_IDS.studyGroupA,
    );
    expect(set).toContain('매주 월요일 9시(Asia/Seoul 기준)');
    // Friday 2026-02-20: the first digest is Monday 2026-02-23 09:00 in Seoul.
    expect(set).toContain(`<t:${seoul('2026-02-23T09:00:00') / 1000}:F>`);
    await command(
      instructor,
      'studygroup',
      'digest',
      [option.string('day', 'mon'), option.integer('hour', 9)],
      CHANNEL_IDS.studyGroupB,
    );
    await harness.bot.scheduler.runNow();
    expect(digestsIn(CHANNEL_IDS.studyGroupA)).toEqual([]);
    const list = await command(instructor, 'studygroup', 'list', [], CHANNEL_IDS.general);
    expect(list).toContain('멤버 5명');
    expect(list).toContain('📅 주간 요약: 매주 월요일 9시');
  });

  it('posts the week once at the hour: achievements by name (no pings), where members stopped, rank, inactive count', async () => {
    // The first slot: an empty week.
    clock.set(seoul('2026-02-23T09:00:00'));
    await harness.bot.scheduler.runNow();
    expect(digestsIn(CHANNEL_IDS.studyGroupA)).toHaveLength(1);
    expect(responseText(digestsIn(CHANNEL_IDS.studyGroupA)[0])).toContain(
      '레슨을 완료하거나 인증한 멤버는 없어요',
    );

    // The week of 02-23 … 03-01 in Seoul.
    clock.set(seoul('2026-02-25T20:00:00'));
    completeLesson(learner);
    finishSteps(otherLearner, 2);
    finishSteps(hostile, 2);
    harness.store.verifications.markVerified({ ...learnerRef(hostile), at: clock.now() });
    finishSteps(stuck, 0);
    finishSteps(otherGroupMember, 1);

    clock.set(seoul('2026-03-02T08:59:00'));
    await harness.bot.scheduler.runNow();
    expect(digestsIn(CHANNEL_IDS.studyGroupA)).toHaveLength(1);

    clock.set(seoul('2026-03-02T09:00:00'));
    await harness.bot.scheduler.runNow();
    const [, digest] = digestsIn(CHANNEL_IDS.studyGroupA);
    expect(digestsIn(CHANNEL_IDS.studyGroupA)).toHaveLength(2);
    const text = responseText(digest);
    expect(text).toContain('화요일 저녁반 · 주간 요약');
    expect(text).toContain(
      `<t:${seoul('2026-02-23T09:00:00') / 1000}:D> ~ <t:${seoul('2026-03-02T09:00:00') / 1000 - 1}:D>`,
    );
    expect(text).toContain(`**김학습** · ✅ 완료 ${lesson().id}`);
    expect(text).toContain(`🐳 인증 ${lesson().id}`);
    // The hostile name is text: escaped, no mention, no @everyone.
    expect(text).toContain('\\@everyone');
    expect(text).not.toMatch(/<@!?\d+>/);
    expect(text).not.toMatch(/(^|[^\\])@everyone/);
    expect(text).toContain(`레슨 ${lesson().id} · 3단계`);
    expect(text).toContain('멤버 2명');
    expect(text).toContain('스터디 그룹 2개 중 **1위**');
    // The idle member did nothing since joining on 02-20, more than 7 days before the digest.
    expect(text).toContain('7일 넘게 학습 기록이 없는 멤버: **1명** (전체 5명)');
    expect(text).not.toContain('쉬는학습자');
    const request = harness.fake.requests.find(
      (entry) =>
        entry.method === 'POST' && entry.path.endsWith(`/channels/${CHANNEL_IDS.studyGroupA}/messages`),
    );
    expect(request?.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(digestRow()).toMatchObject({
      coveredSlot: seoul('2026-03-02T09:00:00'),
      sendingSlot: null,
      lastOutcome: 'sent',
    });

    await harness.bot.scheduler.runNow();
    expect(digestsIn(CHANNEL_IDS.studyGroupA)).toHaveLength(2);
  });

  it('is not posted again after a restart in the same week', async () => {
    clock.set(seoul('2026-03-02T09:30:00'));
    await harness.restart();
    await harness.bot.scheduler.runNow();
    expect(digestsIn(CHANNEL_IDS.studyGroupA)).toHaveLength(2);
  });

  it('catches up once with a digest that came due while the bot was down', async () => {
    await harness.bot.stop();
    clock.set(seoul('2026-03-09T15:00:00'));
    await harness.restart();
    await harness.bot.scheduler.runNow();
    const digests = digestsIn(CHANNEL_IDS.studyGroupA);
    expect(digests).toHaveLength(3);
    expect(responseText(digests[2])).toContain(`<t:${seoul('2026-03-02T09:00:00') / 1000}:D>`);
    expect(digestRow().coveredSlot).toBe(seoul('2026-03-09T09:00:00'));
  });

  it('never posts twice when the bot stopped between sending and storing', async () => {
    const slot = seoul('2026-03-09T09:00:00');
    const lastWeek = seoul('2026-03-02T09:00:00');
    const rewind = (sendingSince: number) =>
      harness.store.db
        .prepare(
          'UPDATE group_digests SET covered_slot = ?, sending_slot = ?, sending_since = ? WHERE group_id = ?',
        )
        .run(lastWeek, slot, sendingSince, digestRow().groupId);

    // Sent, then a crash before storing it: a prompt restart sends again with the same nonce,
    // and Discord hands back the first message.
    rewind(clock.now() - 30_000);
    await harness.restart();
    await harness.bot.scheduler.runNow();
    expect(digestsIn(CHANNEL_IDS.studyGroupA)).toHaveLength(3);
    expect(digestRow()).toMatchObject({ coveredSlot: slot, sendingSlot: null, lastOutcome: 'sent' });

    // The same after a long outage: Discord's nonce memory may be gone, so the slot is given up.
    rewind(clock.now() - 60 * 60_000);
    await harness.restart();
    await harness.bot.scheduler.runNow();
    expect(digestsIn(CHANNEL_IDS.studyGroupA)).toHaveLength(3);
    expect(digestRow()).toMatchObject({ coveredSlot: slot, sendingSlot: null, lastOutcome: 'abandoned' });
    expect(harness.logs.some((line) => String(line.msg).includes('weekly digest given up'))).toBe(true);
  });

  it('retries a Discord outage a bounded number of times, and logs a deleted channel without crashing', async () => {
    const before = digestsIn(CHANNEL_IDS.studyGroupA).length;
    // discord.js retries a 5xx three times itself; the fourth failure reaches the bot, which retries once.
    harness.fake.failNext({ route: 'channel-message-create', status: 500, times: 4 });
    // The other group's channel was deleted.
    harness.store.db
      .prepare('UPDATE study_groups SET channel_id = ? WHERE channel_id = ?')
      .run('1300000000000000399', CHANNEL_IDS.studyGroupB);
    outcomes.length = 0;
    clock.set(seoul('2026-03-16T09:05:00'));
    await harness.bot.scheduler.runNow();
    expect(digestsIn(CHANNEL_IDS.studyGroupA)).toHaveLength(before + 1);
    expect(outcomes.sort()).toEqual(['failed', 'sent']);
    const failure = harness.logs.find((line) => line.msg === 'weekly digest could not be sent');
    expect(failure).toMatchObject({ channel: '1300000000000000399', failure: { kind: 'gone' } });
    // The bot still answers.
    expect(await command(learner, 'progress', undefined, [], CHANNEL_IDS.general)).toContain('김학습');
  });

  it('stops when switched off', async () => {
    const before = digestsIn(CHANNEL_IDS.studyGroupA).length;
    const off = await command(
      instructor,
      'studygroup',
      'digest',
      [option.string('day', 'off')],
      CHANNEL_IDS.studyGroupA,
    );
    expect(off).toContain('주간 요약을 껐어요');
    clock.set(seoul('2026-03-23T10:00:00'));
    await harness.bot.scheduler.runNow();
    expect(digestsIn(CHANNEL_IDS.studyGroupA)).toHaveLength(before);
  });
});
