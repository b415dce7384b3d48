import { botCommands } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { deployCommands, describePlan, registrationPlan } from '../discord/deploy.js';
import { loadEnvFile } from '../ops/env-file.js';

/**
 * `npm run deploy-commands [-- --dry-run]`: registers the slash commands with Discord, uploading
 * only what changed: every command to the home server (DISCORD_GUILD_ID, instant) when it is
 * set, else every command globally except /course, which then is registered nowhere.
 * `--dry-run` prints the plan as JSON and where each command would go.
 */
async function main(): Promise<number> {
  loadEnvFile();
  const config = loadConfig();
  const plan = registrationPlan(botCommands, config.DISCORD_GUILD_ID);
  if (process.argv.includes('--dry-run')) {
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    for (const line of describePlan(plan)) console.error(line);
    return 0;
  }
  if (!config.DISCORD_TOKEN) {
    console.error('DISCORD_TOKEN is not set: deploy-commands needs the bot token (or use --dry-run).');
    return 1;
  }
  const result = await deployCommands({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL }, plan);
  const where = result.scope === 'guild' ? `the home server ${result.guildId}` : 'all servers (global)';
  const names = result.names.map((name) => `/${name}`).join(', ') || 'none';
  console.log(
    result.changed
      ? `Registered ${result.names.length} commands for ${where}: ${names}`
      : `Commands for ${where} are already up to date (${names}); nothing uploaded.`,
  );
  if (plan.scope === 'global') {
    for (const name of plan.unregistered) {
      console.log(
        `/${name} is registered nowhere: set DISCORD_GUILD_ID to the home server to register it there.`,
      );
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `deploy-commands failed: ${String(error)}`);
    process.exit(1);
  },
);
