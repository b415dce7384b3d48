/**
 * The production start, as a supervisor runs it: `npm run build`, then `node dist/src/main.js`
 * as its own process (its pid is the bot's), stdin closed, against the fake Discord.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock } from '../../src/ops/instance-lock.js';
import { lookupOutcomes } from '../../src/services/verification/image-lookup.js';
import { answerOf, buttonsOf, responseText } from '../e2e/support/bot-harness.js';
import {
  type FakeDiscord,
  type InjectedInteraction,
  learner,
  makeLearner,
  option,
  startFakeDiscord,
} from '../support/fake-discord/index.js';
import {
  buildProduction,
  isolatedEnv,
  type ProductionBuild,
  type ProductionProcess,
  productionEntry,
  startProduction,
} from '../support/production.js';
import { parsePrometheusText, samplesOf, sampleValue } from '../support/prometheus.js';
import { HELD_PULL_LIMIT, type HeldRegistry, startHeldRegistry } from '../support/registry/held-registry.js';
import { closedLoopbackPort } from '../support/registry/index.js';

let build: ProductionBuild;
let dir: string;
let databasePath: string;
const started: ProductionProcess[] = [];
const fakes: FakeDiscord[] = [];

beforeAll(async () => {
  build = await buildProduction();
}, 120_000);

afterAll(() => build?.cleanup());

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsb-prod-db-'));
  databasePath = path.join(dir, 'bot.sqlite');
});

afterEach(async () => {
  for (const bot of started.splice(0)) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  for (const fake of fakes.splice(0)) await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function fakeDiscord(options: Parameters<typeof startFakeDiscord>[0] = {}): Promise<FakeDiscord> {
  const fake = await startFakeDiscord(options);
  fakes.push(fake);
  return fake;
}

function start(env: Record<string, string>, args: string[] = []): ProductionProcess {
  const bot = startProduction(build.appDir, isolatedEnv({ DATABASE_PATH: databasePath, ...env }), [
    productionEntry,
    ...args,
  ]);
  started.push(bot);
  return bot;
}

const message = (text: string) => (line: Record<string, unknown>) => line.msg === text;

/** The bot connected to `fake` and ready to answer. */
async function startConnected(
  fake: FakeDiscord,
  env: Record<string, string> = {},
): Promise<ProductionProcess> {
  const bot = start({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, ...env });
  await bot.waitForLog(message('connected to Discord'));
  await fake.waitForBot();
  return bot;
}

function openLesson(fake: FakeDiscord, user = learner, step = 1): InjectedInteraction {
  return fake.sendChatCommand({
    name: 'lesson',
    subcommand: 'open',
    user,
    options: [option.string('lesson', '5.2'), option.integer('step', step)],
  });
}

/** Opens a page for a new learner and returns the ▶ press, sent but not awaited. */
async function pressNext(fake: FakeDiscord, learnerNumber: number): Promise<InjectedInteraction> {
  const user = makeLearner(learnerNumber);
  const opened = openLesson(fake, user);
  await answerOf(fake, opened.id);
  const page = fake.lastMessageFor(opened.id);
  const next = buttonsOf(page).find((button) => button.label.includes('▶'));
  if (!page || !next) throw new Error('the first page has no ▶ button');
  return fake.pressButton({ customId: next.customId, message: page, user });
}

/** Reads the bot's database from outside, as a second process would. */
function readColumn(sql: string): unknown[] {
  const db = new BetterSqlite3(databasePath, { readonly: true });
  try {
    return db.prepare(sql).pluck().all();
  } finally {
    db.close();
  }
}

const countRows = (table: string) => readColumn(`SELECT COUNT(*) FROM ${table}`)[0];

