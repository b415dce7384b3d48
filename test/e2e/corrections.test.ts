import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPayloadLimits } from '../../src/ui/limits.js';
import { ledgerComparison } from '../store/ledger-invariant.js';
import {
  type CommandOption,
  type FakeUser,
  GUILD_ID,
  guildOwner,
  instructor,
  learner,
  option,
} from '../support/fake-discord/index.js';
import { completeSteps } from './support/boards.js';
import {
  answerOf,
  type BotHarness,
  buttonsOf,
  responseText,
  startBotHarness,
} from './support/bot-harness.js';

let now = Date.UTC(2026, 11, 2, 3, 0);
let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ app: { clock: { now: () => now } } });
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

const pointsOf = (user: FakeUser) =>
  (
    harness.store.db
      .prepare('SELECT points FROM learners WHERE guild_id = ? AND user_id = ?')
      .get(GUILD_ID, user.user.id) as { points: number } | undefined
  )?.points ?? 0;

/** Runs /correct <subcommand> and returns the confirmation message (or the refusal's text). */
async function correct(user: FakeUser, subcommand: string, options: CommandOption[]) {
  const sent = harness.fake.sendChatCommand({ name: 'correct', subcommand, options, user });
  const answer = await answerOf(harness.fake, sent.id);
  const message = harness.fake.lastMessageFor(sent.id);
  return { text: responseText(answer), message };
}

/** Presses a button of the confirmation by its label; returns what the presser reads. */
async function press(message: APIMessage, label: string, user: FakeUser) {
  const target = buttonsOf(message).find((button) => button.label === label)!;
  const pressed = harness.fake.pressButton({ customId: target.customId, message, user });
  const answer = await harness.fake.waitForResponse(
    pressed.id,
    (response) => response.kind === 'callback' && (response.type === 4 || response.type === 7),
  );
  return { text: responseText(answer), type: answer.type, body: answer.body };
}

async function progressOf(viewer: FakeUser, of?: FakeUser) {
  const sent = harness.fake.sendChatCommand({
    name: 'progress',
    user: viewer,
    ...(of ? { options: [option.user('user', of)] } : {}),
  });
  const answer = await answerOf(harness.fake, sent.id);
  expect(checkPayloadLimits(answer.body as { components?: readonly unknown[] })).toEqual([]);
  return responseText(answer);
}

function expectLedgerInvariant() {
  const { fromLedger, kept, buckets } = ledgerComparison(harness.store.db);
  expect(kept).toEqual(fromLedger);
  expect(buckets.kept).toEqual(buckets.counted);
}

