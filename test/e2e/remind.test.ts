/**
 * /remind on the fake Discord: a private reminder (DM) after the days of inactivity a learner
 * chose, once per stretch of inactivity; closed DMs are told once, in the ephemeral answer, and
 * pause the reminder. Time moves by a manual clock; scheduled work runs through runNow().
 */
import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReminderOutcome } from '../../src/app/reminder-job.js';
import {
  CHANNEL_IDS,
  type FakeUser,
  GUILD_ID,
  learner,
  makeLearner,
  option,
  otherLearner,
} from '../support/fake-discord/index.js';
import { ManualClock } from '../support/manual-clock.js';
import { answerOf, type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

const DAY_SECONDS = 86_400;
const clock = new ManualClock(Date.parse('2026-04-01T01:00:00Z'));
const outcomes: ReminderOutcome[] = [];
let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({
    app: { clock },
    weekly: { retryDelaysMs: [0], onReminder: (outcome) => outcomes.push(outcome) },
  });
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

async function remind(user: FakeUser, subcommand: 'on' | 'off', days?: number) {
  const sent = harness.fake.sendChatCommand({
    name: 'remind',
    subcommand,
    options: days === undefined ? [] : [option.integer('days', days)],
    user,
    channelId: CHANNEL_IDS.general,
  });
  const answer = await answerOf(harness.fake, sent.id);
  const flags = (answer.body as { flags?: number }).flags ?? 0;
  return { text: responseText(answer), ephemeral: (flags & MessageFlags.Ephemeral) !== 0 };
}

const dmTexts = (user: FakeUser) =>
  harness.fake.directMessagesTo(user.user.id).map((message) => message.content);
const dmAttempts = (user: FakeUser) =>
  harness.fake.requests.filter(
    (request) =>
      request.route === 'dm-channel-create' &&
      (request.body as { recipient_id?: string }).recipient_id === user.user.id,
  ).length;

function reminderRow(user: FakeUser) {
  return harness.store.reminders.get({ guildId: GUILD_ID, userId: user.user.id });
}

function stepNow(user: FakeUser) {
  const { lesson } = harness.app.catalog.list()[0]!;
  harness.store.progress.completeStep({
    guildId: GUILD_ID,
    userId: user.user.id,
    lessonId: lesson.id,
    stepId: lesson.steps[0]!.id,
    at: clock.now(),
  });
}

describe('/remind', () => {
  it('switches on with a test DM, so the learner knows DMs reach them', async () => {
    const answer = await remind(learner, 'on', 3);
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('3일 동안 학습 기록이 없으면 개인 메시지(DM)로 한 번 알려 드릴게요');
    expect(dmTexts(learner)).toHaveLength(1);
    expect(dmTexts(learner)[0]).toContain('학습 알림을 켰어요');
    expect(reminderRow(learner)).toMatchObject({ days: 3, state: 'on' });
  });

  it('tells a learner with closed DMs once, in the ephemeral answer, and pauses the reminder', async () => {
    harness.fake.setDirectMessagesClosed(otherLearner.user.id);
    const answer = await remind(otherLearner, 'on', 2);
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('개인 메시지(DM)를 보낼 수 없어서 알림을 멈춰 두었어요');
    expect(reminderRow(otherLearner)).toMatchObject({ days: 2, state: 'dm-closed' });
    const attempts = dmAttempts(otherLearner);

    clock.advanceSeconds(10 * DAY_SECONDS);
    await harness.bot.scheduler.runNow();
    await harness.bot.scheduler.runNow();
    // Paused: never tried again.
    expect(dmAttempts(otherLearner)).toBe(attempts);
    // The only reminder sent is the other learner's (inactive for 10 days by now), once.
    expect(outcomes).toEqual(['sent']);
  });

  it('sends one DM after N days without learning, not every day, and again after the next stretch', async () => {
    // Switched on 04-01 for 3 days; the run above on 04-11 sent the reminder.
    expect(dmTexts(learner)).toHaveLength(2);
    expect(dmTexts(learner)[1]).toContain('3일 넘게 학습 기록이 없어요');
    await harness.bot.scheduler.runNow();
    expect(dmTexts(learner)).toHaveLength(2);

    clock.advanceSeconds(DAY_SECONDS);
    await harness.bot.scheduler.runNow();
    expect(dmTexts(learner)).toHaveLength(2);

    // Learning ends the stretch; the next one gets its own reminder after 3 days.
    stepNow(learner);
    clock.advanceSeconds(2 * DAY_SECONDS);
    await harness.bot.scheduler.runNow();
    expect(dmTexts(learner)).toHaveLength(2);
    clock.advanceSeconds(DAY_SECONDS);
    await harness.bot.scheduler.runNow();
    expect(dmTexts(learner)).toHaveLength(3);
  });

  it('pauses a reminder whose DMs closed later, without retrying every hour', async () => {
    const late = makeLearner(7, '늦게닫음');
    await remind(late, 'on', 1);
    harness.fake.setDirectMessagesClosed(late.user.id);
    outcomes.length = 0;
    clock.advanceSeconds(2 * DAY_SECONDS);
    await harness.bot.scheduler.runNow();
    expect(outcomes).toContain('dm-closed');
    expect(reminderRow(late)?.state).toBe('dm-closed');
    const attempts = dmAttempts(late);
    clock.advanceSeconds(DAY_SECONDS);
    await harness.bot.scheduler.runNow();
    expect(dmAttempts(late)).toBe(attempts);
  });

  it('switches off', async () => {
    expect((await remind(learner, 'off')).text).toContain('학습 알림을 껐어요');
    expect(reminderRow(learner)).toBeNull();
    const before = dmTexts(learner).length;
    clock.advanceSeconds(30 * DAY_SECONDS);
    await harness.bot.scheduler.runNow();
    expect(dmTexts(learner)).toHaveLength(before);
    expect((await remind(learner, 'off')).text).toContain('켜져 있는 학습 알림이 없어요');
  });
});
