import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveTokens, markdownOf, visibleText } from '../support/discord-markdown/index.js';
import {
  CHANNEL_IDS,
  type FakeUser,
  GUILD_ID,
  instructor,
  makeLearner,
  option,
} from '../support/fake-discord/index.js';
import { pushProofTag } from '../support/registry/index.js';
import { answerOf, type RegistryBotHarness, startBotWithRegistry } from './support/bot-harness.js';

/** The display name from the issue: it used to appear as a live masked link in the announcement. */
const HOSTILE_NAME = '[Claim reward](https://evil.example)';

let setup: RegistryBotHarness;
let hostile: FakeUser;

beforeAll(async () => {
  setup = await startBotWithRegistry();
  const base = makeLearner(66);
  hostile = { ...base, user: { ...base.user, global_name: HOSTILE_NAME } };
}, 60_000);

afterAll(async () => {
  await setup?.stop();
});

describe('a hostile display name through the real bot and the fake Discord', () => {
  it('is shown as typed in the public study-group announcement, with nothing live and nobody pinged', async () => {
    const { harness, fixtures } = setup;
    const groupChannel = CHANNEL_IDS.studyGroupB;
    const created = harness.fake.sendChatCommand({
      name: 'studygroup',
      subcommand: 'create',
      user: instructor,
      channelId: groupChannel,
      options: [option.string('name', '목요일 스터디')],
    });
    await answerOf(harness.fake, created.id);

    // A first claim needs the learner's ownership proof tag on the same image.
    const proofTag = harness.app.verification.proofTagFor(
      { guildId: GUILD_ID, userId: hostile.user.id },
      fixtures.multiArch.dockerId,
    );
    await pushProofTag(setup.registry, fixtures.multiArch, proofTag);
    const asked = harness.fake.sendChatCommand({
      name: 'verify',
      user: hostile,
      channelId: groupChannel,
      options: [option.string('docker-id', fixtures.multiArch.dockerId)],
    });
    await harness.fake.waitForResponse(asked.id, (response) => response.kind === 'edit-original');
    const announced = await harness.fake.waitForRequest(
      (request) => request.method === 'POST' && request.path.endsWith(`/channels/${groupChannel}/messages`),
    );
    const body = announced.body as { content: string; allowed_mentions: { parse: unknown[] } };
    expect(visibleText(body.content)).toContain(`${HOSTILE_NAME}님이`);
    // The template's own bold around the name is the only Markdown: no link, no URL.
    expect(liveTokens(body.content)).toEqual(['strong']);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('is shown as typed in the /progress header', async () => {
    const { harness } = setup;
    const asked = harness.fake.sendChatCommand({ name: 'progress', user: hostile });
    const answer = await answerOf(harness.fake, asked.id);
    const [header = ''] = markdownOf(answer.body as { components?: unknown[] });
    expect(visibleText(header)).toContain(`${HOSTILE_NAME}님의 진도`);
    expect(liveTokens(header)).toEqual(['heading']);
  });
});
