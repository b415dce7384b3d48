import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/ui/index.js';
import { instructor, learner, option, otherLearner } from '../support/fake-discord/index.js';
import {
  answerOf,
  type BotHarness,
  buttonsOf,
  responseText,
  startBotHarness,
} from './support/bot-harness.js';

let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness();
});

afterAll(async () => {
  await harness?.stop();
});

function kindOf(customId: string) {
  const decoded = decodeCustomId(customId);
  return decoded.ok ? decoded.value : undefined;
}

async function press(message: APIMessage, customId: string, user = learner) {
  const pressed = harness.fake.pressButton({ customId, message, user });
  const answer = await answerOf(harness.fake, pressed.id);
  return { pressed, answer, message: harness.fake.lastMessageFor(pressed.id) };
}

function buttonWhere(
  message: APIMessage | undefined,
  test: (value: NonNullable<ReturnType<typeof kindOf>>) => boolean,
) {
  const found = buttonsOf(message).find((button) => {
    const value = kindOf(button.customId);
    return value !== undefined && test(value);
  });
  if (!found) throw new Error(`no such button on: ${responseText(message)}`);
  return found;
}

function completedSteps(userId: string): number {
  const row = harness.store.db
    .prepare('SELECT COUNT(*) AS n FROM step_completions WHERE user_id = ?')
    .get(userId) as { n: number };
  return row.n;
}

describe('a learner takes lesson 5.2 on Discord', () => {
  let lastPage: APIMessage | undefined;

  it('walks every page with ▶, each step counted once, and reaches the quiz', async () => {
    const started = harness.fake.sendChatCommand({ name: 'lesson', subcommand: 'next', user: learner });
    const first = await answerOf(harness.fake, started.id);
    expect(first.kind).toBe('callback');
    expect(first.type).toBe(4);
    expect(responseText(first)).toContain('5.2 도커 허브에 직접 빌드한 이미지 푸시하기');
    expect(responseText(first)).toContain('사전 준비');
    expect((first.body as { flags: number }).flags & 64).toBe(64);

    let message = harness.fake.lastMessageFor(started.id);
    const seenSteps = new Set<string>();
    for (let turn = 0; turn < 20; turn++) {
      const forward = buttonsOf(message).find(
        (button) => button.label.includes('▶') && kindOf(button.customId)?.kind === 'page',
      );
      if (!forward) break;
      const result = await press(message!, forward.customId);
      expect(result.answer.type).toBe(7);
      // Each page here is reached by leaving a step the first time: it says so, with the points.
      expect(responseText(result.message)).toContain(
        `-# ✅ 앞 단계를 마쳤어요. **+10점** (총 ${(seenSteps.size + 1) * 10}점)`,
      );
      seenSteps.add(responseText(result.message).split('\n')[1] ?? '');
      message = result.message;
    }
    expect(responseText(message)).toContain('핵심 개념과 주요 명령어 정리');
    // Six steps were left with ▶; the last one counts when the quiz starts.
    expect(completedSteps(learner.user.id)).toBe(6);
    lastPage = message;
  });

  it('answers the quiz (one wrong first) and sees the score', async () => {
    const start = buttonWhere(lastPage, (value) => value.kind === 'quiz');
    const question1 = await press(lastPage!, start.customId);
    expect(responseText(question1.message)).toContain('문제 1/2');
    expect(completedSteps(learner.user.id)).toBe(7);

    const wrong = buttonWhere(question1.message, (value) => value.kind === 'answer' && value.option === 'A');
    const answered1 = await press(question1.message!, wrong.customId);
    expect(responseText(answered1.message)).toContain('정답: **B. 본인의 계정명**');
    expect(responseText(answered1.message)).toContain('계정명/이미지명:태그');

    const next1 = buttonWhere(answered1.message, (value) => value.kind === 'next');
    const question2 = await press(answered1.message!, next1.customId);
    expect(responseText(question2.message)).toContain('IMAGE ID가 같은 두 개의 이미지');

    const right = buttonWhere(question2.message, (value) => value.kind === 'answer' && value.option === 'B');
    const answered2 = await press(question2.message!, right.customId);
    expect(responseText(answered2.message)).toMatch(/정답이에요|맞았|✅/);

    const next2 = buttonWhere(answered2.message, (value) => value.kind === 'next');
    const score = await press(answered2.message!, next2.customId);
    expect(responseText(score.message)).toContain('2문제 중 **1문제**');
  });

  it('/progress shows 7/7 steps, the first-try quiz score and the points', async () => {
    const asked = harness.fake.sendChatCommand({ name: 'progress', user: learner });
    const text = responseText(await answerOf(harness.fake, asked.id));
    expect(text).toContain('단계 7/7');
    expect(text).toContain('퀴즈 첫 시도 정답 1/2');
    // 7 steps × 10 + a first-try correct answer 20.
    expect(text).toContain('총 **90점**');
    expect(text).toContain('1위');
  });

  it('a retried question earns the later-correct points and completes the lesson, once', async () => {
    const quiz = harness.fake.sendChatCommand({
      name: 'quiz',
      user: learner,
      options: [option.string('lesson', '5.2')],
    });
    await answerOf(harness.fake, quiz.id);
    const question = harness.fake.lastMessageFor(quiz.id);
    const right = buttonWhere(question, (value) => value.kind === 'answer' && value.option === 'B');
    await press(question!, right.customId);
    await press(question!, right.customId);
    const row = harness.store.db
      .prepare('SELECT points FROM learners WHERE user_id = ?')
      .get(learner.user.id) as { points: number };
    // + 5 for the later correct answer, + 30 for completing the lesson; the repeat adds nothing.
    expect(row.points).toBe(125);
  });
});

