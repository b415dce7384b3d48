import type { Logger } from '../logger.js';
import { noticeMessage } from '../ui/message.js';
import type { Call } from './call.js';
import { ArgumentError } from './command-args.js';
import { newErrorId, UserFacingError } from './errors.js';

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
