import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempStore, tempStore } from './factory.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.cleanup());

/** A second process that takes the write lock, says so, holds it for a moment, then commits. */
const lockHolder = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO manifests (digest, media_type, body) VALUES ('sha256:child', 'text/plain', 'child')").run();
process.stdout.write('locked\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
db.exec('COMMIT');
db.close();
`;

describe('a second process', () => {
  it('makes the bot wait for its write lock instead of failing', async () => {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const child = spawn(process.execPath, ['-e', lockHolder, driver, temp.path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('locked')) resolve();
      });
      void exited.then(() => reject(new Error('the lock holder exited early')));
    });
    // Blocks until the other process commits (busy timeout), then succeeds.
    temp.store.manifests.put('sha256:bot', 'text/plain', 'bot');
    expect(await exited).toBe(0);
    expect(temp.store.manifests.get('sha256:child')).toEqual({ mediaType: 'text/plain', body: 'child' });
    expect(temp.store.manifests.get('sha256:bot')).toEqual({ mediaType: 'text/plain', body: 'bot' });
  }, 60_000);

  it('opens a database another connection migrated without migrating again, sharing its rows', async () => {
    const second = temp.reopen();
    expect(second.migration.applied).toEqual([]);
    second.manifests.put('sha256:x', 'a', 'b');
    expect(temp.store.manifests.get('sha256:x')).toEqual({ mediaType: 'a', body: 'b' });
  });
});