describe('buttons that are not the presser’s to press', () => {
  let page: APIMessage | undefined;

  beforeAll(async () => {
    const opened = harness.fake.sendChatCommand({
      name: 'lesson',
      subcommand: 'open',
      user: otherLearner,
      options: [option.string('lesson', '5.2'), option.integer('step', 2)],
    });
    await answerOf(harness.fake, opened.id);
    page = harness.fake.lastMessageFor(opened.id);
    expect(responseText(page)).toContain('Step 1: 환경 변수 설정');
  });

  it('refuses another member pressing someone’s page and changes nothing', async () => {
    const forward = buttonWhere(page, (value) => value.kind === 'page' && value.page === 2);
    const before = completedSteps(instructor.user.id);
    const result = await press(page!, forward.customId, instructor);
    expect(result.answer.type).toBe(4);
    expect(responseText(result.answer)).toContain('다른 학습자의 화면');
    expect((result.answer.body as { flags: number }).flags & 64).toBe(64);
    expect(completedSteps(instructor.user.id)).toBe(before);
    expect(completedSteps(otherLearner.user.id)).toBe(0);
  });

  it('refuses a tampered custom id with a friendly message and changes nothing', async () => {
    const forward = buttonWhere(page, (value) => value.kind === 'page');
    for (const tampered of [
      forward.customId.replace(/:(\d+):(\d{17,20}):/, ':abc:$2:'),
      `${forward.customId}:extra`,
      'ls:drop-table:5.2:1',
      '',
    ]) {
      const message = structuredClone(page!);
      const button = (message.components as { components: { components?: { custom_id?: string }[] }[] }[])
        .flatMap((container) => container.components)
        .flatMap((child) => child.components ?? [])
        .find((child) => child.custom_id === forward.customId)!;
      button.custom_id = tampered || 'x';
      const result = await press(message, button.custom_id, otherLearner);
      expect(responseText(result.answer)).toContain('알 수 없는 버튼');
    }
    expect(completedSteps(otherLearner.user.id)).toBe(0);
    expect(harness.logs.some((line) => line.outcome === 'error')).toBe(false);
  });

  it('refuses a button made for older content of the lesson', async () => {
    const forward = buttonWhere(page, (value) => value.kind === 'page');
    const message = structuredClone(page!);
    const stale = forward.customId.replace(/:[0-9a-f]{8}$/, ':deadbeef');
    const button = (message.components as { components: { components?: { custom_id?: string }[] }[] }[])
      .flatMap((container) => container.components)
      .flatMap((child) => child.components ?? [])
      .find((child) => child.custom_id === forward.customId)!;
    button.custom_id = stale;
    const result = await press(message, stale, otherLearner);
    expect(responseText(result.answer)).toContain('레슨 내용이 바뀌었어요');
    expect(completedSteps(otherLearner.user.id)).toBe(0);
  });

  it('◀ goes back without marking anything; ▶ off a step marks that step only', async () => {
    const back = buttonWhere(page, (value) => value.kind === 'page' && value.page === 0);
    const previous = await press(page!, back.customId, otherLearner);
    expect(responseText(previous.message)).toContain('사전 준비');
    expect(completedSteps(otherLearner.user.id)).toBe(0);

    const forward = buttonWhere(previous.message, (value) => value.kind === 'page' && value.page === 1);
    await press(previous.message!, forward.customId, otherLearner);
    const done = harness.store.progress.completedSteps({
      guildId: previous.pressed.payload.guild_id!,
      userId: otherLearner.user.id,
      lessonId: '5.2',
    });
    expect(done).toEqual(['사전-준비']);
  });

  it('answers in English for a non-Korean client', async () => {
    const opened = harness.fake.sendChatCommand({
      name: 'lesson',
      subcommand: 'open',
      user: otherLearner,
      locale: 'en-US',
      options: [option.string('lesson', 'no such lesson')],
    });
    const text = responseText(await answerOf(harness.fake, opened.id));
    expect(text).toContain('No lesson matches `no such lesson`');
  });
});
