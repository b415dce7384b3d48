import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageFlags } from 'discord-api-types/v10';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsCommand } from '../../commands/stats.js';
import type { Lesson } from '../../src/content/model.js';
import { translator } from '../../src/i18n/index.js';
import { checkPayloadLimits } from '../../src/ui/limits.js';
import { funnelLayout, renderFunnelPicture } from '../../src/ui/pictures/index.js';
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

const lessonFile = '05-02-push-image-to-docker-hub.md';
const bigLessonFile = '99-big-lesson.md';
const STEPS = 40;
const QUESTIONS = 20;

/** A lesson at the sizes /stats must cope with: 40 steps with long titles and 20 questions. */
function bigLessonText(): string {
  const steps = Array.from(
    { length: STEPS },
    (_, index) =>
      `### Step ${index + 1}: 컨테이너 이미지를 다루는 아주 긴 단계 제목 번호 ${index + 1}\n\n단계 ${index + 1}의 본문입니다.\n`,
  );
  const questions = Array.from(
    { length: QUESTIONS },
    (_, index) =>
      `**문제 ${index + 1}:** 도커 이미지와 컨테이너에 관해 꽤 길게 쓴 ${index + 1}번째 연습 문제의 질문 내용은 무엇일까요?\n\n` +
      'A. 첫째 보기  \nB. 둘째 보기  \nC. 셋째 보기  \nD. 넷째 보기\n\n' +
      '<details>\n<summary><strong>정답 보기</strong></summary>\n\n**정답: B**\n\n둘째 보기가 맞아요.\n\n</details>\n',
  );
  return [
    "---\ntitle: '9.9 큰 강의'\nauthorNick: '테스터'\ncreatedAt: '2025-09-05'\n---\n",
    '# 9.9 큰 강의\n',
    '## 🚀 실습\n',
    ...steps,
    '## 🎮 연습 문제\n',
    ...questions,
  ].join('\n');
}

let harness: BotHarness;
let dataDir: string;
const thirdLearner = makeLearner(1);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'dsb-stats-'));
  const lessonsDir = path.join(dataDir, 'lessons');
  mkdirSync(lessonsDir);
  copyFileSync(path.join('data/lessons', lessonFile), path.join(lessonsDir, lessonFile));
  writeFileSync(path.join(lessonsDir, bigLessonFile), bigLessonText());
  writeFileSync(
    path.join(dataDir, 'course.yaml'),
    `${readFileSync('data/course.yaml', 'utf8')}\n  - file: ${bigLessonFile}\n`,
  );
  harness = await startBotHarness({ env: { LESSONS_DIR: lessonsDir } });
}, 60_000);

afterAll(async () => {
  await harness?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function lessonOf(id: string): Lesson {
  return harness.app.catalog.find(id)!.lesson;
}

const ids = (user: FakeUser, lessonId = '5.2') => ({ guildId: GUILD_ID, userId: user.user.id, lessonId });

function open(user: FakeUser, lessonId = '5.2') {
  harness.store.progress.setPosition({ ...ids(user, lessonId), pageIndex: 0, at: Date.now() });
}

function completeSteps(user: FakeUser, count: number, lessonId = '5.2') {
  for (const step of lessonOf(lessonId).steps.slice(0, count)) {
    harness.store.progress.completeStep({ ...ids(user, lessonId), stepId: step.id, at: Date.now() });
  }
}

function answer(user: FakeUser, questionIndex: number, chosen: string, lessonId = '5.2') {
  const questionId = lessonOf(lessonId).quiz[questionIndex]!.id;
  harness.store.quiz.recordAnswer({ ...ids(user, lessonId), questionId, chosen, at: Date.now() });
}

function verifyAttempt(user: FakeUser, outcome: string, lessonId = '5.2', digest: string | null = null) {
  harness.store.verifications.record({
    ...ids(user, lessonId),
    dockerId: 'learner01',
    repository: 'image-gallery',
    tag: 'v1',
    outcome,
    digest,
    details: {},
    at: Date.now(),
  });
}

/** Runs /stats and waits for all three messages: funnel (the deferred reply), quiz, /verify. */
async function statsAs(user: FakeUser, options: CommandOption[]) {
  const sent = harness.fake.sendChatCommand({ name: 'stats', options, user });
  const funnel = await answerOf(harness.fake, sent.id);
  return { id: sent.id, funnel, text: responseText(funnel) };
}

async function followUps(interactionId: string) {
  const quiz = await harness.fake.waitForResponse(
    interactionId,
    (response) => response.kind === 'followup' && responseText(response).includes('퀴즈 문항 분석'),
  );
  const verify = await harness.fake.waitForResponse(
    interactionId,
    (response) => response.kind === 'followup' && responseText(response).includes('`/인증` 실패 원인'),
  );
  return { quiz, verify };
}

/** The funnel picture as sent: decoded with pngjs, and the media gallery's description. */
async function chartOf(interactionId: string) {
  const message = harness.fake.originalMessage(interactionId)!;
  expect(message.attachments).toHaveLength(1);
  const [attachment] = message.attachments;
  const components = JSON.stringify(message.components);
  expect(components).toContain(`attachment://${attachment!.filename}`);
  const bytes = Buffer.from(await (await fetch(attachment!.url)).arrayBuffer());
  const description = /"description":"((?:[^"\\]|\\.)*)"/.exec(components)?.[1];
  return {
    filename: attachment!.filename,
    png: PNG.sync.read(bytes),
    description: description === undefined ? undefined : (JSON.parse(`"${description}"`) as string),
  };
}

