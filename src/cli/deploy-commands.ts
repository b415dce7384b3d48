import { botCommands } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { isPermanentStartupError } from '../discord/connect.js';
import { deployCommands, describePlan, registrationPlan } from '../discord/deploy.js';
import { operatorLocale, translator } from '../i18n/index.js';
import { loadEnvFile } from '../ops/env-file.js';

/**
 * `npm run deploy-commands [-- --dry-run]`: registers the bot's slash commands with Discord,
 * uploading only what changed: every command to the home server (DISCORD_GUILD_ID, instant) when
 * it is set, else every command globally except /course, which then is registered nowhere.
 * `--dry-run` prints the plan as JSON and where each command would go. It speaks the operator's
 * language, as the bot's own start-up does (Korean unless LANG is English).
 */
const t = translator(operatorLocale());

async function main(): Promise<number> {
  loadEnvFile();
  const config = loadConfig();
  const plan = registrationPlan(botCommands, config.DISCORD_GUILD_ID);
  if (process.argv.includes('--dry-run')) {
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    for (const line of describePlan(plan, t)) console.error(line);
    return 0;
  }
  if (!config.DISCORD_TOKEN) {
    console.error(t('deploy.tokenMissing'));
    return 1;
  }
  const result = await deployCommands({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL }, plan);
  const where =
    result.scope === 'guild'
      ? t('deploy.where.homeServer', { guildId: result.guildId ?? '' })
      : t('deploy.where.global');
  const names = result.names.map((name) => `/${name}`).join(', ') || t('deploy.none');
  console.log(
    result.changed
      ? t('deploy.registered', { count: result.names.length, where, names })
      : t('deploy.upToDate', { where, names }),
  );
  if (plan.scope === 'global') {
    for (const name of plan.unregistered) console.log(t('deploy.registeredNowhere', { name }));
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    // Said as the bot's start-up says it: the operator must get a new token.
    else if (isPermanentStartupError(error)) console.error(t('ops.tokenRefused'));
    else console.error(t('deploy.failed', { reason: String(error) }));
    process.exit(1);
  },
);
