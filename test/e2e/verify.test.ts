import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHANNEL_IDS,
  GUILD_ID,
  instructor,
  learner,
  option,
  otherLearner,
} from '../support/fake-discord/index.js';
import type { CourseFixtures, TestRegistry } from '../support/registry/index.js';
import {
  type BotHarness,
  buttonsOf,
  type RegistryBotHarness,
  responseText,
  startBotWithRegistry,
} from './support/bot-harness.js';

let registry: TestRegistry;
let fixtures: CourseFixtures;
let harness: BotHarness;

let setup: RegistryBotHarness;

beforeAll(async () => {
  setup = await startBotWithRegistry();
  ({ harness, registry, fixtures } = setup);
}, 60_000);

afterAll(async () => {
  await setup?.stop();
});

/** Runs /verify and returns the first callback and the final edit of the deferred reply. */
async function verify(options: ReturnType<typeof option.string>[], user = learner, channelId?: string) {
  const asked = harness.fake.sendChatCommand({
    name: 'verify',
    user,
    options,
    ...(channelId ? { channelId } : {}),
  });
  const final = await harness.fake.waitForResponse(asked.id, (response) => response.kind === 'edit-original');
  const [first] = harness.fake.responsesFor(asked.id);
  return { first, final, text: responseText(final), message: harness.fake.lastMessageFor(asked.id) };
}

function attempts(userId: string) {
  return harness.app.store.db
    .prepare(
      'SELECT outcome, docker_id AS dockerId, digest FROM verification_attempts WHERE user_id = ? ORDER BY attempt_id',
    )
    .all(userId) as { outcome: string; dockerId: string; digest: string | null }[];
}

