import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background connection copies committed WAL pages into the database file. */
const checkpointIntervalMs = 50;

/**
 * Runs on its own thread with its own connection. A PASSIVE checkpoint never blocks the
 * writer or readers; it copies what is committed and fsyncs the WAL and the database file, the
 * slow part that would otherwise stall the event that crosses the WAL size limit. Plain CommonJS
 * source, so it loads the same under tsx, vitest and compiled JS.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or closing: the writer's own automatic checkpoint still bounds the WAL.
  }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface BackgroundCheckpointer {
  stop(): void;
}

/**
 * Checkpoints the database at `path` from a worker thread while this thread writes, so an
 * event rarely waits for a checkpoint's fsyncs. Safety and durability stay SQLite's: the
 * writer keeps its automatic checkpoint as the bound on the WAL size (it finds little left to
 * copy), and if the worker fails, checkpoints simply happen on the writer again.
 */
export function startBackgroundCheckpointer(path: string): BackgroundCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { path, driver, intervalMs: checkpointIntervalMs },
  });
  // Never keeps the process alive, and a failed worker only means checkpoints on the writer.
  worker.unref();
  worker.on('error', () => {});
  return {
    stop: () => worker.postMessage('stop'),
  };
}
