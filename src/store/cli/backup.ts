/**
 * `npm run db:backup -- <file>`: an online backup of DATABASE_PATH that is safe while the bot
 * runs. Exit code 0 on success, 1 with a short message otherwise (never a stack trace).
 */
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { type MessageKey, translator } from '../../i18n/index.js';
import { loadEnvFile } from '../../ops/env-file.js';
import { backupDatabase } from '../backup.js';
import { StoreError, type StoreErrorCode } from '../errors.js';

/** An operator's terminal: Korean unless the shell's language is English. */
const say = translator(process.env.LANG?.toLowerCase().startsWith('en') ? 'en' : 'ko');

const errorMessages: Partial<Record<StoreErrorCode, MessageKey>> = {
  'backup-source-missing': 'store.backup.sourceMissing',
  'backup-target-exists': 'store.backup.targetExists',
  'backup-directory-missing': 'store.backup.directoryMissing',
};

const argumentsSchema = z.tuple([z.string().trim().min(1)]);

async function main(): Promise<number> {
  const args = argumentsSchema.safeParse(process.argv.slice(2));
  if (!args.success) {
    console.error(say('store.backup.usage'));
    return 2;
  }
  const [target] = args.data;
  try {
    loadEnvFile();
    const { DATABASE_PATH } = loadConfig();
    const result = await backupDatabase(DATABASE_PATH, target);
    console.log(say('store.backup.done', { path: result.path, pages: result.pages, bytes: result.bytes }));
    return 0;
  } catch (error) {
    const key = error instanceof StoreError ? errorMessages[error.code] : undefined;
    if (key && error instanceof StoreError) console.error(say(key, error.details));
    else
      console.error(
        say('store.backup.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    return 1;
  }
}

process.exitCode = await main();
