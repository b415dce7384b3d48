import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../../src/ops/env-file.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsb-env-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function envFile(text: string): string {
  const file = path.join(dir, '.env');
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

describe('loadEnvFile', () => {
  it('fills variables the environment does not have, and the environment wins over the file', () => {
    const file = envFile(
      [
        '# docker-study-bot',
        'DATABASE_PATH=/data/bot.sqlite',
        'LOG_LEVEL=debug',
        'export HEALTH_PORT=9464',
        'DISCORD_GUILD_ID="123456789012345678"',
        'DOCKERHUB_TOKEN=',
        '',
      ].join('\n'),
    );
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'warn', DOCKERHUB_TOKEN: '' };
    const result = loadEnvFile(file, env);
    expect(env).toEqual({
      DATABASE_PATH: '/data/bot.sqlite',
      LOG_LEVEL: 'warn',
      HEALTH_PORT: '9464',
      DISCORD_GUILD_ID: '123456789012345678',
      DOCKERHUB_TOKEN: '',
    });
    expect(result).toEqual({
      path: file,
      applied: ['DATABASE_PATH', 'DISCORD_GUILD_ID', 'HEALTH_PORT'],
      overridden: ['DOCKERHUB_TOKEN', 'LOG_LEVEL'],
      readableByOthers: false,
    });
  });

  it('is quiet when there is no file, and changes nothing', () => {
    const env: NodeJS.ProcessEnv = { A: '1' };
    expect(loadEnvFile(path.join(dir, '.env'), env)).toBeNull();
    expect(env).toEqual({ A: '1' });
  });

  it('notices a file others can read (it holds the bot token)', () => {
    const file = envFile('LOG_LEVEL=info\n');
    chmodSync(file, 0o644);
    expect(loadEnvFile(file, {})?.readableByOthers).toBe(true);
  });
});
