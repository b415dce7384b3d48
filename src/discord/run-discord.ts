import { type Client, type CloseEvent, Events } from 'discord.js';
import type { AppContext } from '../app/context.js';
import { type DeliveryOptions, type DigestOutcome, digestJob } from '../app/digest-job.js';
import { type ReminderOutcome, reminderJob } from '../app/reminder-job.js';
import { Scheduler } from '../app/scheduler.js';
import { CommandDirectory } from '../i18n/command-mentions.js';
import { translator } from '../i18n/index.js';
import type { Dispatcher } from '../interactions/dispatcher.js';
import { type BackoffPolicy, retryWithBackoff, startupBackoff } from '../ops/backoff.js';
import {
  type AdapterHooks,
  attachDispatcher,
  createDiscordClient,
  type ResponseTimeObserver,
} from './adapter.js';
import { isPermanentStartupError, isUnrecoverableClose, loginAndWaitForReady } from './connect.js';
import { GatewayStatus } from './gateway-status.js';
import { DiscordMessenger } from './messenger.js';
import { guardGatewayPackets } from './packet-guard.js';
import { type RoleGrantLoop, startRoleGrantLoop } from './role-grant-loop.js';
import { discordRoleGranter } from './roles.js';

/**
 * Shutdown: interactions in flight get up to 10 s. Lookups still running at 5 s are stopped so
 * their learners are told (the restart notice) with time to spare; anything still unanswered at
 * 10 s gets the notice directly. Well inside systemd's 90 s and compose's 30 s stop timeouts.
 */
export const DEFAULT_DRAIN = { timeoutMs: 10_000, interruptAfterMs: 5_000 } as const;

/** One start-up attempt's wait for the gateway to become ready (login, HELLO, READY, guilds). */
const readyTimeoutMs = 30_000;

export interface RunningBot {
  /** Stops taking interactions, answers those in flight, disconnects and closes the database. */
  stop(): Promise<void>;
  ready: Promise<void>;
  gateway: GatewayStatus;
  /** Weekly digests and reminders: started once connected, stopped first on shutdown. */
  scheduler: Scheduler;
}

/** The scheduled work (digests, reminders): its timer, retries and what it reports. */
export interface WeeklyOptions extends DeliveryOptions {
  /** False: no hourly timer, runs only at start-up and through `scheduler.runNow()` (tests). */
  timer?: boolean;
  onDigest?: (outcome: DigestOutcome) => void;
  onReminder?: (outcome: ReminderOutcome) => void;
}

export interface RunOptions {
  /** How long start-up keeps retrying login and the first gateway connection; default: one try. */
  connectRetryMs?: number;
  /** Aborting stops the start-up retries (a stop signal during start-up). */
  signal?: AbortSignal;
  /** Reports the connection's state (health endpoint, metrics); a fresh one by default. */
  gateway?: GatewayStatus;
  onResponseTime?: ResponseTimeObserver;
  /** Discord closed the gateway for good after start-up (token reset, intents refused). */
  onGatewayLost?: (event: CloseEvent) => void;
  /** For tests: a shorter shutdown drain than DEFAULT_DRAIN. */
  drain?: { timeoutMs: number; interruptAfterMs: number };
  weekly?: WeeklyOptions;
}

/**
 * Connects to Discord (or whatever DISCORD_API_URL points at) and answers interactions. Login
 * and the first gateway connection are retried with backoff, each try logged; a refused token
 * ends start-up at once. Resolves once the gateway is ready.
 */
