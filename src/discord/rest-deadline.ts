import {
  DiscordAPIError,
  type RateLimitData,
  RateLimitError,
  type RESTOptions,
  SnowflakeUtil,
} from 'discord.js';

/** Discord takes an interaction's first response (its callback) for 3 s after it was created. */
export const CALLBACK_WINDOW_MS = 3_000;

/** Retries of a request after a 5xx or a dropped connection (discord.js's default, said aloud). */
export const REST_RETRIES = 3;

/** 5xx backoff: 250 ms, then 500 ms, then 1 s, each ±20 %, instead of back to back. */
const backoffBaseMs = 250;

/** The first response can no longer reach Discord in time: waiting or retrying is pointless. */
export class CallbackDeadlineError extends Error {
  constructor(readonly reason: 'rate-limited' | 'server-error' | 'deadline-passed') {
    super(`interaction callback given up: ${reason}`);
    this.name = 'CallbackDeadlineError';
  }
}

function isSnowflake(text: string): boolean {
  return text.length > 0 && text.length <= 20 && [...text].every((char) => char >= '0' && char <= '9');
}

/**
 * When `url` is an interaction's callback (`…/interactions/{id}/{token}/callback`), the moment
 * Discord stops taking it: the id is a snowflake that carries its creation time. Else null.
 */
export function callbackDeadline(url: string): number | null {
  const parts = new URL(url).pathname.split('/');
  const at = parts.lastIndexOf('interactions');
  const id = parts[at + 1];
  if (at < 0 || parts[at + 3] !== 'callback' || !id || !isSnowflake(id)) return null;
  return SnowflakeUtil.timestampFrom(id) + CALLBACK_WINDOW_MS;
}

/** discord.js's `rejectOnRateLimit`: a callback whose wait would end past its deadline is not waited out. */
export function rejectCallbackPastDeadline(data: RateLimitData): boolean {
  const deadline = callbackDeadline(data.url);
  return deadline !== null && Date.now() + data.retryAfter >= deadline;
}

type MakeRequest = RESTOptions['makeRequest'];

/**
 * Wraps discord.js's transport. A callback is cut off at its deadline (a hang is not waited for
 * 15 s and then retried), and is not sent at all once the deadline has passed. After a 5xx the
 * next try waits (discord.js retries at once): the wait is taken here before the 5xx is handed
 * back, unless it would carry a callback past its deadline, which then gives up instead. The
 * tries of one request share its headers object, which counts them.
 */
export function withDeadlineAndBackoff(
  send: MakeRequest,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): MakeRequest {
  const failedTries = new WeakMap<object, number>();
  return async (url, init) => {
    const deadline = callbackDeadline(url);
    const leftMs = deadline === null ? null : deadline - Date.now();
    if (leftMs !== null && leftMs <= 0) throw new CallbackDeadlineError('deadline-passed');
    const response = leftMs === null ? await send(url, init) : await sendBefore(send, url, init, leftMs);
    if (response.status < 500) return response;

    const key = (init.headers ?? init) as object;
    const tries = (failedTries.get(key) ?? 0) + 1;
    failedTries.set(key, tries);
    // After the last try discord.js gives up at once: no wait is needed.
    if (tries > REST_RETRIES) return response;
    const waitMs = backoffBaseMs * 2 ** (tries - 1) * (0.8 + Math.random() * 0.4);
    if (deadline !== null && Date.now() + waitMs >= deadline) throw new CallbackDeadlineError('server-error');
    await sleep(waitMs);
    return response;
  };
}

/**
 * Sends with the caller's signal, cut off after `leftMs`. The timer is cleared as soon as the
 * answer arrives: `AbortSignal.timeout` (with `AbortSignal.any`) would keep every request's
 * signal and what hangs on it alive for the whole window, which at a thousand answers a second
 * is thousands of requests held in memory.
 */
async function sendBefore(
  send: MakeRequest,
  url: string,
  init: Parameters<MakeRequest>[1],
  leftMs: number,
): ReturnType<MakeRequest> {
  const controller = new AbortController();
  const caller = init.signal as AbortSignal | null | undefined;
  const forward = () => controller.abort(caller?.reason);
  if (caller?.aborted) forward();
  else caller?.addEventListener('abort', forward, { once: true });
  const timer = setTimeout(
    () => controller.abort(new DOMException('the callback deadline passed', 'TimeoutError')),
    leftMs,
  );
  try {
    return await send(url, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', forward);
  }
}

/** Discord's codes for an interaction (10062) or its webhook token (10015) that no longer exists. */
const expiredCodes = new Set([10062, 10015]);

/**
 * Whether an error from answering means this interaction can no longer be answered at all: Discord
 * says it is unknown or expired, or its first response was given up at the deadline.
 */
export function interactionIsGone(error: unknown): boolean {
  if (error instanceof CallbackDeadlineError) return true;
  if (error instanceof RateLimitError) return callbackDeadline(error.url) !== null;
  return error instanceof DiscordAPIError && typeof error.code === 'number' && expiredCodes.has(error.code);
}
