import { constants, createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { botModules } from '../commands/index.js';
import { createApp } from './app/context.js';
import { Dispatcher } from './bot/dispatcher.js';
import { runDiscord } from './bot/run-discord.js';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './console/run-console.js';
import { ContentError, formatProblem } from './content/index.js';
import { translator } from './i18n/index.js';
import { createLogger } from './logger.js';
import { StoreError } from './store/index.js';

async function readable(file: string): Promise<boolean> {
  return access(file, constants.R_OK).then(
    () => true,
    () => false,
  );
}

/**
 * `npm start`: on Discord when DISCORD_TOKEN is set, else the local console.
 * `npm start -- --console [--as instructor] [--script FILE]` forces the console.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      console: { type: 'boolean', default: false },
      as: { type: 'string', default: 'learner' },
      script: { type: 'string' },
    },
  });
  const t = translator('ko');
  if (values.as !== 'learner' && values.as !== 'instructor') {
    console.error(t('console.badRole', { role: values.as }));
    return 2;
  }
  if (values.script !== undefined && !(await readable(values.script))) {
    console.error(t('console.scriptMissing', { file: values.script }));
    return 2;
  }
  const config = loadConfig();
  const useConsole = values.console || values.script !== undefined || !config.DISCORD_TOKEN;
  // The console's stdout is the learner's screen: logs go to stderr there, quietly.
  const secrets = { secrets: [config.DISCORD_TOKEN, config.DOCKERHUB_TOKEN] };
  const logger = useConsole
    ? createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', process.stderr, secrets)
    : createLogger(config.LOG_LEVEL, undefined, secrets);
  const app = await createApp(config, logger);
  const dispatcher = new Dispatcher(app, botModules);

  if (useConsole) {
    const role = values.as;
    const input = values.script ? createReadStream(values.script, 'utf8') : process.stdin;
    try {
      await runConsole(app, dispatcher, {
        role,
        input,
        output: process.stdout,
        echo: values.script !== undefined,
      });
    } finally {
      await dispatcher.drain(5_000);
      app.close();
    }
    return 0;
  }

  const bot = await runDiscord(app, dispatcher, config.DISCORD_TOKEN!);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void bot.stop().then(() => process.exit(0));
    });
  }
  return new Promise<number>(() => undefined);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Start-up problems an operator can fix get their message, not a stack trace.
    if (error instanceof StoreError && error.code === 'database-newer-than-code') {
      console.error(translator('ko')('store.databaseNewer', error.details));
    } else if (error instanceof ConfigError || error instanceof StoreError) console.error(error.message);
    else if (error instanceof ContentError)
      for (const problem of error.problems) console.error(formatProblem(problem));
    else console.error(error);
    process.exit(1);
  },
);
