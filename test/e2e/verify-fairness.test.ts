import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeUser, GUILD_ID, instructor, makeLearner, option } from '../support/fake-discord/index.js';
import { ManualClock } from '../support/manual-clock.js';
import type { CourseFixtures, TestRegistry } from '../support/registry/index.js';
import {
  type BotHarness,
  type RegistryBotHarness,
  responseText,
  startBotWithRegistry,
} from './support/bot-harness.js';

/**
 * Outages are not the learner's fault: the bot with a real cooldown against the real registry,
 * with 429 and 5xx injected in front of it, and a clock the test moves.
 */
const COOLDOWN_SECONDS = 30;

let registry: TestRegistry;
let fixtures: CourseFixtures;
let harness: BotHarness;
let setup: RegistryBotHarness;
const clock = new ManualClock();

beforeAll(async () => {
  setup = await startBotWithRegistry({
    env: { VERIFY_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS) },
    app: { clock },
  });
  ({ harness, registry, fixtures } = setup);
}, 60_000);

afterAll(async () => {
  await setup?.stop();
});

beforeEach(() => {
  registry.resetCounts();
  registry.clearFaults();
  // Every case starts past any cooldown or rate limit a previous case left.
  clock.advanceSeconds(10 * 60);
});

function send(user: FakeUser, dockerId: string) {
  return harness.fake.sendChatCommand({
    name: 'verify',
    user,
    options: [option.string('docker-id', dockerId)],
  });
}

async function answerTo(interactionId: string): Promise<string> {
  const final = await harness.fake.waitForResponse(
    interactionId,
    (response) => response.kind === 'edit-original',
  );
  return responseText(final);
}

async function verify(user: FakeUser, dockerId: string): Promise<string> {
  return answerTo(send(user, dockerId).id);
}

function outcomesOf(user: FakeUser): string[] {
  return (
    harness.store.db
      .prepare(
        'SELECT outcome FROM verification_attempts WHERE guild_id = ? AND user_id = ? ORDER BY attempt_id',
      )
      .all(GUILD_ID, user.user.id) as { outcome: string }[]
  ).map((row) => row.outcome);
}

const headsOf = (name: string) =>
  registry.requests.filter((request) => request.method === 'HEAD' && request.path.startsWith(`/v2/${name}/`));

