import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openDatabase } from './database.js';
import { StoreError } from './errors.js';

export interface BackupResult {
  path: string;
  pages: number;
  bytes: number;
}

/** Pages per step: all of them, so the copy is one consistent read snapshot (WAL never blocks the bot). */
const allPages = 0x7fffffff;

/**
 * Copies a live database with SQLite's online backup while the bot keeps writing. The copy
 * is written beside the target under a temporary name and renamed only when complete, so a
 * failed backup never leaves a half-written file behind.
 */
export async function backupDatabase(sourcePath: string, targetPath: string): Promise<BackupResult> {
  if (!existsSync(sourcePath)) {
    throw new StoreError('backup-source-missing', `There is no database at ${sourcePath}.`, {
      path: sourcePath,
    });
  }
  const target = resolve(targetPath);
  if (existsSync(target)) {
    throw new StoreError('backup-target-exists', `${target} already exists; choose a new file name.`, {
      path: target,
    });
  }
  if (!existsSync(dirname(target))) {
    throw new StoreError('backup-directory-missing', `The folder ${dirname(target)} does not exist.`, {
      path: dirname(target),
    });
  }
  const partial = `${target}.partial-${process.pid}`;
  const source = openDatabase(sourcePath, { mustExist: true });
  try {
    const progress = await source.backup(partial, { progress: () => allPages });
    renameSync(partial, target);
    return { path: target, pages: progress.totalPages, bytes: statSync(target).size };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
}
