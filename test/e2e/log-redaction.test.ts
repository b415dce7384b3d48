import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APPLICATION_ID, instructor, option } from '../support/fake-discord/index.js';
import { answerOf, type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

let harness: BotHarness;

beforeAll(async () => {
  harness = await startBotHarness();
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

/** Every log line as written, for "never anywhere" checks. */
const logText = () => harness.logs.map((line) => JSON.stringify(line)).join('\n');

/** The logged error of the first line with this message. */
function loggedError(message: string): Record<string, unknown> {
  const line = harness.logs.find((entry) => entry.msg === message);
  if (!line) throw new Error(`no log line "${message}"`);
  return line.err as Record<string, unknown>;
}

describe('a real DiscordAPIError in the logs', () => {
  it('a refused CSV upload is logged without the interaction token or the file’s bytes', async () => {
    // Discord refuses the edit that carries the CSV export; discord.js throws a DiscordAPIError
    // holding the webhook URL (with the token) and the file's raw bytes.
    harness.fake.failNext({
      route: 'webhook-message-edit',
      status: 400,
      code: 50035,
      message: 'Invalid Form Body',
    });
    const sent = harness.fake.sendChatCommand({
      name: 'leaderboard',
      user: instructor,
      options: [option.boolean('export', true)],
    });
    const answer = await answerOf(harness.fake, sent.id);
    // The user is told, with an error id, and the notice itself went through.
    expect(responseText(answer)).toMatch(/오류 ID: `?[\w-]+`?/);

    const refused = harness.fake.requests.find(
      (request) => request.method === 'PATCH' && request.status === 400 && request.files.length > 0,
    );
    if (!refused) throw new Error('the refused upload never arrived');
    const csv = refused.files[0]!.bytes;
    expect(csv.length).toBeGreaterThan(20);

    const err = loggedError('interaction failed');
    // Still identifiable: what failed, where, and how Discord answered.
    expect(err).toMatchObject({ type: 'DiscordAPIError', method: 'PATCH', status: 400, code: 50035 });
    expect(err.url).toContain(`/webhooks/${APPLICATION_ID}/[redacted]/messages/`);
    expect(err.requestBody).toEqual({
      files: [{ name: refused.files[0]!.name, bytes: csv.length }],
      json: '[redacted]',
    });

    const logs = logText();
    expect(logs).not.toContain(sent.token);
    expect(logs).not.toContain(harness.fake.token);
    const header = csv
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!;
    expect(logs).not.toContain(JSON.stringify(header).slice(1, -1));
    expect(logs).not.toContain(csv.toString('base64').slice(0, 40));
    expect(logs).not.toContain('"type":"Buffer"');
  });

  it('a refused interaction callback, and the refused notice after it, are logged without the token', async () => {
    harness.fake.failNext({
      route: 'interaction-callback',
      status: 400,
      code: 40060,
      message: 'Refused',
      times: 2,
    });
    const sent = harness.fake.sendChatCommand({ name: 'lesson', subcommand: 'list' });
    await vi.waitFor(() => loggedError('could not tell the user about a failure'), { timeout: 10_000 });

    for (const message of ['interaction failed', 'could not tell the user about a failure']) {
      const line = harness.logs.find((entry) => entry.msg === message && entry.interactionId === sent.id) as {
        err: Record<string, unknown>;
      };
      expect(line.err).toMatchObject({ type: 'DiscordAPIError', method: 'POST', status: 400, code: 40060 });
      expect(line.err.url).toContain(`/interactions/${sent.id}/[redacted]/callback`);
    }
    expect(logText()).not.toContain(sent.token);
  });
});
