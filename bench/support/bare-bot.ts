import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { startFakeDiscord } from '../../test/support/fake-discord/index.js';
import { type LatencySummary, measureFirstResponse } from './measure.js';

export { type LatencySummary, measureFirstResponse, summarize } from './measure.js';

/**
 * The floor for the real bot: a bare discord.js client answering /ping with "pong" on the
 * same fake Discord, measured dispatch → first callback.
 */
export async function measureBareBot(options: { samples: number; warmup?: number }): Promise<LatencySummary> {
  const fake = await startFakeDiscord();
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand() && interaction.commandName === 'ping')
      void interaction.reply('pong');
  });
  try {
    const ready = once(client, Events.ClientReady);
    await client.login(fake.token);
    await ready;
    return await measureFirstResponse(fake, () => fake.sendChatCommand({ name: 'ping' }), options.samples, {
      warmup: options.warmup ?? 20,
    });
  } finally {
    await client.destroy();
    await fake.stop();
  }
}
