import { type Logger, pino } from 'pino';
import { redactSecrets } from './log-redaction.js';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, formatters: { log: redactSecrets } }, destination);
}
