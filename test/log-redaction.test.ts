import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../src/log-redaction.js';
import { createLogger } from '../src/logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('info', sink) };
}

describe('log redaction', () => {
  it('censors tokens, passwords and authorization headers up to two levels down, in the written line only', () => {
    const { lines, logger } = capture();
    const fields = {
      token: 'secret-1',
      config: { DISCORD_TOKEN: 'secret-2', DOCKERHUB_TOKEN: 'secret-3', LOG_LEVEL: 'info' },
      request: { headers: { authorization: 'Bearer secret-4', accept: 'json' }, password: 'secret-5' },
      user: '123',
    };
    logger.info(fields, 'with secrets');
    expect(lines[0]).toMatchObject({
      msg: 'with secrets',
      token: '[redacted]',
      config: { DISCORD_TOKEN: '[redacted]', DOCKERHUB_TOKEN: '[redacted]', LOG_LEVEL: 'info' },
      request: { headers: { authorization: '[redacted]', accept: 'json' }, password: '[redacted]' },
      user: '123',
    });
    expect(JSON.stringify(lines)).not.toMatch(/secret-\d/);
    // The caller's object is left as it was.
    expect(fields.config.DISCORD_TOKEN).toBe('secret-2');
    expect(fields.request.headers.authorization).toBe('Bearer secret-4');
  });

  it('does not copy a line without secrets (it runs for every interaction)', () => {
    const clean = { interaction: 'command', command: 'lesson', nested: { a: { b: 1 } }, list: [1, 2] };
    expect(redactSecrets(clean)).toBe(clean);
  });

  it('leaves errors to pino’s error serializer', () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error('boom') }, 'failed');
    expect(lines[0]).toMatchObject({ err: { type: 'Error', message: 'boom' } });
  });
});
