import { DefaultRestOptions, type RESTOptions } from 'discord.js';
import { REST_RETRIES, rejectCallbackPastDeadline, withDeadlineAndBackoff } from './rest-deadline.js';

/** A multipart body (files attached): discord.js builds it with its own undici's FormData. */
function isMultipart(body: unknown): boolean {
  return typeof body === 'object' && body !== null && body.constructor?.name === 'FormData';
}

/**
 * REST settings for discord.js. Uploads go through Node's own fetch: discord.js's bundled
 * undici 6 shares undici's process-wide dispatcher with the registry client's undici 7, and
 * when 7 loads first, 6 cannot send its multipart bodies through it. Everything else keeps
 * discord.js's default path, which answers about 0.4 ms sooner per request than fetch.
 * Interaction callbacks respect their 3-second deadline and 5xx retries back off (rest-deadline.ts).
 */
export function restOptions(apiUrl: string): Partial<RESTOptions> {
  return {
    api: apiUrl,
    retries: REST_RETRIES,
    rejectOnRateLimit: rejectCallbackPastDeadline,
    makeRequest: withDeadlineAndBackoff((url, init) =>
      isMultipart(init.body) ? fetch(url, init as RequestInit) : DefaultRestOptions.makeRequest(url, init),
    ),
  };
}
