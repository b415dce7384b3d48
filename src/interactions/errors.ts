import { randomBytes } from 'node:crypto';
import type { MessageKey, MessageParams } from '../i18n/index.js';

/**
 * An expected refusal with a message for the user (bad input, not allowed, stale button…).
 * The error boundary shows its text and logs it at info level, without a stack trace.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
  }
}

/** A short id shown to the user and written to the log, so an operator can find the trace. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

/**
 * The interaction can no longer be answered (Discord expired it, or its first response could not
 * reach Discord before the deadline). Nothing more is sent for it; the boundary only logs.
 */
export class InteractionGoneError extends Error {
  override name = 'InteractionGoneError';
  constructor(options?: { cause?: unknown }) {
    super('the interaction can no longer be answered', options);
  }
}
