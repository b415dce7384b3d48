/**
 * The memory floor for bench/memory.ts: a bare discord.js bot on plain node (no tsx, no
 * database, no course) that answers every slash command with an ephemeral "pong". It logs
 * one JSON line when connected, like the real bot, so the bench can wait for it.
 */
import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: process.env.DISCORD_API_URL },
});
client.on(Events.InteractionCreate, (interaction) => {
  if (interaction.isChatInputCommand())
    void interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral }).catch(() => undefined);
});
client.once(Events.ClientReady, () => console.log(JSON.stringify({ msg: 'connected to Discord' })));
const stop = () => void client.destroy().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
await client.login(process.env.DISCORD_TOKEN);
