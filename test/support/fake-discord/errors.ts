import { MessageRejected } from './messages.js';
import type { Reply } from './rest.js';

/** Discord's error body: `{ message, code }` (plus `errors` details for 50035). */
export function discordError(status: number, code: number, message: string, errors?: unknown): Reply {
  return { status, json: { message, code, ...(errors === undefined ? {} : { errors }) } };
}

export function invalidBody(problems: string[]): Reply {
  return discordError(400, 50035, 'Invalid Form Body', { _errors: problems.map((message) => ({ message })) });
}

/** Turns a message the store refused into Discord's answer; anything else is a fake bug. */
export function rejectionReply(error: unknown): Reply {
  if (!(error instanceof MessageRejected)) throw error;
  if (error.code === 50006) return discordError(400, 50006, 'Cannot send an empty message');
  return invalidBody(error.problems);
}

export const unknownInteraction = () => discordError(404, 10062, 'Unknown interaction');
export const unknownWebhook = () => discordError(404, 10015, 'Unknown Webhook');
export const unknownMessage = () => discordError(404, 10008, 'Unknown Message');
export const notFound = () => discordError(404, 0, '404: Not Found');
