import { type Logger, pino } from 'pino';

export type { Logger };

/** Paths that may carry secrets anywhere in a log object; pino replaces them before writing. */
const redactedPaths = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'password',
  '*.password',
  'DISCORD_TOKEN',
  'DOCKERHUB_TOKEN',
  'config.DISCORD_TOKEN',
  'config.DOCKERHUB_TOKEN',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
}
