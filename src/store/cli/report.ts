import { z } from 'zod';
import { type MessageKey, operatorLocale, type Translate, translator } from '../../i18n/index.js';
import { StoreError, type StoreErrorCode } from '../errors.js';

/** The database CLIs talk to an operator's terminal: Korean unless the shell's language is English. */
export const say: Translate = translator(operatorLocale());

/** Prints a failure as one short line (never a stack trace): a known store refusal in its own words. */
export function reportFailure(
  error: unknown,
  known: Partial<Record<StoreErrorCode, MessageKey>>,
  fallback: MessageKey,
): void {
  const key = error instanceof StoreError ? known[error.code] : undefined;
  if (key && error instanceof StoreError) console.error(say.loose({ key, params: error.details }));
  else console.error(say(fallback, { reason: error instanceof Error ? error.message : String(error) }));
}

/** `npm run db:backup -- FILE` / `db:restore -- FILE`: exactly one non-blank file path. */
export const oneFileArgument = z.tuple([z.string().trim().min(1)]);