describe('corrections with a confirmation and an audit log, on the fake Discord', () => {
  it('resets a lesson only after Apply; Cancel, a foreign presser and a learner change nothing', async () => {
    completeSteps(harness, learner, 3, now);
    expect(pointsOf(learner)).toBe(30);
    const asked = await correct(instructor, 'reset-lesson', [
      option.user('user', learner),
      option.string('lesson', '5.2'),
    ]);
    expect(asked.text).toContain('정정 확인');
    expect(asked.text).toContain('**레슨 5.2 초기화**: −30점, 5.2 단계 3개 삭제');
    expect(asked.text).toContain('총점: 30점 → **0점**');
    expect(checkPayloadLimits(asked.message as { components?: readonly unknown[] })).toEqual([]);

    const foreign = await press(asked.message!, '적용', guildOwner);
    expect(foreign.text).toContain('다른 학습자의 화면이에요');
    expect(pointsOf(learner)).toBe(30);

    // A learner who forges the button for themselves is refused: the server checks every press.
    const forgedId = buttonsOf(asked.message)
      .find((button) => button.label === '적용')!
      .customId.replace(instructor.user.id, learner.user.id);
    const forgedMessage = JSON.parse(
      JSON.stringify(asked.message).replace(instructor.user.id, learner.user.id),
    );
    const forged = harness.fake.pressButton({ customId: forgedId, message: forgedMessage, user: learner });
    const refused = await harness.fake.waitForResponse(forged.id, (response) => response.type === 4);
    expect(responseText(refused)).toContain('강사만 쓸 수 있는 기능');
    expect(pointsOf(learner)).toBe(30);

    const cancelled = await press(asked.message!, '취소', instructor);
    expect(cancelled.type).toBe(7);
    expect(cancelled.text).toContain('취소했어요. 아무것도 바뀌지 않았어요.');
    expect(pointsOf(learner)).toBe(30);

    const again = await correct(instructor, 'reset-lesson', [
      option.user('user', learner),
      option.string('lesson', '5.2'),
    ]);
    const applied = await press(again.message!, '적용', instructor);
    expect(applied.type).toBe(7);
    expect(applied.text).toContain('정정을 적용했어요');
    expect(applied.text).toContain('레슨 5.2 초기화 (5.2 단계 3개 삭제)');
    expect(applied.text).toContain('총점: 30점 → **0점**');
    expect(buttonsOf(applied.body as APIMessage)).toEqual([]);
    expect(pointsOf(learner)).toBe(0);
    expect(
      harness.store.progress.completedSteps({ guildId: GUILD_ID, userId: learner.user.id, lessonId: '5.2' }),
    ).toEqual([]);
    expectLedgerInvariant();

    const twice = await press(again.message!, '적용', instructor);
    expect(twice.text).toContain('이미 적용했거나 취소한 정정이에요');
    expect(pointsOf(learner)).toBe(0);
  });

  it('adjusts points with a reason; an Apply pressed after five minutes is dropped', async () => {
    const asked = await correct(instructor, 'adjust-points', [
      option.user('user', learner),
      option.integer('points', 15),
      option.string('reason', '발표 *우수*'),
    ]);
    expect(asked.text).toContain('**점수 조정**: +15점 · 사유: 발표 \\*우수\\*');
    now += 5 * 60_000 + 1;
    const late = await press(asked.message!, '적용', instructor);
    expect(late.text).toContain('5분 안에 적용하지 않아서 취소됐어요');
    expect(pointsOf(learner)).toBe(0);

    const below = await correct(instructor, 'adjust-points', [
      option.user('user', learner),
      option.integer('points', -5),
      option.string('reason', '감점'),
    ]);
    expect(below.text).toContain('점수는 0점 아래로 내려갈 수 없어요');

    const again = await correct(instructor, 'adjust-points', [
      option.user('user', learner),
      option.integer('points', 15),
      option.string('reason', '발표 *우수*'),
    ]);
    now += 60_000;
    const applied = await press(again.message!, '적용', instructor);
    expect(applied.text).toContain('점수 조정 +15점 · 사유: 발표 \\*우수\\*');
    expect(pointsOf(learner)).toBe(15);
    expectLedgerInvariant();
  });

  it('releases a Docker ID only after Apply, and refuses learners the command', async () => {
    harness.store.claims.claim({
      guildId: GUILD_ID,
      userId: learner.user.id,
      dockerId: 'kimdocker',
      at: now,
    });
    const byLearner = await correct(learner, 'release-docker-id', [option.user('user', learner)]);
    expect(byLearner.text).toContain('강사만 쓸 수 있는 기능');
    expect(harness.store.claims.get({ guildId: GUILD_ID, userId: learner.user.id })).toBe('kimdocker');

    const asked = await correct(instructor, 'release-docker-id', [option.user('user', learner)]);
    expect(asked.text).toContain('**도커 ID 해제**: `kimdocker` 연결을 끊어요');
    expect(harness.store.claims.get({ guildId: GUILD_ID, userId: learner.user.id })).toBe('kimdocker');
    const applied = await press(asked.message!, '적용', instructor);
    expect(applied.text).toContain('도커 ID `kimdocker` 해제');
    expect(harness.store.claims.get({ guildId: GUILD_ID, userId: learner.user.id })).toBeNull();
  });

  it('shows every correction in /progress: who, what, when and why, to instructors and to the learner', async () => {
    const forInstructor = await progressOf(instructor, learner);
    expect(forInstructor).toContain('### 🧾 정정 기록');
    const entries = forInstructor.split('\n').filter((line) => line.startsWith('- <t:'));
    expect(entries).toEqual([
      `- <t:${Math.floor(now / 1000)}:f> · 강사 <@${instructor.user.id}> · 도커 ID \`kimdocker\` 해제 · 총점 15점 → 15점`,
      `- <t:${Math.floor(now / 1000)}:f> · 강사 <@${instructor.user.id}> · 점수 조정 +15점 · 사유: 발표 \\*우수\\* · 총점 0점 → 15점`,
      expect.stringMatching(/· 강사 <@\d+> · 레슨 5\.2 초기화 \(5\.2 단계 3개 삭제\) · 총점 30점 → 0점$/),
    ]);
    const forLearner = await progressOf(learner);
    expect(forLearner).toContain('점수 조정 +15점 · 사유: 발표 \\*우수\\*');
  });
});
