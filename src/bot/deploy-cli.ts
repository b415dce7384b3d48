import { commandData } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { loadEnvFile } from '../ops/env-file.js';
import { deployCommands } from './deploy.js';

/**
 * `npm run deploy-commands [-- --dry-run]`: registers the slash commands with Discord (to
 * DISCORD_GUILD_ID when set, else globally), uploading only when they changed.
 */
async function main(): Promise<number> {
  loadEnvFile();
  if (process.argv.includes('--dry-run')) {
    process.stdout.write(`${JSON.stringify(commandData, null, 2)}\n`);
    return 0;
  }
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) {
    console.error('DISCORD_TOKEN is not set: deploy-commands needs the bot token (or use --dry-run).');
    return 1;
  }
  const result = await deployCommands(
    { token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, guildId: config.DISCORD_GUILD_ID },
    commandData,
  );
  const where = result.scope === 'guild' ? `guild ${config.DISCORD_GUILD_ID}` : 'all servers (global)';
  console.log(
    result.changed
      ? `Registered ${result.names.length} commands for ${where}: ${result.names.join(', ')}`
      : `Commands for ${where} are already up to date (${result.names.join(', ')}); nothing uploaded.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `deploy-commands failed: ${String(error)}`);
    process.exit(1);
  },
);