export async function runDiscord(
  app: AppContext,
  dispatcher: Dispatcher<AppContext>,
  token: string,
  options: RunOptions = {},
): Promise<RunningBot> {
  const gateway = options.gateway ?? new GatewayStatus();
  // Names from the bot's own command data: a plain name is still the reader's while ids are unknown.
  const commands = new CommandDirectory(dispatcher.commandData);
  const policy: BackoffPolicy = { ...startupBackoff, budgetMs: options.connectRetryMs ?? 0 };
  // The grant loop starts once connected; until then a hook has nothing to wake.
  let roleGrants: RoleGrantLoop | undefined;
  const hooks: AdapterHooks = { rolesQueued: () => roleGrants?.wake() };
  const connect = async (attempt: number): Promise<Client> => {
    const client = createDiscordClient(app.config);
    guardGatewayPackets(client, app.logger);
    // discord.js holds interactions back until ready, so none is lost between ready and here.
    attachDispatcher(client, dispatcher, app.config, app.logger, options.onResponseTime, hooks, commands);
    gateway.connecting(attempt, client);
    app.logger.info({ attempt, api: app.config.DISCORD_API_URL }, 'connecting to Discord');
    try {
      await loginAndWaitForReady(client, token, readyTimeoutMs, options.signal);
      return client;
    } catch (error) {
      await client.destroy();
      throw error;
    }
  };
  const client = await retryWithBackoff(connect, policy, {
    isPermanent: isPermanentStartupError,
    ...(options.signal ? { signal: options.signal } : {}),
    onFailure: (error, attempt, retryInMs) =>
      app.logger.warn(
        {
          attempt,
          retryInMs,
          err: { message: (error as Error)?.message, code: (error as { code?: unknown })?.code },
        },
        retryInMs === null ? 'could not connect to Discord' : 'could not connect to Discord; retrying',
      ),
  });

  gateway.running(client);
  await learnCommandIds(client, commands, app);
  roleGrants = startRoleGrantLoop(
    app.milestoneRoles,
    discordRoleGranter(client, 'docker-study-bot: milestone reached'),
    app.logger,
    { perMinute: app.config.ROLE_GRANTS_PER_MINUTE },
  );
  // Grants owed from before a restart (or a backfill) start at once.
  roleGrants.wake();
  app.logger.info(
    { user: client.user?.tag, guilds: client.guilds.cache.size, ping: client.ws.ping },
    'connected to Discord',
  );
  client.on(Events.Error, (error) => app.logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardResume, (shardId, replayed) =>
    app.logger.info({ shardId, replayed }, 'gateway resumed'),
  );
  // Destroying the client on stop closes the gateway too: that is not news for the log.
  let stopRequested = false;
  client.on(Events.ShardReconnecting, (shardId) => {
    if (!stopRequested) app.logger.warn({ shardId }, 'gateway reconnecting');
  });
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (stopRequested || !isUnrecoverableClose(event)) return;
    app.logger.fatal({ shardId, closeCode: event.code }, 'Discord closed the gateway for good');
    options.onGatewayLost?.(event);
  });

  const messenger = new DiscordMessenger(client.rest);
  const weekly = options.weekly ?? {};
  const jobs = [
    digestJob(app, messenger, translator('ko', commands), weekly.onDigest, weekly),
    reminderJob(app, messenger, translator('ko', commands), weekly.onReminder, weekly),
  ];
  const scheduler = new Scheduler(jobs, {
    timeZone: app.config.COURSE_TIME_ZONE,
    logger: app.logger,
    ...(weekly.timer === undefined ? {} : { timer: weekly.timer }),
  });
  scheduler.start();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      stopRequested = true;
      gateway.stopping();
      // First: a digest being sent finishes (or its claim stays for the next start), nothing new starts.
      await scheduler.stop();
      app.logger.info('shutting down: answering interactions in flight');
      await dispatcher.drain({
        ...(options.drain ?? DEFAULT_DRAIN),
        interrupt: () => {
          app.logger.info('shutting down: stopping /verify lookups still in flight');
          app.verification.interruptLookups();
        },
      });
      await roleGrants?.stop();
      await client.destroy();
      app.close();
      app.logger.info('stopped');
    })();
    return stopping;
  };
  return { stop, ready: Promise.resolve(), gateway, scheduler };
}

/**
 * Learns the ids of the registered commands (the home server's when DISCORD_GUILD_ID is set,
 * else the global ones), so that messages mention commands the way each learner's client names
 * them. Without them messages name commands as plain text: worth a warning, not a failed start.
 */
async function learnCommandIds(client: Client, commands: CommandDirectory, app: AppContext): Promise<void> {
  const guildId = app.config.DISCORD_GUILD_ID;
  try {
    const registered = await client.application?.commands.fetch(guildId ? { guildId } : {});
    commands.learn(
      [...(registered?.values() ?? [])].map((command) => ({ name: command.name, id: command.id })),
    );
    app.logger.info({ commands: registered?.size ?? 0, guildId }, 'learned the registered command ids');
  } catch (error) {
    app.logger.warn(
      { err: { message: (error as Error)?.message } },
      'could not read the registered commands; messages name commands as plain text',
    );
  }
}