/** The picture the bot should have drawn for these numbers (same renderer, same words). */
function expectedPicture(lessonId: string, opened: number, counts: readonly number[]) {
  const lesson = lessonOf(lessonId);
  return renderFunnelPicture(
    {
      lesson: { id: lesson.id, title: lesson.title },
      scope: { kind: 'server', serverName: '도커 스터디' },
      opened,
      steps: lesson.steps.map((step, index) => ({ title: step.title, learners: counts[index] ?? 0 })),
      asOf: new Date(),
    },
    { t: translator('ko'), locale: 'ko' },
  );
}

function bodyOf(response: { body: unknown }) {
  return response.body as { flags?: number; components?: unknown[]; allowed_mentions?: unknown };
}

describe('/stats on the fake Discord', () => {
  it('is registered for Manage Server holders with a required lesson and an optional group', () => {
    expect(statsCommand.default_member_permissions).toBe('32');
    expect(statsCommand.options.map((entry) => [entry.name, 'required' in entry && entry.required])).toEqual([
      ['lesson', true],
      ['group', false],
    ]);
  });

  it('refuses a learner even when the command is shown to them, and sends no statistics', async () => {
    open(learner);
    const result = await statsAs(learner, [option.string('lesson', '5.2')]);
    expect(result.text).toContain('강사만 쓸 수 있는 기능이에요');
    expect(result.funnel.files).toEqual([]);
    expect(harness.fake.responsesFor(result.id).filter((response) => response.kind === 'followup')).toEqual(
      [],
    );
  });

  it('defers, then shows the step funnel with bars, the funnel picture, quiz analysis and /verify failures', async () => {
    const lesson = lessonOf('5.2');
    for (const user of [learner, otherLearner, thirdLearner]) open(user);
    completeSteps(learner, 3);
    completeSteps(otherLearner, 1);
    answer(learner, 0, 'A');
    answer(learner, 0, 'B');
    answer(learner, 1, 'B');
    answer(otherLearner, 0, 'A');
    for (const outcome of ['tag-missing', 'tag-missing', 'found']) verifyAttempt(learner, outcome);
    for (const outcome of ['repository-missing-or-private', 'tag-missing'])
      verifyAttempt(otherLearner, outcome);

    const result = await statsAs(instructor, [option.string('lesson', '5.2')]);
    expect(harness.fake.responsesFor(result.id)[0]).toMatchObject({ kind: 'callback', type: 5 });
    expect(result.funnel.kind).toBe('edit-original');
    expect(bodyOf(result.funnel).allowed_mentions).toEqual({ parse: [] });
    expect(checkPayloadLimits(bodyOf(result.funnel))).toEqual([]);
    expect(result.text).toContain('📊 5.2 도커 허브에 직접 빌드한 이미지 푸시하기 통계');
    expect(result.text).toContain('이 레슨을 연 학습자: **3명**');
    const stepLines = result.text.split('\n').filter((line) => /^`\d+`/.test(line));
    expect(stepLines).toHaveLength(lesson.steps.length);
    expect(stepLines[0]).toBe(`\`1\` ▰▰▰▰▰▰▰▱▱▱ **2명** (67%) · ${lesson.steps[0]!.title}`);
    expect(stepLines[1]).toContain('**1명** (33%)');
    expect(stepLines[3]).toContain('**0명** (0%)');

    const chart = await chartOf(result.id);
    expect(chart.filename).toBe('funnel-5-2.png');
    const expected = expectedPicture('5.2', 3, [2, 1, 1]);
    expect([chart.png.width, chart.png.height]).toEqual([funnelLayout.width, expected.height]);
    // The picture explains itself: its description names the lesson, the scope and the biggest drop.
    expect(chart.description).toBe(expected.description);
    expect(chart.description).toContain('5.2 도커 허브에 직접 빌드한 이미지 푸시하기');
    expect(chart.description).toContain('도커 스터디');
    expect(chart.description).toContain('가장 큰 이탈: 2단계');

    const { quiz, verify } = await followUps(result.id);
    for (const message of [quiz, verify]) {
      expect(message.status).toBeLessThan(300);
      expect((bodyOf(message).flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(checkPayloadLimits(bodyOf(message))).toEqual([]);
    }
    const quizText = responseText(quiz);
    expect(quizText).toContain('**문제 1.** 도커 허브에 이미지를 푸시하려면');
    expect(quizText).toContain('응답 2명 · 첫 시도 정답 0% · 가장 많이 고른 오답: A (2회)');
    expect(quizText).toContain('응답 1명 · 첫 시도 정답 100% · 가장 많이 고른 오답: 없음');
    expect(quizText).toContain('**문제 2.** IMAGE ID가 같은 두 개의 이미지가 있을 때');

    const verifyLines = responseText(verify).split('\n');
    const tagMissing = verifyLines.indexOf('🏷️ 리포지토리는 있지만 `v1` 태그가 없어요');
    const missingRepo = verifyLines.indexOf('🔍 도커 허브에서 리포지토리를 찾을 수 없어요');
    expect(tagMissing).toBeGreaterThan(-1);
    expect(verifyLines[tagMissing + 1]).toBe('└ 3회 · 학습자 2명');
    expect(missingRepo).toBeGreaterThan(tagMissing);
    expect(verifyLines[missingRepo + 1]).toBe('└ 1회 · 학습자 1명');
    expect(responseText(verify)).toContain('인증에 성공한 확인: 1회 · 학습자 1명');
    expect(responseText(verify)).not.toContain('✅ 도커 허브에서 이미지를 확인했어요');
  });

  it('counts only a study group’s members for group:', async () => {
    harness.store.groups.create({
      guildId: GUILD_ID,
      channelId: CHANNEL_IDS.studyGroupA,
      name: '목요일반',
      createdBy: instructor.user.id,
      at: Date.now(),
    });
    harness.store.groups.addMember({
      guildId: GUILD_ID,
      channelId: CHANNEL_IDS.studyGroupA,
      userId: otherLearner.user.id,
      at: Date.now(),
    });
    const result = await statsAs(instructor, [
      option.string('lesson', '5.2'),
      option.channel('group', CHANNEL_IDS.studyGroupA),
    ]);
    expect(result.text).toContain('범위: 스터디 그룹 목요일반');
    expect(result.text).toContain('이 레슨을 연 학습자: **1명**');
    expect(result.text).toContain('`1` ▰▰▰▰▰▰▰▰▰▰ **1명** (100%)');
    const { quiz, verify } = await followUps(result.id);
    expect(responseText(quiz)).toContain('응답 1명 · 첫 시도 정답 0% · 가장 많이 고른 오답: A (1회)');
    // The group's only member never answered question 2.
    expect(responseText(quiz)).toContain(
      '**문제 2.** IMAGE ID가 같은 두 개의 이미지가 있을 때, 디스크 공간은?\n└ 아직 답한 학습자가 없어요.',
    );
    expect(responseText(verify)).not.toContain('인증에 성공한 확인');
  });

  it('refuses a channel without a study group and an unknown lesson, kindly', async () => {
    const noGroup = await statsAs(instructor, [
      option.string('lesson', '5.2'),
      option.channel('group', CHANNEL_IDS.studyGroupB),
    ]);
    expect(noGroup.text).toContain(
      `<#${CHANNEL_IDS.studyGroupB}> 채널은 스터디 그룹으로 등록되어 있지 않아요`,
    );
    expect(noGroup.funnel.files).toEqual([]);
    expect(harness.fake.responsesFor(noGroup.id)[0]).toMatchObject({ kind: 'callback', type: 5 });
    expect(noGroup.funnel.kind).toBe('edit-original');
    const unknown = await statsAs(instructor, [option.string('lesson', '없는 강의')]);
    expect(unknown.text).toContain('없는 강의');
    expect(unknown.text).not.toContain('통계');
  });

  it('keeps a 40-step, 20-question lesson with many learners within Discord’s limits', async () => {
    const crowd = Array.from({ length: 30 }, (_, index) => makeLearner(200 + index));
    crowd.forEach((member, index) => {
      open(member, '9.9');
      completeSteps(member, STEPS - index, '9.9');
      for (let question = 0; question < QUESTIONS; question++)
        answer(member, question, index % 3 ? 'B' : 'C', '9.9');
    });
    const outcomes = [
      'tag-missing',
      'repository-missing-or-private',
      'not-built-from-base',
      'platform-not-found',
      'rate-limited',
      'unavailable',
      'auth-realm-refused',
      'invalid-input',
      'configuration-error',
      'a-future-outcome',
      'no-own-layer',
      'proof-tag-missing',
      'proof-tag-mismatch',
    ];
    outcomes.forEach((outcome, index) => {
      for (let repeat = 0; repeat <= index; repeat++) verifyAttempt(crowd[index]!, outcome, '9.9');
    });
    // Every learner of the crowd shares an image with two others: ten possible copies.
    crowd.forEach((member, index) => {
      verifyAttempt(member, 'found', '9.9', `sha256:${String(index % 10).repeat(64)}`);
    });

    const result = await statsAs(instructor, [option.string('lesson', '9.9')]);
    expect(result.funnel.status).toBeLessThan(300);
    expect(checkPayloadLimits(bodyOf(result.funnel))).toEqual([]);
    expect(result.text).toContain('이 레슨을 연 학습자: **30명**');
    expect(result.text).toMatch(/`1` ▰{10} \*\*30명\*\* \(100%\)/);
    const chart = await chartOf(result.id);
    const expected = expectedPicture(
      '9.9',
      30,
      Array.from({ length: STEPS }, (_, step) => Math.min(30, STEPS - step)),
    );
    expect([chart.png.width, chart.png.height]).toEqual([expected.width, expected.height]);
    expect(chart.description).toBe(expected.description);

    const { quiz, verify } = await followUps(result.id);
    for (const message of [quiz, verify]) {
      expect(message.status).toBeLessThan(300);
      expect(checkPayloadLimits(bodyOf(message))).toEqual([]);
    }
    expect(responseText(quiz)).toContain('**문제 20.**');
    expect(responseText(quiz)).toContain('응답 30명 · 첫 시도 정답 67% · 가장 많이 고른 오답: C (10회)');
    const verifyText = responseText(verify);
    expect(verifyText).toContain('기타 결과 `a-future-outcome`\n└ 10회 · 학습자 1명');
    // Bot trouble, outages and refused input are not the learners' failures (older rows included).
    expect(verifyText).not.toContain('코스 설정 문제로 확인할 수 없어요');
    expect(verifyText).not.toContain('요청 한도');
    expect(verifyText).toContain('🔑 확인용 태그가 다른 이미지를 가리켜요\n└ 13회 · 학습자 1명');
    expect(verifyText).toContain('여러 학습자가 인증한 같은 이미지: 다이제스트 10개 · 학습자 30명');
    // Most frequent first: the unknown outcome (10×) leads, tag-missing (1×) comes last.
    expect(verifyText.indexOf('a-future-outcome')).toBeLessThan(verifyText.indexOf('태그가 없어요'));
  });

  it('suggests lessons while the instructor types', async () => {
    const typing = harness.fake.sendAutocomplete({
      name: 'stats',
      user: instructor,
      options: [option.focused('lesson', '큰')],
    });
    const answer = await harness.fake.waitForResponse(typing.id, (response) => response.kind === 'callback');
    expect(answer.body).toMatchObject({ choices: [{ value: '9.9' }] });
  });
});
