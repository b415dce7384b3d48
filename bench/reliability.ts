import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_DRAIN } from '../src/discord/run-discord.js';
import { answerOf, type BotHarness, startBotHarness } from '../test/e2e/support/bot-harness.js';
import { guildId, tempStore } from '../test/store/factory.js';
import { startWriter } from '../test/store/writer-process.js';
import { type FakeDiscord, makeLearner, option } from '../test/support/fake-discord/index.js';
import { FAULT_NAMESPACE, FAULTS, startFaultServer } from '../test/support/registry/index.js';

/**
 * `npm run bench -- reliability`: the bot under the faults of issue 11, measured end to end
 * (the real discord.js client against the fake Discord, the real SQLite file, registries on
 * 127.0.0.1). Each figure is a count or a latency a learner would feel.
 */

const LEARNERS = 100;
const BURST_PER_LEARNER = 5;
/** 500 interactions in 9 s. */
const BURST_SPACING_MS = 18;
const KILL_ROUNDS = 5;
const WRITES_BEFORE_KILL = 1_500;
const SHUTDOWN_VERIFIES = 8;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (ms: number) => Number(ms.toFixed(1));

/** A /verify of the hanging fault registry; distinct tags so no two lookups coalesce. */
function verifyHung(fake: FakeDiscord, learnerNo: number, tag: string) {
  return fake.sendChatCommand({
    name: 'verify',
    user: makeLearner(learnerNo),
    options: [
      option.string('docker-id', FAULT_NAMESPACE),
      option.string('repository', FAULTS.slow),
      option.string('tag', tag),
    ],
  });
}

/**
 * 500 interactions from 100 learners within 9 s (a class pressing at once, as in issue 11's
 * experiment): every one answered, time to its first response, callbacks past Discord's 3 s.
 */
async function burst(): Promise<Record<string, number>> {
  const harness = await startBotHarness({ quiet: true });
  try {
    const { fake } = harness;
    const sent = Array.from({ length: LEARNERS * BURST_PER_LEARNER }, async (_, n) => {
      await sleep(n * BURST_SPACING_MS);
      const started = performance.now();
      const asked = fake.sendChatCommand({
        name: 'lesson',
        subcommand: 'open',
        user: makeLearner(1 + (n % LEARNERS)),
        options: [option.string('lesson', '5.2'), option.integer('step', 1 + (n % 7))],
      });
      return fake.waitForResponse(asked.id).then(
        () => performance.now() - started,
        () => null,
      );
    });
    const results = await Promise.all(sent);
    const answered = results.filter((ms): ms is number => ms !== null);
    const misses = fake.deadlineMisses.length;
    return {
      'reliability.burstInteractions': results.length,
      'reliability.burstAnswered': answered.length,
      'reliability.burstDeadlineMisses': misses,
      'reliability.burstP99Ms': round(percentile(answered, 99)),
    };
  } finally {
    await harness.stop();
  }
}

/** A writer process killed with SIGKILL mid-write, five times: acknowledged writes that are gone. */
async function killNine(): Promise<Record<string, number>> {
  let acknowledged = 0;
  let lost = 0;
  for (let n = 0; n < KILL_ROUNDS; n += 1) {
    const temp = tempStore();
    try {
      const writer = startWriter(temp.path);
      await writer.waitFor(WRITES_BEFORE_KILL);
      writer.child.kill('SIGKILL');
      await writer.exited;
      const db = new BetterSqlite3(temp.path, { readonly: true });
      const stored = new Set(
        db
          .prepare<[string], { user_id: string }>('SELECT user_id FROM step_completions WHERE guild_id = ?')
          .all(guildId)
          .map((row) => row.user_id),
      );
      db.close();
      acknowledged += writer.acknowledged.length;
      lost += writer.acknowledged.filter((userId) => !stored.has(userId)).length;
    } finally {
      temp.cleanup();
    }
  }
  return {
    'reliability.killRounds': KILL_ROUNDS,
    'reliability.ackedWrites': acknowledged,
    'reliability.lostAckedWrites': lost,
  };
}