describe('stopping the production start with a signal', () => {
  let held: HeldRegistry;

  beforeEach(async () => {
    held = await startHeldRegistry();
  });

  afterEach(async () => {
    held.release();
    await held.stop();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to the bot’s pid: every interaction in flight answered, exit code 0, the database closed cleanly',
    async (signal) => {
      const fake = await fakeDiscord();
      const bot = await startConnected(fake, { DOCKER_REGISTRY_URL: held.url, VERIFY_COOLDOWN_SECONDS: '0' });

      // A /verify waiting on Docker Hub (held), and ▶ presses sent right before the signal.
      const verify = fake.sendChatCommand({
        name: 'verify',
        user: learner,
        options: [option.string('docker-id', 'someone')],
      });
      await held.waitForHeads(1);
      const presses = await Promise.all([1, 2, 3].map((n) => pressNext(fake, n)));
      process.kill(bot.child.pid!, signal);
      await bot.waitForLog(message('stop requested'));

      // Draining: a new interaction is told the bot is restarting, not left unanswered.
      const late = openLesson(fake);
      expect(responseText(await answerOf(fake, late.id))).toContain('봇이 재시작하고 있어요');
      expect(bot.child.exitCode).toBeNull();

      held.release();
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(bot.logs.find(message('stop requested'))).toMatchObject({ signal });
      expect(bot.logs.at(-1)).toMatchObject({ msg: 'stopped' });

      const verified = await answerOf(fake, verify.id);
      expect(verified.kind).toBe('edit-original');
      expect(responseText(verified)).not.toContain('오류 ID');
      for (const press of presses) expect((await answerOf(fake, press.id)).type).toBe(7);
      expect(fake.deadlineMisses).toEqual([]);

      // Closed cleanly: the WAL was checkpointed away, every answered event is in the file itself.
      expect(existsSync(`${databasePath}-wal`) ? statSync(`${databasePath}-wal`).size : 0).toBe(0);
      expect(countRows('step_completions')).toBe(presses.length);
      acquireInstanceLock(databasePath).release();
    },
    60_000,
  );

  it('refuses a second start on the same database while one runs, before touching Discord', async () => {
    const fake = await fakeDiscord();
    const first = await startConnected(fake);
    const second = start({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    expect((await second.exited).code).toBe(1);
    expect(second.text()).toContain(
      '다른 프로세스(실행 중인 봇이나 복원 작업)가 이 데이터베이스를 쓰고 있어요',
    );
    expect(second.text()).toContain(`${databasePath}.lock`);
    expect(second.logs.find((line) => line.level === 60)).toMatchObject({
      code: 'database-in-use',
      msg: 'start-up failed: database-in-use',
    });
    expect(second.logs.some(message('connecting to Discord'))).toBe(false);

    // The first bot is untouched and still answers.
    expect(responseText(await answerOf(fake, openLesson(fake).id))).toContain('5.2');
    process.kill(first.child.pid!, 'SIGTERM');
    expect((await first.exited).code).toBe(0);
  });
});

describe('start-up', () => {
  it('without a token and with stdin closed, fails and says how to open the console on purpose', async () => {
    const bot = start({});
    expect((await bot.exited).code).toBe(1);
    expect(bot.text()).toContain('DISCORD_TOKEN이 설정되지 않았어요');
    expect(bot.text()).toContain('npm start -- --console');
    expect(bot.logs).toEqual([expect.objectContaining({ level: 60, code: 'token-missing' })]);
  });

  it('reads .env from the working directory; the environment wins over it', async () => {
    const fake = await fakeDiscord();
    const envFile = path.join(build.appDir, '.env');
    writeFileSync(envFile, `DISCORD_TOKEN=${fake.token}\nDISCORD_API_URL=${fake.apiUrl}\nLOG_LEVEL=warn\n`, {
      mode: 0o600,
    });
    try {
      const bot = start({ LOG_LEVEL: 'info' });
      await bot.waitForLog(message('connected to Discord'));
      expect(bot.logs.find(message('read .env'))).toMatchObject({
        applied: ['DISCORD_API_URL', 'DISCORD_TOKEN'],
        overridden: ['LOG_LEVEL'],
      });
      expect(JSON.stringify(bot.logs)).not.toContain(fake.token);
      process.kill(bot.child.pid!, 'SIGTERM');
      expect((await bot.exited).code).toBe(0);
    } finally {
      rmSync(envFile, { force: true });
    }
  });

  it('a bad setting is a readable message and, off a terminal, a JSON line too', async () => {
    const bot = start({ HEALTH_PORT: 'ninety', DISCORD_TOKEN: 'abc' });
    expect((await bot.exited).code).toBe(1);
    expect(bot.text()).toContain('HEALTH_PORT: expected a TCP port from 0 to 65535');
    expect(bot.text()).toContain('DISCORD_TOKEN: expected a bot token');
    expect(bot.text()).not.toMatch(/\n\s+at /);
    expect(bot.logs).toEqual([expect.objectContaining({ level: 60, code: 'config-invalid' })]);
  });

  it('retries login with backoff while Discord is unreachable, a JSON line per try, then gives up and says so', async () => {
    const port = await closedLoopbackPort();
    const bot = start({
      DISCORD_TOKEN: (await fakeDiscord()).token,
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      DISCORD_CONNECT_RETRY_SECONDS: '4',
    });
    expect((await bot.exited).code).toBe(1);
    const tries = bot.logs.filter(
      (line) => typeof line.msg === 'string' && line.msg.startsWith('could not connect'),
    );
    expect(tries.map((line) => [line.attempt, line.retryInMs])).toEqual([
      [1, 1000],
      [2, 2000],
      [3, null],
    ]);
    expect(bot.logs.filter(message('connecting to Discord')).map((line) => line.attempt)).toEqual([1, 2, 3]);
    expect(bot.logs.at(-1)).toMatchObject({ level: 60, code: 'discord-unreachable', attempts: 3 });
    expect(bot.text()).toContain('디스코드에 연결하지 못했어요');
    expect(bot.text()).toContain('DISCORD_API_URL');
  });

  it('keeps retrying until Discord comes up, then serves', async () => {
    const port = await closedLoopbackPort();
    const token = (await fakeDiscord()).token;
    const bot = start({
      DISCORD_TOKEN: token,
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      DISCORD_CONNECT_RETRY_SECONDS: '120',
    });
    await bot.waitForLog((line) => line.msg === 'could not connect to Discord; retrying');
    const fake = await fakeDiscord({ port, token });
    await bot.waitForLog(message('connected to Discord'));
    await fake.waitForBot();
    expect(bot.logs.filter(message('connecting to Discord')).length).toBeGreaterThan(1);
    expect(responseText(await answerOf(fake, openLesson(fake).id))).toContain('5.2');
    process.kill(bot.child.pid!, 'SIGTERM');
    expect((await bot.exited).code).toBe(0);
  });

  it('a token Discord refuses ends start-up at once, with what to do', async () => {
    const fake = await fakeDiscord();
    const other = await fakeDiscord();
    const bot = start({
      DISCORD_TOKEN: other.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_CONNECT_RETRY_SECONDS: '120',
    });
    expect((await bot.exited).code).toBe(1);
    expect(bot.logs.filter(message('connecting to Discord'))).toHaveLength(1);
    // The fatal line says why; a line the shutdown writes after it may come last on a busy machine.
    expect(bot.logs.filter((line) => line.level === 60)).toEqual([
      expect.objectContaining({ code: 'token-refused' }),
    ]);
    expect(bot.text()).toContain('디스코드가 봇 토큰을 거부했어요');
    expect(JSON.stringify(bot.logs) + bot.text()).not.toContain(other.token);
  });

  it('exits 1 when Discord ends the session for good (a reset token), closing the database first', async () => {
    const fake = await fakeDiscord();
    const bot = await startConnected(fake);
    fake.closeSession(4004, 'Authentication failed.');
    expect((await bot.exited).code).toBe(1);
    expect(bot.logs.find(message('Discord closed the gateway for good'))).toMatchObject({
      level: 60,
      closeCode: 4004,
    });
    expect(bot.logs.at(-1)).toMatchObject({ msg: 'stopped' });
    acquireInstanceLock(databasePath).release();
  });

  it('a stop signal during the start-up retries ends it cleanly', async () => {
    const port = await closedLoopbackPort();
    const bot = start({
      DISCORD_TOKEN: (await fakeDiscord()).token,
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      DISCORD_CONNECT_RETRY_SECONDS: '120',
    });
    await bot.waitForLog((line) => line.msg === 'could not connect to Discord; retrying');
    process.kill(bot.child.pid!, 'SIGTERM');
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    acquireInstanceLock(databasePath).release();
  });
});

describe('health and metrics of the production start', () => {
  it('serves /healthz and /metrics over HTTP on 127.0.0.1, counts what the bot did, and names a failing part', async () => {
    const fake = await fakeDiscord({ heartbeatIntervalMs: 2000 });
    const held = await startHeldRegistry();
    held.release();
    try {
      const bot = await startConnected(fake, {
        HEALTH_PORT: '0',
        DOCKER_REGISTRY_URL: held.url,
        VERIFY_COOLDOWN_SECONDS: '0',
      });
      const listening = await bot.waitForLog(message('health and metrics listening'));
      expect(listening.host).toBe('127.0.0.1');
      const url = (route: string) => `http://127.0.0.1:${listening.port}${route}`;
      const health = async () => {
        const response = await fetch(url('/healthz'));
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      expect(await health()).toEqual({
        status: 200,
        body: {
          status: 'ok',
          failing: [],
          checks: {
            gateway: { ok: true, detail: 'connected' },
            database: { ok: true, detail: 'writable' },
            course: { ok: true, detail: '1 lessons' },
            dockerHub: { ok: true, detail: 'breaker closed; lookups 0 running, 0 queued' },
          },
        },
      });

      const press = await pressNext(fake, 1);
      const interactions = [
        press,
        openLesson(fake),
        fake.sendChatCommand({ name: 'no-such-command' }),
        fake.sendAutocomplete({
          name: 'lesson',
          subcommand: 'open',
          options: [option.focused('lesson', '허브')],
        }),
        fake.sendChatCommand({
          name: 'verify',
          user: learner,
          options: [option.string('docker-id', 'someone')],
        }),
      ];
      for (const interaction of interactions)
        await fake.waitForResponse(
          interaction.id,
          (response) => response.kind !== 'callback' || response.type !== 5,
        );

      // Scrape until a heartbeat has given the gateway a ping (every 2 s on this fake).
      let families = parsePrometheusText(await (await fetch(url('/metrics'))).text());
      while (Number.isNaN(sampleValue(families, 'dsb_gateway_ping_seconds'))) {
        await sleep(100);
        families = parsePrometheusText(await (await fetch(url('/metrics'))).text());
      }
      const value = (name: string, labels: Record<string, string> = {}) =>
        sampleValue(families, name, labels);
      expect(value('dsb_interactions_total', { type: 'command', command: 'lesson', outcome: 'ok' })).toBe(2);
      expect(value('dsb_interactions_total', { type: 'button', command: 'page', outcome: 'ok' })).toBe(1);
      expect(
        value('dsb_interactions_total', { type: 'command', command: 'unknown', outcome: 'refused' }),
      ).toBe(1);
      expect(
        value('dsb_interactions_total', { type: 'autocomplete', command: 'lesson', outcome: 'ok' }),
      ).toBe(1);
      const verifyOutcome = samplesOf(families, 'dsb_verify_total');
      expect(verifyOutcome).toHaveLength(1);
      expect(verifyOutcome[0]?.value).toBe(1);
      expect(lookupOutcomes).toContain(verifyOutcome[0]?.labels.outcome);
      // An attempt the store keeps (one that judged the image) carries the same outcome.
      for (const outcome of readColumn('SELECT outcome FROM verification_attempts'))
        expect(outcome).toBe(verifyOutcome[0]?.labels.outcome);
      expect(value('dsb_dockerhub_pull_limit_remaining')).toBe(HELD_PULL_LIMIT.remaining);
      expect(value('dsb_dockerhub_breaker_state')).toBe(0);
      expect(value('dsb_verify_lookups', { state: 'running' })).toBe(0);
      expect(value('dsb_interaction_first_response_seconds_count', { type: 'command' })).toBe(4);
      expect(value('dsb_interaction_first_response_seconds_count', { type: 'button' })).toBe(1);
      expect(value('dsb_interaction_first_response_seconds_bucket', { type: 'command', le: '+Inf' })).toBe(4);
      expect(value('dsb_gateway_connected')).toBe(1);
      expect(value('dsb_gateway_ping_seconds')).toBeGreaterThanOrEqual(0);
      expect(value('dsb_database_bytes', { file: 'database' })).toBeGreaterThan(0);
      expect(value('dsb_course_lessons')).toBe(1);
      expect(value('process_resident_memory_bytes')).toBeGreaterThan(0);

      // Another writer holding SQLite's write lock: the database part fails, the others do not.
      const writer = new BetterSqlite3(databasePath);
      writer.exec('BEGIN IMMEDIATE');
      const blocked = await health();
      writer.exec('ROLLBACK');
      writer.close();
      expect(blocked.status).toBe(503);
      expect(blocked.body).toMatchObject({
        status: 'failing',
        failing: ['database'],
        checks: { database: { ok: false, detail: 'cannot take the write lock: SQLITE_BUSY' } },
      });
      expect(await health()).toMatchObject({ status: 200 });

      // Discord gone: the gateway part fails until it is back.
      fakes.splice(fakes.indexOf(fake), 1);
      await fake.stop();
      let lost = await health();
      while (lost.status === 200) {
        await sleep(100);
        lost = await health();
      }
      expect(lost).toMatchObject({ status: 503, body: { failing: ['gateway'] } });
      expect(String((lost.body.checks as Record<string, { detail: string }>).gateway?.detail)).toMatch(
        /^reconnecting/,
      );

      process.kill(bot.child.pid!, 'SIGTERM');
      expect((await bot.exited).code).toBe(0);
    } finally {
      await held.stop();
    }
  }, 60_000);
});
