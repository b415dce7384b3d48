import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { APIMessage } from 'discord-api-types/v10';
import { botCommands } from '../../../commands/index.js';
import { type AppContext, type AppOptions, createApp, storeOf } from '../../../src/app/context.js';
import { loadConfig } from '../../../src/config.js';
import {
  type RunningBot,
  type RunOptions,
  runDiscord,
  type WeeklyOptions,
} from '../../../src/discord/run-discord.js';
import type { CommandModule } from '../../../src/interactions/command-module.js';
import { Dispatcher } from '../../../src/interactions/dispatcher.js';
import { createLogger } from '../../../src/logger.js';
import type { Store } from '../../../src/store/index.js';
import { payloadToText } from '../../../src/ui/index.js';
import {
  type FakeDiscord,
  type InteractionResponse,
  startFakeDiscord,
} from '../../support/fake-discord/index.js';
import {
  type CourseFixtures,
  pushCourseFixtures,
  startRegistry,
  type TestRegistry,
} from '../../support/registry/index.js';

export interface BotHarness {
  fake: FakeDiscord;
  app: AppContext;
  /** The bot's database, for tests that set up or read rows themselves (handlers never see it). */
  store: Store;
  bot: RunningBot;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  /**
   * Stops the bot (as on shutdown) and starts a new one on the same database and fake Discord,
   * as a restart does; `app`, `store` and `bot` then name the new ones.
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  app?: AppOptions;
  // biome-ignore lint/suspicious/noExplicitAny: test-only extra commands of any shape
  extraCommands?: CommandModule<AppContext, any>[];
  /** No log capture (benchmarks): the bot logs nothing. */
  quiet?: boolean;
  /** Passed to runDiscord (a shorter shutdown drain). */
  run?: RunOptions;
  /** The scheduler's timer and retries (digests, reminders); default: no hourly timer in tests. */
  weekly?: WeeklyOptions;
}

/** The real bot (real discord.js client, real SQLite file) connected to a fake Discord. */
export async function startBotHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const fake = await startFakeDiscord();
  const dir = mkdtempSync(path.join(tmpdir(), 'dsb-e2e-'));
  const config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATABASE_PATH: path.join(dir, 'bot.sqlite'),
    LESSONS_DIR: 'data/lessons',
    // Nothing may leave 127.0.0.1: a closed port unless a test brings its registry.
    DOCKER_REGISTRY_URL: 'http://127.0.0.1:9',
    DOCKER_HUB_API_URL: 'http://127.0.0.1:9',
    DOCKER_AUTH_HOSTS: '127.0.0.1',
    LOG_LEVEL: 'info',
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const cleanUp = async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const logger = createLogger(options.quiet ? 'silent' : 'info', sink, { secrets: [fake.token] });
  const start = async () => {
    const app = await createApp(config, logger, options.app);
    const dispatcher = new Dispatcher(app, [...botCommands, ...(options.extraCommands ?? [])]);
    // Tests drive scheduled work with scheduler.runNow() and a manual clock, not the hour.
    const bot = await runDiscord(app, dispatcher, fake.token, {
      ...options.run,
      weekly: { timer: false, ...options.weekly },
    });
    await bot.ready;
    return { app, bot };
  };
  let started: Awaited<ReturnType<typeof start>>;
  try {
    started = await start();
    await fake.waitForBot();
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const harness: BotHarness = {
    fake,
    app: started.app,
    store: storeOf(started.app),
    bot: started.bot,
    logs,
    async restart() {
      await harness.bot.stop();
      const next = await start();
      harness.app = next.app;
      harness.store = storeOf(next.app);
      harness.bot = next.bot;
    },
    async stop() {
      await harness.bot.stop();
      await cleanUp();
    },
  };
  return harness;
}

/** What a learner reads in a response: its content and its components as text. */
export function responseText(response: InteractionResponse | APIMessage | undefined): string {
  if (!response) return '';
  const body = ('body' in response ? response.body : response) as {
    content?: string;
    components?: unknown[];
  };
  return [body?.content ?? '', payloadToText({ components: body?.components ?? [] }).text].join('\n');
}

/** The buttons of a message, with their custom ids. */
export function buttonsOf(message: APIMessage | undefined): { label: string; customId: string }[] {
  return message ? payloadToText({ components: message.components ?? [] }).buttons : [];
}

/** Waits for the interaction's final answer (a reply, an update or the edit of a deferred reply). */
export async function answerOf(fake: FakeDiscord, interactionId: string): Promise<InteractionResponse> {
  return fake.waitForResponse(
    interactionId,
    (response) =>
      (response.kind === 'callback' && (response.type === 4 || response.type === 7)) ||
      response.kind === 'edit-original' ||
      response.kind === 'followup',
  );
}

export interface RegistryBotHarness {
  harness: BotHarness;
  registry: TestRegistry;
  fixtures: CourseFixtures;
  stop(): Promise<void>;
}

/**
 * The bot with /verify pointed at a real docker-registry holding the course's images; no
 * cooldown unless `options.env` sets one.
 */
export async function startBotWithRegistry(options: HarnessOptions = {}): Promise<RegistryBotHarness> {
  const registry = await startRegistry();
  try {
    const fixtures = await pushCourseFixtures(registry);
    const harness = await startBotHarness({
      ...options,
      env: {
        DOCKER_REGISTRY_URL: registry.url,
        DOCKER_AUTH_HOSTS: registry.authHosts.join(','),
        VERIFY_COOLDOWN_SECONDS: '0',
        ...options.env,
      },
    });
    registry.resetCounts();
    return {
      harness,
      registry,
      fixtures,
      async stop() {
        await harness.stop();
        await registry.stop();
      },
    };
  } catch (error) {
    await registry.stop();
    throw error;
  }
}
