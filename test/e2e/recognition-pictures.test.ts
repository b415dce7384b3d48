import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPayloadLimits } from '../../src/ui/limits.js';
import { certificateLayout, progressCardLayout } from '../../src/ui/pictures/index.js';
import {
  type CommandOption,
  type FakeUser,
  GUILD_ID,
  instructor,
  learner,
  OTHER_GUILD_ID,
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

const DIGEST = `sha256:${'c0ffee'.repeat(10)}abcd`;

/** Finishes every lesson of the course for `user`: steps, quiz, and /verify where a lesson has a check. */
function finishCourse(user: FakeUser, at: number) {
  const ids = { guildId: GUILD_ID, userId: user.user.id };
  for (const { lesson, check } of harness.app.catalog.list()) {
    const ref = { ...ids, lessonId: lesson.id };
    for (const step of lesson.steps) harness.store.progress.completeStep({ ...ref, stepId: step.id, at });
    for (const question of lesson.quiz) {
      harness.store.quiz.recordAnswer({ ...ref, questionId: question.id, chosen: question.answer, at });
    }
    if (!check) continue;
    harness.store.verifications.record({
      ...ref,
      dockerId: 'kimlearns',
      repository: check.repository,
      tag: check.tag,
      outcome: 'found',
      digest: DIGEST,
      details: {},
      at,
    });
    harness.store.verifications.markVerified({ ...ref, at });
  }
}

async function progressAs(user: FakeUser, options: CommandOption[]) {
  const sent = harness.fake.sendChatCommand({ name: 'progress', options, user });
  const answer = await answerOf(harness.fake, sent.id);
  return { id: sent.id, answer, text: responseText(answer) };
}

/** The picture the answer shows: decoded, with the media gallery's description. */
async function pictureOf(interactionId: string) {
  const message = harness.fake.originalMessage(interactionId)!;
  expect(message.attachments).toHaveLength(1);
  const [attachment] = message.attachments;
  const gallery = JSON.stringify(message.components);
  expect(gallery).toContain(`attachment://${attachment!.filename}`);
  const bytes = Buffer.from(await (await fetch(attachment!.url)).arrayBuffer());
  return { filename: attachment!.filename, png: PNG.sync.read(bytes), components: gallery };
}

async function checkCode(code: string, user: FakeUser = instructor, guildId = GUILD_ID) {
  const sent = harness.fake.sendChatCommand({
    name: 'course',
    subcommand: 'certificate',
    options: [option.string('code', code)],
    user,
    guildId,
  });
  return responseText(await answerOf(harness.fake, sent.id));
}

describe('/progress card:true', () => {
  it('sends the learner’s progress card, decoded at its size, with its description as alt text', async () => {
    const lesson = harness.app.catalog.list()[0]!.lesson;
    harness.store.progress.completeStep({
      guildId: GUILD_ID,
      userId: otherLearner.user.id,
      lessonId: lesson.id,
      stepId: lesson.steps[0]!.id,
      at: 1,
    });
    const result = await progressAs(otherLearner, [option.boolean('card', true)]);
    expect(harness.fake.responsesFor(result.id)[0]).toMatchObject({ kind: 'callback', type: 5 });
    expect(checkPayloadLimits(result.answer.body as never)).toEqual([]);
    const picture = await pictureOf(result.id);
    expect(picture.filename).toBe(`progress-${otherLearner.user.id}.png`);
    expect(picture.png.width).toBe(progressCardLayout.width);
    expect(picture.png.height).toBeGreaterThan(progressCardLayout.bandHeight);
    // The description says whose card it is and the points: the picture explains itself.
    expect(picture.components).toContain('이학습');
    expect(picture.components).toContain('10점');
    expect(result.text).toContain('글로 된 진도는 옵션 없이 `/진도` 명령을 실행하면');
  });
});

describe('completion certificate', () => {
  it('is refused, kindly, until every lesson is finished', async () => {
    const result = await progressAs(learner, [option.boolean('certificate', true)]);
    expect(result.text).toContain('수료증은 코스의 모든 레슨을 마치면 받을 수 있어요');
    expect(result.text).toMatch(/지금까지 마친 레슨: \*\*0\/\d+개\*\*/);
    expect(harness.fake.originalMessage(result.id)?.attachments ?? []).toEqual([]);
  });

  it('is issued with a stable code that an instructor can check; wrong codes are refused', async () => {
    finishCourse(learner, Date.parse('2026-11-20T05:00:00Z'));
    const first = await progressAs(learner, [option.boolean('certificate', true)]);
    const code = /수료증 코드: `(DSB-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})`/.exec(first.text)?.[1];
    expect(code).toBeDefined();
    expect(first.text).toContain(`/코스관리 수료증확인 코드:${code}`);
    const picture = await pictureOf(first.id);
    expect([picture.png.width, picture.png.height]).toEqual([
      certificateLayout.width,
      certificateLayout.height,
    ]);
    expect(picture.components).toContain(code!);

    // Asking again gives the same certificate.
    const again = await progressAs(learner, [option.boolean('certificate', true)]);
    expect(again.text).toContain(`수료증 코드: \`${code}\``);

    const valid = await checkCode(code!);
    expect(valid).toContain('유효한 수료증이에요');
    expect(valid).toContain(`<@${learner.user.id}>`);
    expect(valid).toContain('2026년 11월 20일');
    expect(valid).toContain('kimlearns/image-gallery:v1');
    expect(valid).toContain(DIGEST);
    // Typed loosely: lower case, spaces instead of dashes, without the prefix.
    expect(await checkCode(code!.slice(4).toLowerCase().replaceAll('-', ' '))).toContain(
      '유효한 수료증이에요',
    );

    const wrongLast = code!.endsWith('0') ? '1' : '0';
    expect(await checkCode(`${code!.slice(0, -1)}${wrongLast}`)).toContain('맞는 코드가 없어요');
    expect(await checkCode('hello')).toContain('DSB-XXXX-XXXX-XXXX');
    // Another server's instructors cannot read this server's certificate.
    expect(await checkCode(code!, instructor, OTHER_GUILD_ID)).toContain('맞는 코드가 없어요');
    // Checking codes is for instructors.
    expect(await checkCode(code!, otherLearner)).toContain('강사만 쓸 수 있는 기능이에요');
  });
});
