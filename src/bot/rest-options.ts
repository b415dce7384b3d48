import type { RESTOptions } from 'discord.js';

/**
 * REST settings for discord.js. Requests go through Node's own fetch: discord.js's bundled
 * undici 6 otherwise shares undici's process-wide dispatcher with the registry client's
 * undici 7, and whichever loads first wins — with 7 first, every file upload fails.
 */
export function restOptions(apiUrl: string): Partial<RESTOptions> {
  return {
    api: apiUrl,
    makeRequest: (url, init) => fetch(url, init as RequestInit),
  };
}
