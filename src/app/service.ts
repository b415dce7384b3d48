import { statSync } from 'node:fs';
import { botCommands } from '../../commands/index.js';
import type { Config } from '../config.js';
import { GatewayStatus } from '../discord/gateway-status.js';
import { type RunningBot, runDiscord } from '../discord/run-discord.js';
import { Dispatcher } from '../interactions/dispatcher.js';
import type { Logger } from '../logger.js';
import { checkHealth } from '../ops/health.js';
import { type HealthServer, startHealthServer } from '../ops/health-server.js';
import type { BotMetrics } from '../ops/metrics.js';
import { courseProbe, databaseProbe, dockerHubProbe, gatewayProbe } from '../ops/probes.js';
import { onStopSignals } from '../ops/stop-signals.js';
import { type AppContext, createApp, storeOf } from './context.js';

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** `/healthz` and `/metrics` on HEALTH_HOST:HEALTH_PORT, reading the live app and gateway. */
async function startEndpoints(
  app: AppContext,
  gateway: GatewayStatus,
  metrics: BotMetrics,
  port: number,
): Promise<HealthServer> {
  const { config } = app;
  const probes = [
    gatewayProbe(gateway),
    databaseProbe(storeOf(app).db, config.DATABASE_PATH),
    courseProbe(app.catalog),
    dockerHubProbe(app.verification),
  ];
  metrics.readFrom({
    gatewayConnected: () => gateway.connected,
    gatewayPingMs: () => gateway.pingMs,
    databaseBytes: () => ({
      database: fileSize(config.DATABASE_PATH),
      wal: fileSize(`${config.DATABASE_PATH}-wal`),
    }),
    lessons: () => app.catalog.list().length,
    dockerHub: () => app.verification.hubStatus(),
  });
  const server = await startHealthServer({
    host: config.HEALTH_HOST,
    port,
    health: () => checkHealth(probes),
    metrics: async () => ({ contentType: metrics.contentType, body: await metrics.render() }),
  });
  app.logger.info({ host: server.host, port: server.port }, 'health and metrics listening');
  return server;
}

/**
 * The bot as a service on Discord: start-up (database, course, health endpoint, gateway with
 * retries), then running until SIGINT/SIGTERM, then a graceful stop. Resolves with the exit
 * code: 0 after a requested stop, 1 when Discord closed the gateway for good.
 */
export async function runService(config: Config, token: string, logger: Logger): Promise<number> {
  const stop = new AbortController();
  let exitCode = 0;
  const removeSignalHandlers = onStopSignals({
    onStop: (signal) => {
      logger.info({ signal }, 'stop requested');
      stop.abort(new Error(`stopped by ${signal}`));
    },
    onForce: (signal) => {
      logger.warn({ signal }, 'second stop signal: exiting without waiting for interactions in flight');
      process.exit(1);
    },
  });
  // prom-client and its dependencies are loaded only when something can read the metrics.
  const metrics =
    config.HEALTH_PORT === undefined ? undefined : new (await import('../ops/metrics.js')).BotMetrics();
  const gateway = new GatewayStatus();
  let app: AppContext | undefined;
  let endpoints: HealthServer | undefined;
  let bot: RunningBot | undefined;
  try {
    app = await createApp(config, logger, metrics ? { onVerifyResult: metrics.verified } : {});
    if (metrics && config.HEALTH_PORT !== undefined)
      endpoints = await startEndpoints(app, gateway, metrics, config.HEALTH_PORT);
    const dispatcher = new Dispatcher(app, botCommands, metrics?.interactionHandled);
    bot = await runDiscord(app, dispatcher, token, {
      connectRetryMs: config.DISCORD_CONNECT_RETRY_SECONDS * 1000,
      signal: stop.signal,
      gateway,
      ...(metrics
        ? {
            onResponseTime: metrics.firstResponded,
            weekly: { onDigest: metrics.digestHandled, onReminder: metrics.reminderHandled },
          }
        : {}),
      onGatewayLost: () => {
        exitCode = 1;
        stop.abort(new Error('Discord closed the gateway'));
      },
    });
    if (!stop.signal.aborted) await new Promise((resolve) => stop.signal.addEventListener('abort', resolve));
  } catch (error) {
    // A stop signal during start-up ends it cleanly; anything else is a start-up failure.
    if (!stop.signal.aborted) throw error;
  } finally {
    if (bot) await bot.stop();
    else app?.close();
    await endpoints?.close();
    removeSignalHandlers();
  }
  return exitCode;
}
