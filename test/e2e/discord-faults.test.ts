import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOf, type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

/**
 * Discord misbehaving, played by the fake Discord against one running bot: gateway packets
 * Discord should never send (each is logged and skipped, and the bot answers the next
 * interaction), and REST trouble around an interaction's first response (3 s): a 429 that would
 * end past the deadline, an interaction already expired (10062), 5xx in a row.
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

async function waitForLog(predicate: (line: Record<string, unknown>) => boolean) {
  while (!harness.logs.some(predicate)) await new Promise((resolve) => setTimeout(resolve, 10));
  return harness.logs.find(predicate);
}

function requestsFor(interactionId: string) {
  return harness.fake.requests.filter((request) =>
    request.path.startsWith(`/interactions/${interactionId}/`),
  );
}

describe('REST that respects the interaction deadline', () => {
  it('a 429 whose retry_after ends past the deadline is given up and logged, not waited out', async () => {
    const { fake } = harness;
    fake.failNext({ route: 'interaction-callback', status: 429, retryAfterSeconds: 5 });
    const asked = fake.sendChatCommand({ name: 'lesson', subcommand: 'list' });
    const given = await waitForLog(
      (line) =>
        line.msg === 'interaction could not be answered in time; given up' && line.interactionId === asked.id,
    );
    expect(given).toMatchObject({ level: 40, reason: 'RateLimitError[/interactions/:id/:token/callback]' });
    const handled = await waitForLog(
      (line) => line.msg === 'interaction handled' && line.interactionId === asked.id,
    );
    expect(handled).toMatchObject({ outcome: 'error' });
    // One callback (the 429); no retry after 5 s and no error notice that could only fail.
    expect(requestsFor(asked.id).map((request) => request.status)).toEqual([429]);
  });

  it('after 10062 Unknown interaction no error notice is sent', async () => {
    const { fake } = harness;
    fake.failNext({
      route: 'interaction-callback',
      status: 404,
      code: 10062,
      message: 'Unknown interaction',
    });
    const asked = fake.sendChatCommand({ name: 'lesson', subcommand: 'list' });
    const given = await waitForLog(
      (line) =>
        line.msg === 'interaction could not be answered in time; given up' && line.interactionId === asked.id,
    );
    expect(given).toMatchObject({ reason: 'DiscordAPIError[10062]' });
    await waitForLog((line) => line.msg === 'interaction handled' && line.interactionId === asked.id);
    expect(requestsFor(asked.id).map((request) => request.errorCode)).toEqual([10062]);
  });

  it('5xx retries back off instead of going out back to back, and the answer arrives', async () => {
    const { fake } = harness;
    fake.failNext({ route: 'interaction-callback', status: 503, times: 2 });
    const asked = fake.sendChatCommand({ name: 'lesson', subcommand: 'list' });
    expect(responseText(await answerOf(fake, asked.id))).toContain('5.2');
    await fake.waitForRequest(
      (request) => request.path.startsWith(`/interactions/${asked.id}/`) && request.status === 204,
    );
    const tries = requestsFor(asked.id);
    expect(tries.map((request) => request.status)).toEqual([503, 503, 204]);
    // At least the backoff's lower bounds (250 ms and 500 ms, less 20 % jitter) between tries.
    expect((tries[1]?.at ?? 0) - (tries[0]?.at ?? 0)).toBeGreaterThanOrEqual(200);
    expect((tries[2]?.at ?? 0) - (tries[1]?.at ?? 0)).toBeGreaterThanOrEqual(400);
  });
});
