import { Events } from 'discord.js';
import type { AppContext } from '../app/context.js';
import { attachDispatcher, createDiscordClient } from './discord-adapter.js';
import type { ButtonPress, Dispatcher } from './dispatcher.js';

/** How long shutdown waits for interactions in flight before closing anyway. */
export const drainTimeoutMs = 10_000;

export interface RunningBot {
  /** Stops taking interactions, answers those in flight, disconnects and closes the database. */
  stop(): Promise<void>;
  ready: Promise<void>;
}

/** Connects to Discord (or whatever DISCORD_API_URL points at) and answers interactions. */
export async function runDiscord<Press extends ButtonPress>(
  app: AppContext,
  dispatcher: Dispatcher<AppContext, Press>,
  token: string,
): Promise<RunningBot> {
  const client = createDiscordClient(app.config);
  attachDispatcher(client, dispatcher, app.config, app.logger);
  const ready = new Promise<void>((resolve) => {
    client.once(Events.ClientReady, (readyClient) => {
      app.logger.info(
        { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size },
        'connected to Discord',
      );
      resolve();
    });
  });
  client.on(Events.Error, (error) => app.logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardResume, (shardId, replayed) =>
    app.logger.info({ shardId, replayed }, 'gateway resumed'),
  );
  await client.login(token);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      app.logger.info('shutting down: answering interactions in flight');
      await dispatcher.drain(drainTimeoutMs);
      await client.destroy();
      app.close();
      app.logger.info('stopped');
    })();
    return stopping;
  };
  return { stop, ready };
}
