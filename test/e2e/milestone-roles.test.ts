import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPayloadLimits } from '../../src/ui/limits.js';
import {
  BOT_ROLE_ID,
  BOT_ROLE_PERMISSIONS,
  type CommandOption,
  type FakeUser,
  GUILD_ID,
  instructor,
  learner,
  MEMBER_PERMISSIONS,
  MILESTONE_ROLE_IDS,
  makeLearner,
  option,
  otherLearner,
  STAFF_ROLE_ID,
} from '../support/fake-discord/index.js';
import { ManualClock } from '../support/manual-clock.js';
import { answerOf, type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

const clock = new ManualClock(Date.parse('2026-11-20T01:00:00Z'));
let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness({ app: { clock } });
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

const lesson = () => harness.app.catalog.list()[0]!.lesson;

function completeLesson(user: FakeUser) {
  const ref = { guildId: GUILD_ID, userId: user.user.id, lessonId: lesson().id };
  for (const step of lesson().steps)
    harness.store.progress.completeStep({ ...ref, stepId: step.id, at: clock.now() });
  for (const question of lesson().quiz) {
    harness.store.quiz.recordAnswer({
      ...ref,
      questionId: question.id,
      chosen: question.answer,
      at: clock.now(),
    });
  }
}

function verifyLesson(user: FakeUser) {
  const ref = { guildId: GUILD_ID, userId: user.user.id, lessonId: lesson().id };
  harness.store.verifications.record({
    ...ref,
    dockerId: `id${user.user.id.slice(-4)}`,
    repository: 'image-gallery',
    tag: 'v1',
    outcome: 'found',
    digest: `sha256:${'e'.repeat(64)}`,
    details: {},
    at: clock.now(),
  });
  harness.store.verifications.markVerified({ ...ref, at: clock.now() });
}

async function roles(subcommand: 'set' | 'clear' | 'list', options: CommandOption[] = [], user = instructor) {
  const sent = harness.fake.sendChatCommand({
    name: 'course',
    subcommandGroup: 'roles',
    subcommand,
    options,
    user,
  });
  const answer = await answerOf(harness.fake, sent.id);
  const body = answer.body as { components?: unknown[] };
  if (body.components?.length) expect(checkPayloadLimits(body as never)).toEqual([]);
  expect((answer.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  return responseText(answer);
}

const setRole = (milestone: string, roleId: string, lessonId?: string) =>
  roles('set', [
    option.string('milestone', milestone),
    option.role('role', roleId),
    ...(lessonId ? [option.string('lesson', lessonId)] : []),
  ]);

function grantRow(user: FakeUser, roleId: string) {
  return harness.store.db
    .prepare(
      'SELECT state, attempts, last_error AS lastError FROM role_grants WHERE user_id = ? AND role_id = ?',
    )
    .get(user.user.id, roleId) as { state: string; attempts: number; lastError: string | null } | undefined;
}

describe('milestone roles on the fake Discord', () => {
  it('grants the role of each milestone a learner reaches', async () => {
    const id = lesson().id;
    expect(await setRole('lesson-completed', MILESTONE_ROLE_IDS.completed, id)).toContain(
      `**레슨 ${id} 완료** 마일스톤에 <@&${MILESTONE_ROLE_IDS.completed}> 역할을 연결했어요`,
    );
    expect(await setRole('lesson-verified', MILESTONE_ROLE_IDS.verified, id)).toContain('연결했어요');
    expect(await setRole('course-completed', MILESTONE_ROLE_IDS.course)).toContain('**코스 전체 수료**');

    completeLesson(learner);
    await harness.fake.waitForRole(learner.user.id, MILESTONE_ROLE_IDS.completed);
    expect(harness.fake.grantedRoles(learner.user.id)).not.toContain(MILESTONE_ROLE_IDS.verified);
    verifyLesson(learner);
    await harness.fake.waitForRole(learner.user.id, MILESTONE_ROLE_IDS.verified);
    // Lesson 5.2 is the whole course here: completed and verified is the course completed.
    await harness.fake.waitForRole(learner.user.id, MILESTONE_ROLE_IDS.course);
    await expect
      .poll(() => grantRow(learner, MILESTONE_ROLE_IDS.course), { timeout: 10_000 })
      .toEqual({ state: 'granted', attempts: 1, lastError: null });

    const list = await roles('list');
    expect(list).toContain(
      `**레슨 ${id} 인증** → <@&${MILESTONE_ROLE_IDS.verified}> · 받음 1명 · 대기 0명 · 포기 0명`,
    );
  });

  it('backfills learners who reached a milestone before it had a role', async () => {
    const earlier = makeLearner(41);
    harness.fake.addUser(earlier);
    completeLesson(earlier);
    completeLesson(otherLearner);
    await roles('clear', [
      option.string('milestone', 'lesson-completed'),
      option.string('lesson', lesson().id),
    ]);
    const text = await setRole('lesson-completed', MILESTONE_ROLE_IDS.completed, lesson().id);
    // The first learner has the role already: the two others are queued.
    expect(text).toContain('이미 달성한 학습자 2명에게도 차례로 역할을 줄게요 (1분에 최대 60명)');
    await harness.fake.waitForRole(earlier.user.id, MILESTONE_ROLE_IDS.completed);
    await harness.fake.waitForRole(otherLearner.user.id, MILESTONE_ROLE_IDS.completed);
  });

  it('refuses a role above the bot’s own, and says how to fix it; nothing is stored', async () => {
    const text = await setRole('lesson-verified', STAFF_ROLE_ID, lesson().id);
    expect(text).toContain('역할을 연결하지 않았어요');
    expect(text).toContain('봇의 역할을 이 역할보다 위로 끌어 올려 주세요');
    expect(await roles('list')).not.toContain(`<@&${STAFF_ROLE_ID}>`);
  });

  it('refuses without Manage Roles, and retries a grant that failed once the permission is back', async () => {
    harness.fake.updateRole(BOT_ROLE_ID, { permissions: MEMBER_PERMISSIONS });
    // The role update reaches the bot through the gateway; the refusal shows it was seen.
    await expect
      .poll(async () => setRole('course-completed', MILESTONE_ROLE_IDS.course), { timeout: 10_000 })
      .toContain('**역할 관리(Manage Roles)** 권한이 없어요');

    const late = makeLearner(42);
    harness.fake.addUser(late);
    completeLesson(late);
    verifyLesson(late);
    await expect
      .poll(() => grantRow(late, MILESTONE_ROLE_IDS.verified)?.lastError, { timeout: 10_000 })
      .toBe('missing-permissions');
    expect(grantRow(late, MILESTONE_ROLE_IDS.verified)).toMatchObject({ state: 'pending', attempts: 1 });
    expect(harness.fake.grantedRoles(late.user.id)).toEqual([]);

    harness.fake.updateRole(BOT_ROLE_ID, { permissions: BOT_ROLE_PERMISSIONS });
    clock.advanceSeconds(61);
    await harness.fake.waitForRole(late.user.id, MILESTONE_ROLE_IDS.verified);
    await harness.fake.waitForRole(late.user.id, MILESTONE_ROLE_IDS.course);
  });

  it('gives up on a learner who left the server and reports it once in the list', async () => {
    const gone = makeLearner(43);
    // Never added to the fake: Discord answers 404 Unknown Member.
    completeLesson(gone);
    await expect
      .poll(() => grantRow(gone, MILESTONE_ROLE_IDS.completed)?.state, { timeout: 10_000 })
      .toBe('failed');
    const list = await roles('list');
    expect(list).toContain('주지 못한 역할');
    expect(list).toContain(
      `<@${gone.user.id}> · <@&${MILESTONE_ROLE_IDS.completed}> · 서버를 떠난 학습자 · 1회 시도`,
    );
    expect(await roles('list')).not.toContain('주지 못한 역할');
  });

  it('is for instructors; a lesson milestone needs its lesson', async () => {
    expect(await roles('list', [], learner)).toContain('강사만 쓸 수 있는 기능이에요');
    expect(await setRole('lesson-verified', MILESTONE_ROLE_IDS.verified)).toContain(
      '`lesson` 옵션으로 레슨을 골라 주세요',
    );
  });
});
