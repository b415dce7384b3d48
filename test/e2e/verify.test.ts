import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPayloadLimits } from '../../src/ui/limits.js';
import {
  CHANNEL_IDS,
  type FakeUser,
  GUILD_ID,
  instructor,
  learner,
  makeLearner,
  option,
  otherLearner,
} from '../support/fake-discord/index.js';
import {
  type CourseFixtures,
  type LearnerFixture,
  pushProofTag,
  type TestRegistry,
} from '../support/registry/index.js';
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
  return harness.store.db
    .prepare(
      'SELECT outcome, docker_id AS dockerId, digest FROM verification_attempts WHERE user_id = ? ORDER BY attempt_id',
    )
    .all(userId) as { outcome: string; dockerId: string; digest: string | null }[];
}

const ref = (user: FakeUser) => ({ guildId: GUILD_ID, userId: user.user.id });
const claimOf = (user: FakeUser) => harness.store.claims.get(ref(user));
const pointsOf = (user: FakeUser) => harness.store.leaderboard.rank(ref(user))?.points ?? 0;

/** The proof tag a /verify answer asks for, as the learner reads it in the commands. */
function proofTagIn(text: string): string {
  const tag = /:(verify-[0-9a-z]{6})\b/.exec(text)?.[1];
  if (!tag) throw new Error(`no proof tag in: ${text}`);
  return tag;
}

function proofCommands(fixture: LearnerFixture, proofTag: string): string[] {
  return [
    `docker image tag ${fixture.name}:v1 ${fixture.name}:${proofTag}`,
    `docker image push ${fixture.name}:${proofTag}`,
  ];
}

const announcementsIn = (channelId: string) =>
  harness.fake.requests.filter(
    (request) => request.method === 'POST' && request.path.endsWith(`/channels/${channelId}/messages`),
  );

async function progressText(viewer: FakeUser, of?: FakeUser) {
  const asked = harness.fake.sendChatCommand({
    name: 'progress',
    user: viewer,
    ...(of ? { options: [option.user('user', of)] } : {}),
  });
  await harness.fake.waitForResponse(asked.id, (response) => response.type === 4);
  const page = harness.fake.lastMessageFor(asked.id)!;
  return { page, text: responseText(page) };
}

