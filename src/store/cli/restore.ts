/**
 * `npm run db:restore -- <backup file>`: puts a backup made by `db:backup` in place of
 * DATABASE_PATH. Refuses while a bot runs on the database (the instance lock), and checks the
 * backup before touching anything. Exit code 0 on success, 1 with a short message otherwise.
 */
import { loadConfig } from '../../config.js';
import type { MessageKey } from '../../i18n/index.js';
import { loadEnvFile } from '../../ops/env-file.js';
import { acquireInstanceLock, InstanceLockedError } from '../../ops/instance-lock.js';
import type { StoreErrorCode } from '../errors.js';
import { restoreDatabase } from '../restore.js';
import { oneFileArgument, reportFailure, say } from './report.js';

const errorMessages: Partial<Record<StoreErrorCode, MessageKey>> = {
  'restore-source-missing': 'store.restore.sourceMissing',
  'restore-not-a-database': 'store.restore.notADatabase',
  'restore-onto-itself': 'store.restore.ontoItself',
  'database-newer-than-code': 'store.restore.newer',
};

function restore(backupPath: string): number {
  loadEnvFile();
  const { DATABASE_PATH } = loadConfig();
  const lock = acquireInstanceLock(DATABASE_PATH);
  try {
    const result = restoreDatabase(backupPath, DATABASE_PATH);
    console.log(
      say('store.restore.done', { backup: backupPath, path: result.path, version: result.schemaVersion }),
    );
    if (result.setAside) console.log(say('store.restore.setAside', { path: result.setAside }));
    return 0;
  } finally {
    lock.release();
  }
}

function main(): number {
  const args = oneFileArgument.safeParse(process.argv.slice(2));
  if (!args.success) {
    console.error(say('store.restore.usage'));
    return 2;
  }
  try {
    return restore(args.data[0]);
  } catch (error) {
    if (error instanceof InstanceLockedError) {
      console.error(say('store.restore.botRunning', { lock: error.lockPath }));
      return 1;
    }
    reportFailure(error, errorMessages, 'store.restore.failed');
    return 1;
  }
}

process.exitCode = main();