describe('/verify through the fake Discord and the real registry', () => {
  it('defers at once, then edits in the result in Korean, and records the success', async () => {
    const groupChannel = CHANNEL_IDS.studyGroupA;
    harness.app.store.groups.create({
      guildId: GUILD_ID,
      channelId: groupChannel,
      name: '화요일 스터디',
      createdBy: learner.user.id,
      at: Date.now(),
    });

    const { first, final, text } = await verify(
      [option.string('docker-id', fixtures.single.dockerId)],
      learner,
      groupChannel,
    );
    expect(first).toMatchObject({ kind: 'callback', type: 5 });
    expect(final.status).toBeLessThan(300);
    expect(text).toContain('✅ 도커 허브에서 이미지를 확인했어요!');
    expect(text).toContain(fixtures.single.pushed.digest);
    expect(text).toContain('인증 점수 +50점');
    expect(attempts(learner.user.id)).toEqual([
      { outcome: 'found', dockerId: fixtures.single.dockerId, digest: fixtures.single.pushed.digest },
    ]);
    expect(harness.app.store.claims.get({ guildId: GUILD_ID, userId: learner.user.id })).toBe(
      fixtures.single.dockerId,
    );

    // A success in a study-group channel is announced publicly, pinging nobody.
    const announced = await harness.fake.waitForRequest(
      (request) => request.method === 'POST' && request.path.endsWith(`/channels/${groupChannel}/messages`),
    );
    const body = announced.body as { content: string; allowed_mentions: { parse: unknown[] } };
    expect(body.content).toContain('실습 이미지를 도커 허브에서 인증했어요');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('uses the stored Docker ID when docker-id is left out, and awards the points once', async () => {
    const { text } = await verify([]);
    expect(text).toContain('✅ 도커 허브에서 이미지를 확인했어요!');
    expect(text).not.toContain('인증 점수');
    const progress = harness.fake.sendChatCommand({ name: 'progress', user: learner });
    const shown = responseText(
      await harness.fake.waitForResponse(progress.id, (response) => response.type === 4),
    );
    expect(shown).toContain('✅ 인증 완료');
    expect(shown).toContain(`\`${fixtures.single.dockerId}\``);
  });

  it('refuses another learner using a claimed Docker ID, without a lookup', async () => {
    registry.resetCounts();
    const { text } = await verify([option.string('docker-id', fixtures.single.dockerId)], otherLearner);
    expect(text).toContain('다른 학습자가 이미 인증했어요');
    expect(registry.requests).toEqual([]);
    expect(attempts(otherLearner.user.id)).toEqual([]);
  });

  it('says what to fix for a missing tag, with the command filled in and a button to the step', async () => {
    const { text, message } = await verify(
      [option.string('docker-id', fixtures.otherTagOnly.dockerId)],
      otherLearner,
    );
    expect(text).toContain('`v1` 태그가 없어요');
    expect(text).toContain(
      `docker image tag image-gallery ${fixtures.otherTagOnly.dockerId}/image-gallery:v1`,
    );
    expect(buttonsOf(message).map((button) => button.label)).toContain(
      '📖 Step 3: 이미지에 올바른 참조 부여하기',
    );
    expect(attempts(otherLearner.user.id).map((attempt) => attempt.outcome)).toEqual(['tag-missing']);
  });

  it('refuses invalid input with the rule and an example, sending nothing and recording nothing', async () => {
    registry.resetCounts();
    const before = attempts(otherLearner.user.id).length;
    for (const bad of [
      '@everyone',
      'Yang Won Jun',
      '../../etc',
      'https://hub.docker.com/u/someone',
      'а'.repeat(100),
    ]) {
      const { text } = await verify([option.string('docker-id', bad)], otherLearner);
      expect(text).toContain('입력한 이름을 확인해 주세요');
      expect(text).toContain('예: `yangwonjun`');
      expect(text).not.toContain('@everyone');
    }
    expect(registry.requests).toEqual([]);
    expect(attempts(otherLearner.user.id)).toHaveLength(before);
  });

  it('tells a learner with a private or missing repository both possibilities', async () => {
    const { text } = await verify([option.string('docker-id', fixtures.privateRepo.dockerId)], otherLearner);
    expect(text).toContain('저장소를 찾을 수 없어요');
    expect(text).toContain('docker image push');
    expect(text).toMatch(/비공개|private/i);
  });

  it('lets an instructor release a claim from /progress, checked on the server for the button', async () => {
    const asked = harness.fake.sendChatCommand({
      name: 'progress',
      user: instructor,
      options: [option.user('user', learner)],
    });
    await harness.fake.waitForResponse(asked.id, (response) => response.type === 4);
    const page = harness.fake.lastMessageFor(asked.id)!;
    const release = buttonsOf(page).find((button) => button.label.includes('도커 ID 해제'))!;
    expect(release.label).toContain(fixtures.single.dockerId);

    // A learner who forges the same button for themselves is refused: buttons carry no permission.
    const forgedId = release.customId.replace(instructor.user.id, learner.user.id);
    const forgedPage = structuredClone(page);
    // The fake checks that a pressed button is on its message: put the forged id there.
    const forgedButton = (
      forgedPage.components as { components: { components?: { custom_id?: string }[] }[] }[]
    )
      .flatMap((container) => container.components)
      .flatMap((child) => child.components ?? [])
      .find((child) => child.custom_id === release.customId)!;
    forgedButton.custom_id = forgedId;
    const forged = harness.fake.pressButton({ customId: forgedId, message: forgedPage, user: learner });
    const refused = await harness.fake.waitForResponse(forged.id, (response) => response.type === 4);
    expect(responseText(refused)).toContain('강사만 쓸 수 있는 기능');
    expect(harness.app.store.claims.get({ guildId: GUILD_ID, userId: learner.user.id })).toBe(
      fixtures.single.dockerId,
    );

    const pressed = harness.fake.pressButton({ customId: release.customId, message: page, user: instructor });
    const released = await harness.fake.waitForResponse(pressed.id, (response) => response.type === 4);
    expect(responseText(released)).toContain(
      `\`${fixtures.single.dockerId}\` 도커 ID의 인증 연결을 해제했어요`,
    );
    expect(harness.app.store.claims.get({ guildId: GUILD_ID, userId: learner.user.id })).toBeNull();

    // Now the other learner may verify with that Docker ID.
    const { text } = await verify([option.string('docker-id', fixtures.single.dockerId)], otherLearner);
    expect(text).toContain('✅ 도커 허브에서 이미지를 확인했어요!');
  });

  it('refuses /progress of another learner for a non-instructor', async () => {
    const asked = harness.fake.sendChatCommand({
      name: 'progress',
      user: otherLearner,
      options: [option.user('user', learner)],
    });
    const answer = await harness.fake.waitForResponse(asked.id, (response) => response.type === 4);
    expect(responseText(answer)).toContain('다른 학습자의 진도는 강사만 볼 수 있어요');
  });
});
