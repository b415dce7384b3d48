import { SnowflakeUtil } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  CALLBACK_WINDOW_MS,
  CallbackDeadlineError,
  callbackDeadline,
  rejectCallbackPastDeadline,
  withDeadlineAndBackoff,
} from '../../src/discord/rest-deadline.js';

const api = 'http://127.0.0.1:9/api/v10';
const callbackUrl = (createdAt: number) =>
  `${api}/interactions/${SnowflakeUtil.generate({ timestamp: createdAt })}/tok/callback`;

/** A transport that never answers, as a hung Discord would, until its signal fires. */
const hangingSend = (_url: string, init: { signal?: unknown }) =>
  new Promise<never>((_resolve, reject) => {
    (init.signal as AbortSignal).addEventListener('abort', () =>
      reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
    );
  });

describe('interaction callback deadlines', () => {
  it('reads the deadline from the interaction id; other routes have none', () => {
    const createdAt = Date.parse('2026-11-30T10:00:00Z');
    expect(callbackDeadline(callbackUrl(createdAt))).toBe(createdAt + CALLBACK_WINDOW_MS);
    expect(callbackDeadline(`${api}/webhooks/1/tok/messages/@original`)).toBeNull();
    expect(callbackDeadline(`${api}/channels/1/messages`)).toBeNull();
    expect(callbackDeadline(`${api}/interactions/not-a-snowflake/tok/callback`)).toBeNull();
  });

  it('gives up a rate limit only when its wait ends past the callback deadline', () => {
    const url = callbackUrl(Date.now());
    const limit = { url, retryAfter: 0 } as Parameters<typeof rejectCallbackPastDeadline>[0];
    expect(rejectCallbackPastDeadline({ ...limit, retryAfter: 5_000 })).toBe(true);
    expect(rejectCallbackPastDeadline({ ...limit, retryAfter: 100 })).toBe(false);
    expect(
      rejectCallbackPastDeadline({ ...limit, url: `${api}/channels/1/messages`, retryAfter: 60_000 }),
    ).toBe(false);
  });

  it('a hung callback is cut off at the deadline, and its retry is not sent', async () => {
    let sent = 0;
    const makeRequest = withDeadlineAndBackoff(async (url, init) => {
      sent += 1;
      return hangingSend(url, init);
    });
    const url = callbackUrl(Date.now() - CALLBACK_WINDOW_MS + 100);
    const init = { method: 'POST', headers: {}, signal: new AbortController().signal };
    await expect(makeRequest(url, init)).rejects.toMatchObject({ name: 'AbortError' });
    // discord.js retries an AbortError: by then the deadline has passed.
    await expect(makeRequest(url, init)).rejects.toBeInstanceOf(CallbackDeadlineError);
    expect(sent).toBe(1);
  });

  it('backs off between 5xx tries (doubling) and not after the last one', async () => {
    const waits: number[] = [];
    const makeRequest = withDeadlineAndBackoff(
      async () => ({ status: 502 }) as never,
      async (ms) => {
        waits.push(ms);
      },
    );
    const init = { method: 'GET', headers: {} };
    for (let n = 0; n < 4; n += 1) await makeRequest(`${api}/channels/1/messages`, init);
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(200);
    expect(waits[1]).toBeGreaterThanOrEqual(400);
    expect(waits[2]).toBeGreaterThanOrEqual(800);
  });
});
