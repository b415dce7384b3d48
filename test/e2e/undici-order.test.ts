// Loads the registry's undici 7 before discord.js (and its undici 6): uploads must still work.
import 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { instructor, learner, option } from '../support/fake-discord/index.js';
import { type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness();
});

afterAll(async () => {
  await harness?.stop();
});

it('attaches a file whichever undici loaded first', async () => {
  const opened = harness.fake.sendChatCommand({ name: 'lesson', subcommand: 'next', user: learner });
  await harness.fake.waitForResponse(opened.id, (response) => response.type === 4);
  harness.store.progress.completeStep({
    guildId: harness.fake.guildId,
    userId: learner.user.id,
    lessonId: '5.2',
    stepId: 'step-1',
    at: Date.now(),
  });
  const asked = harness.fake.sendChatCommand({
    name: 'leaderboard',
    user: instructor,
    options: [option.boolean('export', true)],
  });
  const final = await harness.fake.waitForResponse(asked.id, (response) => response.kind === 'edit-original');
  expect(responseText(final)).not.toContain('오류');
  expect(final.status).toBeLessThan(300);
  expect(final.files.map((file) => file.name)).toEqual([
    expect.stringMatching(/^leaderboard-server-.*\.csv$/),
  ]);
});
