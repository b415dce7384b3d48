import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from '../src/logger.js';

const TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5.secret-part_of-the-token';
const BOT_TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.bot-token-secret-value';

/** A logger writing into an array of raw JSON lines. */
function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger('info', sink, { secrets: [BOT_TOKEN, undefined, 'short'] }) };
}

describe('redactText', () => {
  it('replaces interaction and webhook tokens in URL paths, keeping the route and ids', () => {
    expect(redactText(`POST /api/v10/interactions/123456/${TOKEN}/callback?with_response=false`)).toBe(
      'POST /api/v10/interactions/123456/[redacted]/callback?with_response=false',
    );
    expect(redactText(`https://discord.com/api/v10/webhooks/99/${TOKEN}/messages/%40original`)).toBe(
      'https://discord.com/api/v10/webhooks/99/[redacted]/messages/%40original',
    );
    expect(redactText(`/webhooks/99/${TOKEN}`)).toBe('/webhooks/99/[redacted]');
  });
});

describe('createLogger', () => {
  it('scrubs errors: tokens in url, message and stack, authorization headers, bodies, causes', () => {
    const { lines, logger } = capture();
    const cause = new Error(`socket closed for /webhooks/1/${TOKEN}/messages/1`);
    const error = Object.assign(new Error(`request to /interactions/5/${TOKEN}/callback failed`, { cause }), {
      url: `http://127.0.0.1/api/v10/interactions/5/${TOKEN}/callback`,
      headers: { Authorization: `Bot ${BOT_TOKEN}`, 'content-type': 'application/json' },
      requestBody: {
        files: [{ name: 'export.csv', data: Buffer.from('userId,points\n1,2') }],
        json: { content: 'hi' },
      },
      bytes: new Uint8Array([1, 2, 3]),
    });
    logger.error({ err: error, interactionId: '5' }, 'interaction failed');
    const [line = ''] = lines;
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain(BOT_TOKEN);
    expect(line).not.toContain('userId,points');
    const { err } = JSON.parse(line) as { err: Record<string, unknown> };
    expect(err).toMatchObject({
      type: 'Error',
      url: 'http://127.0.0.1/api/v10/interactions/5/[redacted]/callback',
      headers: { Authorization: '[redacted]', 'content-type': 'application/json' },
      requestBody: { files: [{ name: 'export.csv', bytes: 17 }], json: '[redacted]' },
      bytes: '[3 bytes]',
    });
    expect(err.message).toContain('/interactions/5/[redacted]/callback failed');
    expect(err.message).toContain('/webhooks/1/[redacted]/messages/1');
    expect(err.stack).toContain('/interactions/5/[redacted]/callback');
  });

  it('treats an error under any key, and the message, the same way', () => {
    const { lines, logger } = capture();
    logger.warn(
      { replyError: new Error(`at /webhooks/7/${TOKEN}`) },
      `retrying /interactions/8/${TOKEN}/callback`,
    );
    logger.info(`the bot token ${BOT_TOKEN} never shows`);
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines.join('\n')).not.toContain(BOT_TOKEN);
    const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({
      msg: 'retrying /interactions/8/[redacted]/callback',
      replyError: { type: 'Error', message: 'at /webhooks/7/[redacted]' },
    });
    expect(second?.msg).toBe('the bot token [redacted] never shows');
  });
});