describe('/verify is fair to learners during outages', () => {
  it('a Docker Hub outage leaves no attempt and no cooldown; a verdict then starts the cooldown', async () => {
    const learner = makeLearner(11);
    // One retry: both tries fail.
    registry.injectFault({ pathIncludes: `/v2/${fixtures.single.name}/manifests/v1`, status: 503, times: 2 });
    const outage = await verify(learner, fixtures.single.dockerId);
    expect(outage).toContain('🌧️ 지금은 도커 허브에 확인할 수 없어요');
    expect(outage).toContain('잠시 뒤에 다시 `/인증` 해 주세요');
    expect(outcomesOf(learner)).toEqual([]);

    // Right away, no cooldown: the image is judged (the Docker ID is not proven yet).
    const judged = await verify(learner, fixtures.single.dockerId);
    expect(judged).toContain('🔑 이 도커 ID가 내 것인지 한 번만 확인할게요');
    expect(outcomesOf(learner)).toEqual(['proof-tag-missing']);

    // That verdict starts the cooldown; the wait itself is not recorded either.
    registry.resetCounts();
    const early = await verify(learner, fixtures.single.dockerId);
    expect(early).toContain(`확인은 ${COOLDOWN_SECONDS}초 뒤에 다시 할 수 있어요`);
    expect(registry.requests).toEqual([]);
    expect(outcomesOf(learner)).toEqual(['proof-tag-missing']);
  });

  it('a known rate limit answers everyone at once with its retry time, sends nothing and records nothing', async () => {
    const first = makeLearner(12);
    const second = makeLearner(13);
    registry.injectFault({
      pathIncludes: `/v2/${fixtures.ociIndex.name}/manifests/v1`,
      status: 429,
      headers: { 'retry-after': '90' },
      times: 1,
    });
    const limited = await verify(first, fixtures.ociIndex.dockerId);
    expect(limited).toContain('⏳ 도커 허브 요청 한도에 걸렸어요');
    expect(limited).toContain('90초 뒤에 다시 `/인증` 해 주세요');
    expect(outcomesOf(first)).toEqual([]);

    clock.advanceSeconds(30);
    registry.resetCounts();
    const meanwhile = await verify(second, fixtures.multiArch.dockerId);
    expect(meanwhile).toContain('60초 뒤에 다시 `/인증` 해 주세요');
    expect(registry.requests).toEqual([]);
    expect(outcomesOf(second)).toEqual([]);

    // Once Retry-After has passed, the first learner is not made to cool down.
    clock.advanceSeconds(61);
    const later = await verify(first, fixtures.ociIndex.dockerId);
    expect(later).toContain('🔑 이 도커 ID가 내 것인지 한 번만 확인할게요');
    expect(outcomesOf(first)).toEqual(['proof-tag-missing']);
  });

  it('a rate limit on the proof tag is not a verdict either', async () => {
    const learner = makeLearner(14);
    registry.injectFault({
      pathIncludes: '/manifests/verify-',
      status: 429,
      headers: { 'retry-after': '20' },
      times: 1,
    });
    const limited = await verify(learner, fixtures.multiArch.dockerId);
    expect(limited).toContain('⏳ 도커 허브 요청 한도에 걸렸어요');
    expect(outcomesOf(learner)).toEqual([]);
    clock.advanceSeconds(21);
    expect(await verify(learner, fixtures.multiArch.dockerId)).toContain('🔑');
    expect(outcomesOf(learner)).toEqual(['proof-tag-missing']);
  });

  it('several /verify fired at once by one learner make one lookup and one attempt', async () => {
    const learner = makeLearner(15);
    const sent = [1, 2, 3].map(() => send(learner, fixtures.otherTagOnly.dockerId));
    const answers = await Promise.all(sent.map((interaction) => answerTo(interaction.id)));
    const verdicts = answers.filter((text) => text.includes('`v1` 태그가 없어요'));
    const held = answers.filter(
      (text) =>
        text.includes('앞서 보낸 확인이 아직 진행 중이에요') || text.includes('초 뒤에 다시 할 수 있어요'),
    );
    expect(verdicts).toHaveLength(1);
    expect(held).toHaveLength(2);
    expect(headsOf(fixtures.otherTagOnly.name)).toHaveLength(1);
    expect(outcomesOf(learner)).toEqual(['tag-missing']);
  });

  it('keeps outages out of /stats’s failure reasons, even rows kept by older versions', async () => {
    const old = makeLearner(16);
    for (const outcome of ['rate-limited', 'unavailable', 'cooldown', 'invalid-input', 'tag-missing']) {
      harness.store.verifications.record({
        guildId: GUILD_ID,
        userId: old.user.id,
        lessonId: '5.2',
        dockerId: 'oldlearner',
        repository: 'image-gallery',
        tag: 'v1',
        outcome,
        digest: null,
        details: {},
        at: clock.now(),
      });
    }
    const asked = harness.fake.sendChatCommand({
      name: 'stats',
      user: instructor,
      options: [option.string('lesson', '5.2')],
    });
    const verifyStats = responseText(
      await harness.fake.waitForResponse(
        asked.id,
        (response) => response.kind === 'followup' && responseText(response).includes('`/인증` 실패 원인'),
      ),
    );
    expect(verifyStats).toContain('🏷️ 리포지토리는 있지만 `v1` 태그가 없어요\n└ 2회 · 학습자 2명');
    expect(verifyStats).toContain('🔑 이 도커 ID가 내 것인지 한 번만 확인할게요');
    for (const title of [
      '요청 한도',
      '확인할 수 없어요',
      '조금만 기다려 주세요',
      '입력한 이름을 확인해 주세요',
    ])
      expect(verifyStats).not.toContain(title);
  });
});
