import Database from 'better-sqlite3';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { defineCommand } from '../../src/interactions/command-module.js';
import { makeLearner, option } from '../support/fake-discord/index.js';
import { FAULT_NAMESPACE, FAULTS, type FaultServer, startFaultServer } from '../support/registry/index.js';
import { answerOf, type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

/** A handler that acknowledges and then never finishes: only the drain's last resort can answer it. */
const stuckCommand = defineCommand({
  data: {
    name: 'stuck-test',
    description: 'test only',
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  access: 'everyone',
  async execute(_app: AppContext, call) {
    await call.respond.defer();
    await new Promise(() => undefined);
  },
});

const RESTART_NOTICE = '봇이 재시작하고 있어요. 1분 뒤에 다시 시도해 주세요';

let faults: FaultServer;
let harness: BotHarness;

beforeAll(async () => {
  faults = await startFaultServer();
  harness = await startBotHarness({
    env: { DOCKER_REGISTRY_URL: faults.url, VERIFY_COOLDOWN_SECONDS: '0' },
    // The breaker must not answer first: this is about the shutdown alone.
    app: { verifyLimits: { breaker: { failuresToOpen: 1_000 } } },
    extraCommands: [stuckCommand],
    // The production plan is 5 s / 10 s; the same steps, shorter.
    run: { drain: { interruptAfterMs: 1_000, timeoutMs: 3_000 } },
  });
}, 60_000);

afterAll(async () => {
  await harness?.stop();
  await faults?.stop();
});

describe('SIGTERM with /verify hung in the registry', () => {
  it('edits every deferred answer with the restart notice, records nothing, refuses newcomers', async () => {
    const { fake } = harness;
    // 6 lookups: 4 hang in the registry, 2 wait for a slot. Distinct tags: none coalesce.
    const verifies = Array.from({ length: 6 }, (_, n) =>
      fake.sendChatCommand({
        name: 'verify',
        user: makeLearner(100 + n),
        options: [
          option.string('docker-id', FAULT_NAMESPACE),
          option.string('repository', FAULTS.slow),
          option.string('tag', `t${n}`),
        ],
      }),
    );
    const stuck = fake.sendChatCommand({ name: 'stuck-test' });
    for (const sent of [...verifies, stuck])
      await fake.waitForResponse(sent.id, (response) => response.type === 5);
    await waitUntil(() => faults.requests.length >= 4);

    const stopping = harness.bot.stop();
    const late = fake.sendChatCommand({ name: 'lesson', subcommand: 'list' });
    expect(responseText(await answerOf(fake, late.id))).toContain(RESTART_NOTICE);
    await stopping;

    // Nobody is left on "thinking…": every deferred answer was edited with the notice.
    for (const sent of [...verifies, stuck]) {
      const edits = fake.responsesFor(sent.id).filter((response) => response.kind === 'edit-original');
      expect(edits).toHaveLength(1);
      expect(responseText(edits[0])).toContain(RESTART_NOTICE);
    }
    // An interrupted lookup is no attempt (the bot has closed its database: read the file).
    const db = new Database(harness.app.config.DATABASE_PATH, { readonly: true });
    const attempts = db.prepare('SELECT COUNT(*) AS n FROM verification_attempts').get() as { n: number };
    db.close();
    expect(attempts.n).toBe(0);
    // The lookups were stopped and their handlers answered; only the stuck one needed the last resort.
    expect(harness.logs.filter((line) => line.msg === 'drain timed out')).toMatchObject([
      { interactions: [stuck.id] },
    ]);
    // The queued two never reached the registry.
    expect(faults.requests).toHaveLength(4);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
