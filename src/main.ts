import { constants, createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { botCommands } from '../commands/index.js';
import { createApp } from './app/context.js';
import { runService } from './app/service.js';
import { type Config, loadConfig } from './config.js';
import { MAX_CONSOLE_LEARNER, parseIdentity } from './console/identities.js';
import { runConsole } from './console/run-console.js';
import { operatorLocale, translator } from './i18n/index.js';
import { Dispatcher } from './interactions/dispatcher.js';
import { createLogger, type Logger } from './logger.js';
import { type EnvFileResult, loadEnvFile } from './ops/env-file.js';
import { acquireInstanceLock } from './ops/instance-lock.js';
import { installProcessHandlers } from './ops/process-handlers.js';
import { describeStartupFailure, TokenMissingError } from './ops/startup-failure.js';

async function readable(file: string): Promise<boolean> {
  return access(file, constants.R_OK).then(
    () => true,
    () => false,
  );
}

/** The one logger, once it exists: start-up failures after this point also go out as JSON lines. */
let logger: Logger | undefined;
let config: Config | undefined;

function logEnvFile(log: Logger, envFile: EnvFileResult | null): void {
  if (!envFile) return;
  log.info({ file: envFile.path, applied: envFile.applied, overridden: envFile.overridden }, 'read .env');
  if (envFile.readableByOthers)
    log.warn(
      { file: envFile.path },
      '.env can be read by other users and holds the bot token: chmod 600 .env',
    );
}

/**
 * The bot's entry: `node dist/src/main.js` in production (what a supervisor runs), `npm start`
 * (tsx) while developing. On Discord when DISCORD_TOKEN is set; without it the local console
 * opens at a terminal, and anywhere else (systemd, Docker, a closed stdin) start-up fails and
 * says how to ask for the console on purpose.
 * `--console [--as learnerN|instructor] [--script FILE]` forces the console.
 */
async function main(): Promise<number> {
  const t = translator('ko');
  let values: { console: boolean; as: string; script?: string | undefined; help: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        console: { type: 'boolean', default: false },
        as: { type: 'string', default: 'learner' },
        script: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    // A wrong flag is a typo, not a crash: say which and how to start.
    // Node names the flag in quotes: "Unknown option '--bogus'. …".
    const flag = (error as Error).message.split("'")[1] ?? (error as Error).message;
    console.error(`${t('console.badFlag', { detail: flag })}\n\n${t('console.usage')}`);
    return 2;
  }
  if (values.help) {
    console.log(t('console.usage'));
    return 0;
  }
  const who = parseIdentity(values.as);
  if (!who) {
    console.error(t('console.badRole', { role: values.as, max: MAX_CONSOLE_LEARNER }));
    return 2;
  }
  if (values.script !== undefined && !(await readable(values.script))) {
    console.error(t('console.scriptMissing', { file: values.script }));
    return 2;
  }
  const envFile = loadEnvFile();
  config = loadConfig();
  const askedForConsole = values.console || values.script !== undefined;
  if (!askedForConsole && !config.DISCORD_TOKEN && !process.stdin.isTTY) throw new TokenMissingError();
  const useConsole = askedForConsole || !config.DISCORD_TOKEN;
  // The console's stdout is the learner's screen: logs go to stderr there, quietly.
  const secrets = { secrets: [config.DISCORD_TOKEN, config.DOCKERHUB_TOKEN] };
  logger = useConsole
    ? createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', process.stderr, secrets)
    : createLogger(config.LOG_LEVEL, undefined, secrets);
  logEnvFile(logger, envFile);

  const lock = acquireInstanceLock(config.DATABASE_PATH);
  try {
    if (!useConsole) return await runService(config, config.DISCORD_TOKEN!, logger);
    const app = await createApp(config, logger);
    const dispatcher = new Dispatcher(app, botCommands);
    const input = values.script ? createReadStream(values.script, 'utf8') : process.stdin;
    try {
      await runConsole(app, dispatcher, {
        as: who,
        input,
        output: process.stdout,
        echo: values.script !== undefined,
      });
    } finally {
      await dispatcher.drain(5_000);
      app.close();
    }
    return 0;
  } finally {
    lock.release();
  }
}

/**
 * Every start-up failure: the operator's text on stderr, and a JSON line for log pipelines —
 * through the logger once it exists, else on stdout unless that is a terminal.
 */
function reportFailure(error: unknown): void {
  const failure = describeStartupFailure(error, translator(operatorLocale()), {
    databasePath: config?.DATABASE_PATH ?? 'data/bot.sqlite',
    healthHost: config?.HEALTH_HOST ?? '127.0.0.1',
    healthPort: config?.HEALTH_PORT,
  });
  console.error(failure.text);
  const fields = { code: failure.code, ...failure.details, err: error };
  if (logger) logger.fatal(fields, `start-up failed: ${failure.code}`);
  else if (!process.stdout.isTTY) createLogger('info').fatal(fields, `start-up failed: ${failure.code}`);
}

// Before the logger exists, errors go to a plain one on stdout.
installProcessHandlers(() => logger ?? createLogger('info'));

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    reportFailure(error);
    process.exit(1);
  },
);
