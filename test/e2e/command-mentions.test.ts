import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botCommands } from '../../commands/index.js';
import { deployCommands, registrationPlan } from '../../src/discord/deploy.js';
import { GUILD_ID, learner, option } from '../support/fake-discord/index.js';
import { answerOf, type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

/** Asks for `/lesson list` (its hint names `/lesson open` and `/lesson next`) in one client language. */
async function lessonList(harness: BotHarness, locale: string): Promise<string> {
  const sent = harness.fake.sendChatCommand({ name: 'lesson', subcommand: 'list', user: learner, locale });
  return responseText(await answerOf(harness.fake, sent.id));
}

describe('commands named in messages, once the bot knows the registered ids', () => {
  let harness: BotHarness;
  let lessonId: string;

  beforeAll(async () => {
    harness = await startBotHarness({ env: { DISCORD_GUILD_ID: GUILD_ID } });
    await deployCommands(
      { token: harness.fake.token, apiUrl: harness.fake.apiUrl },
      registrationPlan(botCommands, GUILD_ID),
    );
    // The ids are learned at start-up, as after `npm run deploy-commands` and a restart.
    await harness.restart();
    lessonId = harness.fake.commands(GUILD_ID).find((command) => command.name === 'lesson')?.id ?? '';
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('are clickable mentions with the id Discord gave the command, for Korean and English clients', async () => {
    expect(lessonId).toMatch(/^\d{17,20}$/);
    for (const locale of ['ko', 'en-US']) {
      const shown = await lessonList(harness, locale);
      expect(shown).toContain(`</lesson next:${lessonId}>`);
      expect(shown).toContain(`</lesson open:${lessonId}>`);
      expect(shown).not.toContain('`/lesson');
    }
    expect(await lessonList(harness, 'ko')).toContain(`</lesson open:${lessonId}> 명령으로 레슨을 열거나`);
  });

  it('name the command of an example with its options in the reader’s language', async () => {
    const verifyId = harness.fake.commands(GUILD_ID).find((command) => command.name === 'verify')?.id;
    const sent = harness.fake.sendChatCommand({ name: 'verify', user: learner, locale: 'ko' });
    const shown = responseText(await answerOf(harness.fake, sent.id));
    expect(shown).toContain(`예: </verify:${verifyId}> \`도커-id:yangwonjun\``);
  });

  it('mention in refusals too: an unknown lesson points at the lesson list', async () => {
    const sent = harness.fake.sendChatCommand({
      name: 'lesson',
      subcommand: 'open',
      options: [option.string('lesson', '99.9')],
      user: learner,
      locale: 'ko',
    });
    const shown = responseText(await answerOf(harness.fake, sent.id));
    expect(shown).toContain(`</lesson list:${lessonId}> 명령으로 레슨 목록을 확인해 주세요`);
  });
});

describe('commands named in messages while no registered command is known', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('fall back to the name the reader’s client shows, never a mention with a made-up id', async () => {
    expect(harness.fake.commands()).toEqual([]);
    const korean = await lessonList(harness, 'ko');
    expect(korean).toContain('`/레슨 열기` 명령으로 레슨을 열거나 `/레슨 계속` 명령으로');
    expect(korean).not.toContain('</lesson');
    expect(await lessonList(harness, 'en-US')).toContain(
      'Open one with `/lesson open` or continue with `/lesson next`.',
    );
    expect(harness.logs).toContainEqual(
      expect.objectContaining({ msg: 'learned the registered command ids', commands: 0 }),
    );
  });
});
