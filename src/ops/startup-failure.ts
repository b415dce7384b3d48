import { ConfigError } from '../config.js';
import { ContentError, formatProblem } from '../content/index.js';
import { GatewayRefusedError, isPermanentStartupError } from '../discord/connect.js';
import type { Translate } from '../i18n/index.js';
import { StoreError } from '../store/index.js';
import { RetriesExhaustedError } from './backoff.js';
import { InstanceLockedError } from './instance-lock.js';

/** DISCORD_TOKEN is missing where no one can use the console (stdin is not a terminal). */
export class TokenMissingError extends Error {
  override name = 'TokenMissingError';

  constructor() {
    super('DISCORD_TOKEN is not set and stdin is not a terminal; pass --console to run the local console.');
  }
}

export interface StartupFailure {
  /** Stable, for log searches and alerts. */
  code: string;
  /** What the operator reads on the terminal, in their language. */
  text: string;
  /** Extra fields for the JSON log line (never secrets). */
  details: Record<string, unknown>;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${code}: ${error.message}`
      : error.message;
  }
  return String(error);
}

/** SQLite or the file system refused to open DATABASE_PATH (permissions, a missing volume). */
function isDatabaseOpenError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_CANTOPEN') ||
      code.startsWith('SQLITE_READONLY') ||
      code === 'EACCES' ||
      code === 'EROFS' ||
      code === 'ENOSPC')
  );
}

/** Turns anything that stopped start-up into a code, the operator's text and log details. */
export function describeStartupFailure(
  error: unknown,
  t: Translate,
  context: { databasePath: string; healthHost: string; healthPort: number | undefined },
): StartupFailure {
  if (error instanceof TokenMissingError)
    return { code: 'token-missing', text: t('ops.tokenMissing'), details: {} };
  if (error instanceof ConfigError) return { code: 'config-invalid', text: error.message, details: {} };
  if (error instanceof InstanceLockedError)
    return {
      code: 'database-in-use',
      text: t('ops.databaseInUse', { lock: error.lockPath }),
      details: { lock: error.lockPath },
    };
  if (error instanceof StoreError && error.code === 'database-newer-than-code')
    return {
      code: error.code,
      text: t.loose({ key: 'store.databaseNewer', params: error.details }),
      details: error.details,
    };
  if (error instanceof StoreError) return { code: error.code, text: error.message, details: error.details };
  if (error instanceof ContentError)
    return {
      code: 'course-invalid',
      text: error.problems.map(formatProblem).join('\n'),
      details: { problems: error.problems.length },
    };
  if (error instanceof GatewayRefusedError)
    return {
      code: 'gateway-refused',
      text: t('ops.intentsRefused', { code: error.closeCode, reason: error.message }),
      details: { closeCode: error.closeCode },
    };
  if (isPermanentStartupError(error))
    return { code: 'token-refused', text: t('ops.tokenRefused'), details: {} };
  if (error instanceof RetriesExhaustedError) {
    const details = {
      attempts: error.attempts,
      seconds: Math.round(error.elapsedMs / 1000),
      reason: reasonOf(error.lastError),
    };
    return { code: 'discord-unreachable', text: t('ops.discordUnreachable', details), details };
  }
  const code = (error as { code?: unknown })?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    if ((error as { syscall?: unknown }).syscall === 'listen') {
      const details = { host: context.healthHost, port: context.healthPort ?? 0, reason: String(code) };
      return { code: 'health-port-unavailable', text: t('ops.healthPortInUse', details), details };
    }
  }
  if (isDatabaseOpenError(error)) {
    const details = { path: context.databasePath, reason: reasonOf(error) };
    return { code: 'database-unavailable', text: t('ops.databaseUnavailable', details), details };
  }
  return { code: 'unexpected', text: t('ops.unexpected', { reason: reasonOf(error) }), details: {} };
}
