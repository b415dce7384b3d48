import { type Client, type CloseEvent, DiscordjsErrorCodes, Events } from 'discord.js';
import { GatewayCloseCodes } from 'discord-api-types/v10';

/** Discord closed the gateway with a code no reconnect can fix (a reset token, refused intents…). */
export class GatewayRefusedError extends Error {
  override name = 'GatewayRefusedError';

  constructor(readonly closeCode: number) {
    super(`Discord closed the gateway with code ${closeCode} (${GatewayCloseCodes[closeCode] ?? 'unknown'})`);
  }
}

/** The first gateway connection did not become ready in time; worth another try. */
export class ReadyTimeoutError extends Error {
  override name = 'ReadyTimeoutError';

  constructor(readonly timeoutMs: number) {
    super(`the gateway did not become ready within ${timeoutMs / 1000} s`);
  }
}

/** Close codes after which discord.js stops reconnecting for good. */
const unrecoverableCloseCodes = new Set<number>([
  GatewayCloseCodes.AuthenticationFailed,
  GatewayCloseCodes.InvalidShard,
  GatewayCloseCodes.ShardingRequired,
  GatewayCloseCodes.InvalidAPIVersion,
  GatewayCloseCodes.InvalidIntents,
  GatewayCloseCodes.DisallowedIntents,
]);

export function isUnrecoverableClose(event: CloseEvent): boolean {
  return unrecoverableCloseCodes.has(event.code);
}

/** A refused token or gateway: retrying cannot help, the operator must act. */
export function isPermanentStartupError(error: unknown): boolean {
  if (error instanceof GatewayRefusedError) return true;
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown };
  return code === DiscordjsErrorCodes.TokenInvalid || status === 401 || status === 403;
}

/**
 * Logs in and waits for the client's ready event (the gateway connected and every guild
 * arrived). Rejects on a refused gateway, after `timeoutMs`, or when `signal` aborts; the
 * caller destroys the client on failure.
 */
export async function loginAndWaitForReady(
  client: Client,
  token: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  let cleanUp: () => void = () => undefined;
  const settled = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ReadyTimeoutError(timeoutMs)), timeoutMs);
    const onReady = () => resolve();
    const onDisconnect = (event: CloseEvent) => {
      if (isUnrecoverableClose(event)) reject(new GatewayRefusedError(event.code));
    };
    const onAbort = () => reject(signal?.reason);
    client.once(Events.ClientReady, onReady);
    client.on(Events.ShardDisconnect, onDisconnect);
    signal?.addEventListener('abort', onAbort, { once: true });
    cleanUp = () => {
      clearTimeout(timer);
      client.off(Events.ClientReady, onReady);
      client.off(Events.ShardDisconnect, onDisconnect);
      signal?.removeEventListener('abort', onAbort);
    };
  });
  try {
    await Promise.all([client.login(token), settled]);
  } finally {
    cleanUp();
  }
}
