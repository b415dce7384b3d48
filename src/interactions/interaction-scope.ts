import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The interaction whose handling is running, through every await of it. Node runs
 * `unhandledRejection` listeners in the async context of the rejected promise, so the process
 * handler can name the interaction a stray rejection came from. Only the id: nothing secret.
 */
const scope = new AsyncLocalStorage<{ interactionId: string }>();

export function inInteraction<T>(interactionId: string, work: () => T): T {
  return scope.run({ interactionId }, work);
}

/** The id of the interaction being handled here, if any. */
export function currentInteractionId(): string | undefined {
  return scope.getStore()?.interactionId;
}
