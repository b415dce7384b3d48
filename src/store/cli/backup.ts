/**
 * `npm run db:backup -- <file>`: an online backup of DATABASE_PATH that is safe while the bot
 * runs. Exit code 0 on success, 1 with a short message otherwise (never a stack trace).
 */
import { loadConfig } from '../../config.js';
import type { MessageKey } from '../../i18n/index.js';
import { loadEnvFile } from '../../ops/env-file.js';
import { backupDatabase } from '../backup.js';
import type { StoreErrorCode } from '../errors.js';
import { oneFileArgument, reportFailure, say } from './report.js';

const errorMessages: Partial<Record<StoreErrorCode, MessageKey>> = {
  'backup-source-missing': 'store.backup.sourceMissing',
  'backup-target-exists': 'store.backup.targetExists',
  'backup-directory-missing': 'store.backup.directoryMissing',
};

async function main(): Promise<number> {
  const args = oneFileArgument.safeParse(process.argv.slice(2));
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
    reportFailure(error, errorMessages, 'store.backup.failed');
    return 1;
  }
}

process.exitCode = await main();