describe('/verify through the fake Discord and the real registry', () => {
  let learnerProofTag = '';

  it('refuses an unproven Docker ID with the instructions: the personal code and commands filled in', async () => {
    const groupChannel = CHANNEL_IDS.studyGroupA;
    harness.store.groups.create({
      guildId: GUILD_ID,
      channelId: groupChannel,
      name: '화요일 스터디',
      createdBy: learner.user.id,
      at: Date.now(),
    });

    const { first, final, text, message } = await verify(
      [option.string('docker-id', fixtures.single.dockerId)],
      learner,
      groupChannel,
    );
    expect(first).toMatchObject({ kind: 'callback', type: 5 });
    expect(final.status).toBeLessThan(300);
    learnerProofTag = proofTagIn(text);
    // The learner's own code, derived on the server, in one message that Discord accepts.
    expect(learnerProofTag).toBe(
      harness.app.verification.proofTagFor(ref(learner), fixtures.single.dockerId),
    );
    expect(checkPayloadLimits(message!)).toEqual([]);
    expect(text).toContain('🔑 이 도커 ID가 내 것인지 한 번만 확인할게요');
    expect(text).toContain(`내 확인 코드: \`${learnerProofTag.slice('verify-'.length)}\``);
    expect(text).toContain(fixtures.single.pushed.digest);
    expect(text).toContain(`확인용 태그 \`${learnerProofTag}\`: 아직 없어요`);
    expect(text).toContain('태그는 하나의 이미지 ID에 붙이는 이름이에요');
    expect(text).toContain(
      `\`\`\`bash\n${proofCommands(fixtures.single, learnerProofTag).join('\n')}\n\`\`\``,
    );

    // Nothing is claimed, no points, no announcement; the attempt says what was missing.
    expect(text).not.toContain('인증을 마쳤어요');
    expect(claimOf(learner)).toBeNull();
    expect(pointsOf(learner)).toBe(0);
    expect(attempts(learner.user.id)).toEqual([
      {
        outcome: 'proof-tag-missing',
        dockerId: fixtures.single.dockerId,
        digest: fixtures.single.pushed.digest,
      },
    ]);
    expect(announcementsIn(groupChannel)).toEqual([]);
    // The proof costs one HEAD (not a counted pull on Docker Hub).
    const proofRequests = registry.requests.filter((request) => request.path.includes(learnerProofTag));
    expect(proofRequests.map((request) => request.method)).toEqual(['HEAD']);
  });

  it('passes once the proof tag names the same image: claim, 50 points and the announcement', async () => {
    const groupChannel = CHANNEL_IDS.studyGroupA;
    // The learner runs the two commands: the same manifest under the proof tag.
    await pushProofTag(registry, fixtures.single, learnerProofTag);

    const { text } = await verify(
      [option.string('docker-id', fixtures.single.dockerId)],
      learner,
      groupChannel,
    );
    expect(text).toContain('✅ 도커 허브에서 이미지를 확인했어요!');
    expect(text).toContain(fixtures.single.pushed.digest);
    expect(text).toContain(`확인용 태그 \`${learnerProofTag}\`도 같은 이미지를 가리켜요`);
    expect(text).toContain('🐳 인증을 마쳤어요. **+50점** (총 ');
    expect(attempts(learner.user.id).map((attempt) => attempt.outcome)).toEqual([
      'proof-tag-missing',
      'found',
    ]);
    expect(harness.store.claims.held(ref(learner))).toMatchObject({
      dockerId: fixtures.single.dockerId,
      proofTag: learnerProofTag,
    });
    expect(pointsOf(learner)).toBe(50);

    // A success in a study-group channel is announced publicly, pinging nobody.
    const announced = await harness.fake.waitForRequest(
      (request) => request.method === 'POST' && request.path.endsWith(`/channels/${groupChannel}/messages`),
    );
    const body = announced.body as { content: string; allowed_mentions: { parse: unknown[] } };
    expect(body.content).toContain('실습 이미지를 도커 허브에서 인증했어요');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('uses the stored Docker ID when docker-id is left out, asks no proof again and awards the points once', async () => {
    registry.resetCounts();
    const { text } = await verify([]);
    expect(text).toContain('✅ 도커 허브에서 이미지를 확인했어요!');
    expect(text).not.toContain('인증을 마쳤어요');
    expect(text).not.toContain('확인용 태그');
    expect(registry.requests.some((request) => request.path.includes('verify-'))).toBe(false);
    const { text: shown } = await progressText(learner);
    expect(shown).toContain('✅ 인증 완료');
    expect(shown).toContain(`\`${fixtures.single.dockerId}\``);
    expect(shown).toContain(`확인용 태그(\`${learnerProofTag}\`)로 소유를 확인했어요`);
  });

  it('refuses another learner using a proven Docker ID, without a lookup, pointing at instructors', async () => {
    registry.resetCounts();
    const { text } = await verify([option.string('docker-id', fixtures.single.dockerId)], otherLearner);
    expect(text).toContain('다른 학습자가 이미 인증했어요');
    expect(text).toContain('강사에게 해제를 요청해 주세요');
    expect(registry.requests).toEqual([]);
    expect(attempts(otherLearner.user.id)).toEqual([]);
    expect(claimOf(learner)).toBe(fixtures.single.dockerId);
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
    expect(text).toContain('리포지토리를 찾을 수 없어요');
    expect(text).toContain('docker image push');
    expect(text).toMatch(/비공개|private/i);
  });

  it('refuses the course’s base image itself, sending nothing and recording nothing', async () => {
    const copier = makeLearner(1);
    registry.resetCounts();
    for (const options of [
      [
        option.string('docker-id', 'diamol'),
        option.string('repository', 'base'),
        option.string('tag', 'latest'),
      ],
      [option.string('docker-id', 'diamol')],
    ]) {
      const { text } = await verify(options, copier);
      expect(text).toContain('🧱 코스의 베이스 이미지는 인증할 수 없어요');
      expect(text).toContain(
        '`diamol` 네임스페이스는 코스의 베이스 이미지(`diamol/base:latest`)를 배포하는 곳이에요',
      );
      expect(text).not.toContain('확인용 태그');
    }
    expect(registry.requests).toEqual([]);
    expect(attempts(copier.user.id)).toEqual([]);
    expect(claimOf(copier)).toBeNull();
  });

  it('refuses an image that adds no layer to the base, recorded, before any proof is asked', async () => {
    const retagger = makeLearner(2);
    registry.resetCounts();
    const { text } = await verify([option.string('docker-id', fixtures.noOwnLayer.dockerId)], retagger);
    expect(text).toContain('🧱 `diamol/base:latest` 위에 직접 더한 레이어가 없어요');
    expect(text).toContain('베이스 이미지에 이름만 새로 붙인 것이라서');
    expect(text).not.toContain('확인용 태그');
    expect(registry.requests.some((request) => request.path.includes('verify-'))).toBe(false);
    expect(attempts(retagger.user.id)).toEqual([
      {
        outcome: 'no-own-layer',
        dockerId: fixtures.noOwnLayer.dockerId,
        digest: fixtures.noOwnLayer.pushed.digest,
      },
    ]);
    expect(claimOf(retagger)).toBeNull();
    expect(pointsOf(retagger)).toBe(0);
  });

  it('lets an instructor release a claim from /progress, checked on the server for the button', async () => {
    const { page } = await progressText(instructor, learner);
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
    expect(claimOf(learner)).toBe(fixtures.single.dockerId);

    const pressed = harness.fake.pressButton({ customId: release.customId, message: page, user: instructor });
    await harness.fake.waitForResponse(pressed.id, (response) => response.type === 4);
    // The release now asks first, saying exactly what changes; nothing changed yet.
    const confirmation = harness.fake.lastMessageFor(pressed.id)!;
    expect(responseText(confirmation)).toContain(
      `**도커 ID 해제**: \`${fixtures.single.dockerId}\` 연결을 끊어요`,
    );
    expect(claimOf(learner)).toBe(fixtures.single.dockerId);
    const apply = buttonsOf(confirmation).find((button) => button.label === '적용')!;
    const confirmed = harness.fake.pressButton({
      customId: apply.customId,
      message: confirmation,
      user: instructor,
    });
    const released = await harness.fake.waitForResponse(confirmed.id, (response) => response.type === 7);
    expect(responseText(released)).toContain('정정을 적용했어요');
    expect(responseText(released)).toContain(`도커 ID \`${fixtures.single.dockerId}\` 해제`);
    expect(claimOf(learner)).toBeNull();
  });

  it('after a release, the next learner needs their own new proof, and the first is not re-awarded', async () => {
    const learnerPoints = pointsOf(learner);
    // The first learner's proof tag is still in the repository; it proves nothing for another
    // learner, nor for the first learner after the release.
    const { text: asked } = await verify(
      [option.string('docker-id', fixtures.single.dockerId)],
      otherLearner,
    );
    expect(asked).toContain('🔑 이 도커 ID가 내 것인지 한 번만 확인할게요');
    const otherProofTag = proofTagIn(asked);
    expect(otherProofTag).not.toBe(learnerProofTag);
    expect(asked).toContain(proofCommands(fixtures.single, otherProofTag).join('\n'));
    expect(claimOf(otherLearner)).toBeNull();
    const renewed = harness.app.verification.proofTagFor(ref(learner), fixtures.single.dockerId);
    expect(renewed).not.toBe(learnerProofTag);

    await pushProofTag(registry, fixtures.single, otherProofTag);
    const { text } = await verify([option.string('docker-id', fixtures.single.dockerId)], otherLearner);
    expect(text).toContain('✅ 도커 허브에서 이미지를 확인했어요!');
    expect(text).toContain('🐳 인증을 마쳤어요. **+50점** (총 50점)');
    expect(claimOf(otherLearner)).toBe(fixtures.single.dockerId);
    expect(pointsOf(otherLearner)).toBe(50);
    expect(pointsOf(learner)).toBe(learnerPoints);
    expect(attempts(learner.user.id).filter((attempt) => attempt.outcome === 'found')).toHaveLength(2);
  });

  it('shows instructors, and only them, that two learners verified the same digest', async () => {
    const { text: forInstructor } = await progressText(instructor, otherLearner);
    expect(forInstructor).toContain('같은 이미지를 인증한 다른 학습자 (강사에게만 보여요)');
    expect(forInstructor).toContain(
      `- <@${learner.user.id}> · 레슨 5.2 · \`${fixtures.single.pushed.digest.slice(0, 19)}…\``,
    );
    const { text: forLearner } = await progressText(otherLearner);
    expect(forLearner).not.toContain('같은 이미지를 인증한');
    expect(forLearner).not.toContain(`<@${learner.user.id}>`);

    const asked = harness.fake.sendChatCommand({
      name: 'stats',
      user: instructor,
      options: [option.string('lesson', '5.2')],
    });
    const verifyStats = await harness.fake.waitForResponse(
      asked.id,
      (response) => response.kind === 'followup' && responseText(response).includes('`/인증` 실패 원인'),
    );
    const statsText = responseText(verifyStats);
    expect(statsText).toContain('여러 학습자가 인증한 같은 이미지: 다이제스트 1개 · 학습자 2명');
    // Whoever verified first comes first.
    expect(statsText).toContain(
      `- \`${fixtures.single.pushed.digest.slice(0, 19)}…\` · 2명: <@${learner.user.id}>, <@${otherLearner.user.id}>`,
    );
  });

  it('makes a learner who holds a claim prove a new Docker ID before moving to it', async () => {
    const points = pointsOf(otherLearner);
    const { text: asked } = await verify(
      [option.string('docker-id', fixtures.multiArch.dockerId)],
      otherLearner,
    );
    const proofTag = proofTagIn(asked);
    expect(asked).toContain(proofCommands(fixtures.multiArch, proofTag).join('\n'));
    expect(claimOf(otherLearner)).toBe(fixtures.single.dockerId);

    await pushProofTag(registry, fixtures.multiArch, proofTag);
    const { text } = await verify([option.string('docker-id', fixtures.multiArch.dockerId)], otherLearner);
    expect(text).toContain('✅ 도커 허브에서 이미지를 확인했어요!');
    expect(text).not.toContain('인증을 마쳤어요');
    expect(claimOf(otherLearner)).toBe(fixtures.multiArch.dockerId);
    expect(harness.store.claims.owner(GUILD_ID, fixtures.single.dockerId)).toBeNull();
    expect(pointsOf(otherLearner)).toBe(points);
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