/** SIGTERM's stop with /verify hung in the registry, on the production drain plan. */
async function shutdownWithSlowWork(): Promise<Record<string, number>> {
  const faults = await startFaultServer();
  let harness: BotHarness | undefined;
  try {
    harness = await startBotHarness({
      quiet: true,
      env: { DOCKER_REGISTRY_URL: faults.url, VERIFY_COOLDOWN_SECONDS: '0' },
      // Only the shutdown may answer them: the breaker must not trip first.
      app: { verifyLimits: { breaker: { failuresToOpen: 1_000 } } },
    });
    const { fake } = harness;
    const sent = Array.from({ length: SHUTDOWN_VERIFIES }, (_, n) => verifyHung(fake, 200 + n, `s${n}`));
    for (const asked of sent) await fake.waitForResponse(asked.id, (response) => response.type === 5);
    const started = performance.now();
    await harness.bot.stop();
    const stopMs = performance.now() - started;
    const unanswered = sent.filter(
      (asked) => !fake.responsesFor(asked.id).some((response) => response.kind === 'edit-original'),
    ).length;
    return {
      'reliability.shutdownInFlight': SHUTDOWN_VERIFIES,
      'reliability.unansweredOnShutdown': unanswered,
      'reliability.shutdownMs': round(stopMs),
      'reliability.shutdownDrainLimitMs': DEFAULT_DRAIN.timeoutMs,
    };
  } finally {
    await harness?.stop();
    await faults.stop();
  }
}

/** 100 learners /verify at once while the registry hangs: production breaker and queue. */
async function registryOutage(): Promise<Record<string, number>> {
  const faults = await startFaultServer();
  const harness = await startBotHarness({
    quiet: true,
    env: { DOCKER_REGISTRY_URL: faults.url, VERIFY_COOLDOWN_SECONDS: '0' },
  });
  try {
    const { fake } = harness;
    const answers = await Promise.all(
      Array.from({ length: LEARNERS }, async (_, n) => {
        const started = performance.now();
        const asked = verifyHung(fake, 300 + n, `o${n}`);
        await answerOf(fake, asked.id);
        return performance.now() - started;
      }),
    );
    const attempts = new BetterSqlite3(harness.app.config.DATABASE_PATH, { readonly: true });
    const recorded = (
      attempts.prepare('SELECT COUNT(*) AS n FROM verification_attempts').get() as { n: number }
    ).n;
    attempts.close();
    return {
      'verify.outageLearners': LEARNERS,
      'verify.outageAnswerP99Ms': round(percentile(answers, 99)),
      'verify.outageAnswerMaxMs': round(Math.max(...answers)),
      'verify.outageRegistryRequests': faults.requests.length,
      'verify.outageRecordedAttempts': recorded,
    };
  } finally {
    await harness.stop();
    await faults.stop();
  }
}

/** The gateway asks for a resume, then for a fresh session: time until the next answer. */
async function gatewayReconnects(): Promise<Record<string, number>> {
  const harness = await startBotHarness({ quiet: true });
  try {
    const { fake } = harness;
    const answerAfter = async (resumable: boolean) => {
      const started = performance.now();
      await fake.forceReconnect({ resumable });
      const asked = fake.sendChatCommand({ name: 'lesson', subcommand: 'list' });
      await answerOf(fake, asked.id);
      return round(performance.now() - started);
    };
    return {
      'reliability.resumeToAnswerMs': await answerAfter(true),
      'reliability.reidentifyToAnswerMs': await answerAfter(false),
    };
  } finally {
    await harness.stop();
  }
}

export async function runReliabilityBench(): Promise<Record<string, number>> {
  return {
    ...(await burst()),
    ...(await killNine()),
    ...(await shutdownWithSlowWork()),
    ...(await registryOutage()),
    ...(await gatewayReconnects()),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await runReliabilityBench());
}
