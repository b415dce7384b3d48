import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOf, type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

/**
 * Gateway packets Discord should never send, sent anyway by the fake Discord: each is logged and
 * skipped, the bot stays up and answers the next interaction.
 */
let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness();
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

type Packet = Record<string, unknown>;

/** Variants of a real interaction that break what discord.js reads while building it. */
function malformedVariants(valid: Packet): [string, unknown][] {
  const { entitlements: _entitlements, ...noEntitlements } = valid;
  const { user: _user, ...member } = valid.member as Packet;
  const data = valid.data as Packet;
  return [
    ['no entitlements', noEntitlements],
    ['member without user', { ...valid, member, user: undefined }],
    [
      'component without message',
      { ...valid, type: 3, data: { custom_id: 'page:x', component_type: 2 }, message: undefined },
    ],
    ['command without data', { ...valid, data: undefined }],
    ['option that is null', { ...valid, data: { ...data, options: [null] } }],
    ['not an object at all', null],
    ['a string', 'INTERACTION_CREATE'],
  ];
}

describe('malformed INTERACTION_CREATE packets', () => {
  it('are logged and skipped; the bot answers the next interaction', async () => {
    const { fake } = harness;
    const first = fake.sendChatCommand({ name: 'lesson', subcommand: 'list' });
    await answerOf(fake, first.id);
    const valid = first.payload as unknown as Packet;

    const variants = malformedVariants(valid);
    variants.forEach(([, packet], n) => {
      const withOwnId = packet && typeof packet === 'object' ? { ...packet, id: `${valid.id}${n}` } : packet;
      fake.dispatch('INTERACTION_CREATE', withOwnId);
    });

    const next = fake.sendChatCommand({ name: 'lesson', subcommand: 'list' });
    expect(responseText(await answerOf(fake, next.id))).toContain('5.2');
    const skipped = harness.logs.filter((line) => line.msg === 'malformed gateway packet skipped');
    expect(skipped).toHaveLength(variants.length);
    expect(skipped[0]).toMatchObject({
      level: 40,
      event: 'INTERACTION_CREATE',
      interactionId: `${valid.id}0`,
    });
    expect(JSON.stringify(skipped[0])).toContain('entitlements');
    // Nothing was answered for them, and nothing crashed.
    expect(harness.logs.filter((line) => (line.level as number) >= 50)).toEqual([]);
  });

  it('a packet discord.js itself throws on is contained by the handler boundary', async () => {
    const { fake } = harness;
    // discord.js reads guild_id of the payload without a check.
    fake.dispatch('GUILD_ROLE_CREATE', null);
    const next = fake.sendChatCommand({ name: 'lesson', subcommand: 'list' });
    expect(responseText(await answerOf(fake, next.id))).toContain('5.2');
    expect(
      harness.logs.filter((line) => line.msg === 'gateway packet handler failed; packet skipped'),
    ).toMatchObject([{ level: 50, event: 'GUILD_ROLE_CREATE' }]);
  });
});
