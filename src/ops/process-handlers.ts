import { currentInteractionId } from '../interactions/interaction-scope.js';
import type { Logger } from '../logger.js';

type ProcessEvents = Pick<NodeJS.Process, 'on'>;

/**
 * What the process does with errors nothing else caught. A promise rejection nobody handled is
 * a bug in one place, not a broken process: it is logged as an error (with the interaction it
 * came from, when there is one) and the bot keeps serving. An uncaught exception may have left
 * any state half-changed: it is logged and the process exits 1 so the supervisor restarts it
 * (SQLite's transactions keep every acknowledged write).
 */
export function installProcessHandlers(
  logger: () => Logger,
  exit: (code: number) => void = (code) => process.exit(code),
  target: ProcessEvents = process,
): void {
  target.on('unhandledRejection', (reason) => {
    const interactionId = currentInteractionId();
    logger().error(
      { err: reason, ...(interactionId ? { interactionId } : {}) },
      'unhandled promise rejection',
    );
  });
  target.on('uncaughtException', (error) => {
    const interactionId = currentInteractionId();
    logger().fatal({ err: error, ...(interactionId ? { interactionId } : {}) }, 'uncaught exception');
    exit(1);
  });
}
