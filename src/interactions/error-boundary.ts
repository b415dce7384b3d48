import type { Logger } from '../logger.js';
import { noticeMessage } from '../ui/message.js';
import type { Call } from './call.js';
import { ArgumentError } from './command-args.js';
import { InteractionGoneError, newErrorId, UserFacingError } from './errors.js';

export type Outcome = 'ok' | 'refused' | 'error';

/**
 * The one place that turns a failure into a reply. It answers through the responder, which
 * already knows whether this interaction needs a reply, an edit of a deferred answer or a
 * follow-up; users see a friendly message, the log gets the error and its id.
 */
export async function runInBoundary(call: Call, logger: Logger, work: () => Promise<void>): Promise<Outcome> {
  try {
    await work();
    return 'ok';
  } catch (error) {
    if (error instanceof InteractionGoneError) {
      // Discord would refuse any notice too: log it, send nothing more.
      logger.warn(
        { interactionId: call.interactionId, reason: describeCause(error.cause) },
        'interaction could not be answered in time; given up',
      );
      return 'error';
    }
    let message: string;
    let outcome: Outcome;
    if (error instanceof UserFacingError) {
      outcome = 'refused';
      message = call.t.loose(error);
      logger.info({ interactionId: call.interactionId, refusal: error.key }, 'interaction refused');
    } else if (error instanceof ArgumentError) {
      outcome = 'refused';
      message = error.length
        ? call.t('error.optionLength', { option: error.option, ...error.length })
        : call.t('error.badArguments', { option: error.option });
      logger.info(
        { interactionId: call.interactionId, refusal: error.reason, option: error.option },
        'bad arguments',
      );
    } else {
      outcome = 'error';
      const errorId = newErrorId();
      message = call.t('error.generic', { errorId });
      logger.error({ err: error, errorId, interactionId: call.interactionId }, 'interaction failed');
    }
    try {
      await call.respond.notice(noticeMessage(message));
    } catch (replyError) {
      logger.warn(
        { err: replyError, interactionId: call.interactionId },
        'could not tell the user about a failure',
      );
    }
    return outcome;
  }
}

/**
 * What made an interaction unanswerable, by name only (discord.js names carry the code or route,
 * `DiscordAPIError[10062]`): error messages from the REST layer may carry the interaction's URL,
 * and with it its token.
 */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return 'no answer is possible any more';
  const { reason } = cause as { reason?: unknown };
  return typeof reason === 'string' ? `${cause.name} ${reason}` : cause.name;
}
