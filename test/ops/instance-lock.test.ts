import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock, InstanceLockedError } from '../../src/ops/instance-lock.js';
import { backupDatabase, openStore } from '../../src/store/index.js';

const holderScript = fileURLToPath(new URL('./fixtures/hold-lock.ts', import.meta.url));

let dir: string;
let databasePath: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsb-lock-'));
  databasePath = path.join(dir, 'bot.sqlite');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Another Node process holding the lock, as a running bot would. */
async function startHolder() {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, databasePath], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  expect(chunk.toString()).toBe('locked\n');
  return child;
}

describe('the instance lock', () => {
  it('lets one holder in at a time and frees the database on release', () => {
    const first = acquireInstanceLock(databasePath);
    expect(first.path).toBe(`${databasePath}.lock`);
    expect(() => acquireInstanceLock(databasePath)).toThrow(InstanceLockedError);
    first.release();
    acquireInstanceLock(databasePath).release();
  });

  it('refuses while another process holds it, and is free again once that process is killed -9', async () => {
    const holder = await startHolder();
    try {
      expect(() => acquireInstanceLock(databasePath)).toThrow(InstanceLockedError);
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
    // The killed process left its lock file behind, but not its lock.
    expect(existsSync(`${databasePath}.lock`)).toBe(true);
    acquireInstanceLock(databasePath).release();
  });

  it('does not stand in the way of a backup while held', async () => {
    const holder = await startHolder();
    try {
      const store = openStore(databasePath);
      store.close();
      const result = await backupDatabase(databasePath, path.join(dir, 'copy.sqlite'));
      expect(result.pages).toBeGreaterThan(0);
      expect(existsSync(path.join(dir, 'copy.sqlite'))).toBe(true);
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
  });
});
