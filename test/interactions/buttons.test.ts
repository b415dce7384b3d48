/**
 * Buttons that route themselves: a family declared in its command's `buttons` is found by its
 * ids' prefix, and the dispatcher checks the owner, then staleness, then access, before the
 * handler runs; the registry refuses families whose names or prefixes would clash.
 */

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translator } from '../../src/i18n/index.js';
import { snowflakeSchema } from '../../src/input-rules.js';
import { type AnyButtonFamily, ButtonRegistry, defineButtons } from '../../src/interactions/buttons.js';
import type { Call, Responder } from '../../src/interactions/call.js';
import { defineCommand } from '../../src/interactions/command-module.js';
import { Dispatcher } from '../../src/interactions/dispatcher.js';
import { createLogger } from '../../src/logger.js';
import { buttonIds } from '../../src/ui/buttons/button-ids.js';
import { type Message, noticeMessage } from '../../src/ui/message.js';

const owner = '123456789012345678';
const stranger = '876543210987654321';
const t = translator('ko');

/** A made-up family, `tst:ping:<round>:<owner>`: stale once `round` is not the app's round. */
const pingIds = buttonIds('tst', 'ping', {
  round: z.string().regex(/^\d{1,3}$/),
  ownerId: snowflakeSchema,
});

interface TestApp {
  logger: ReturnType<typeof createLogger>;
  round: string;
  handled: string[];
}

const pingButton = defineButtons({
  name: 'ping',
  ids: pingIds,
  access: 'instructor',
  owner: (press) => press.ownerId,
  current: (app: TestApp, press) =>
    press.round === app.round
      ? { ok: true, value: `round ${press.round}` }
      : { ok: false, refusal: 'button.stale' },
  async handle(app: TestApp, call, _press, round) {
    app.handled.push(round);
    await call.respond.update(noticeMessage('pong'));
  },
});

/** The only file a new family touches: its command, which lists it in `buttons`. */
const pingCommand = defineCommand({
  data: { name: 'ping', description: 'test only' },
  access: 'everyone',
  buttons: [pingButton],
  async execute(_app: TestApp, call) {
    await call.respond.send(noticeMessage('ping'));
  },
});

function call(userId: string, isInstructor: boolean, shown: string[]): Call {
  const record = async (message: Message) => {
    shown.push(message.content ?? '');
  };
  const respond: Responder = {
    defer: async () => undefined,
    send: record,
    update: record,
    followUp: record,
    notice: record,
    suggest: async () => undefined,
    announce: async () => undefined,
    directMessage: async () => ({ kind: 'sent', messageId: 'test' }),
  };
  return {
    interactionId: 'test',
    guildId: '100000000000000001',
    channelId: '100000000000000002',
    user: { id: userId, displayName: 'tester' },
    locale: 'ko',
    t,
    isInstructor,
    inHomeServer: true,
    isOwner: false,
    respond,
  };
}

async function press(customId: string, userId: string, isInstructor: boolean) {
  const app: TestApp = { logger: createLogger('silent'), round: '7', handled: [] };
  const handledNames: string[] = [];
  const dispatcher = new Dispatcher(app, [pingCommand], (handled) => handledNames.push(handled.name));
  const shown: string[] = [];
  await dispatcher.button(call(userId, isInstructor, shown), customId);
  return { shown, handled: app.handled, metric: handledNames[0] };
}

describe('a button family declared by its command', () => {
  it('is routed by its prefix to its handler, with what `current` found', async () => {
    const result = await press(pingIds.encode({ round: '7', ownerId: owner }), owner, true);
    expect(result).toEqual({ shown: ['pong'], handled: ['round 7'], metric: 'ping' });
  });

  it('refuses another user’s button before saying anything about staleness or rights', async () => {
    const result = await press(pingIds.encode({ round: '1', ownerId: owner }), stranger, false);
    expect(result).toEqual({ shown: [t('button.notYours')], handled: [], metric: 'ping' });
  });

  it('refuses a stale press before checking rights', async () => {
    const result = await press(pingIds.encode({ round: '1', ownerId: owner }), owner, false);
    expect(result).toEqual({ shown: [t('button.stale')], handled: [], metric: 'ping' });
  });

  it('checks the presser’s rights on the server', async () => {
    const result = await press(pingIds.encode({ round: '7', ownerId: owner }), owner, false);
    expect(result).toEqual({ shown: [t('error.instructorOnly')], handled: [], metric: 'ping' });
  });

  it('treats tampered ids and ids no family reads as malformed, changing nothing', async () => {
    for (const customId of [
      `tst:ping:7:${owner}:extra`,
      `tst:ping:7777:${owner}`,
      `tst:pong:7:${owner}`,
      `ls:page:5.2:1:0:${owner}:0123abcd`,
      '',
      'x'.repeat(500),
    ]) {
      const result = await press(customId, owner, true);
      expect(result.shown, customId).toEqual([t('button.malformed')]);
      expect(result.handled).toEqual([]);
    }
  });
});

describe('ButtonRegistry', () => {
  const family = (name: string, group: string, kind: string): AnyButtonFamily<unknown> =>
    defineButtons({
      name,
      ids: buttonIds(group, kind, { ownerId: snowflakeSchema }),
      access: 'everyone',
      owner: (press) => press.ownerId,
      handle: async () => undefined,
    });

  it('routes each id to the one family whose prefix it starts with', () => {
    const registry = new ButtonRegistry([family('a', 'x', 'one'), family('b', 'x', 'two')]);
    expect(registry.route(`x:two:${owner}`)?.name).toBe('b');
    expect(registry.route(`x:three:${owner}`)).toBeUndefined();
  });

  it('refuses two families of one name, or prefixes where one would shadow the other', () => {
    expect(() => new ButtonRegistry([family('a', 'x', 'one'), family('a', 'y', 'one')])).toThrow(/called a/);
    expect(() => new ButtonRegistry([family('a', 'x', 'one'), family('b', 'x:one', 'more')])).toThrow(
      /overlap/,
    );
  });
});
