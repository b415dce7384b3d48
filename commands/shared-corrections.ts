import { defineButtons } from '../src/interactions/buttons.js';
import { type Call, learnerOf } from '../src/interactions/call.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import {
  ADJUST_MAX,
  CONFIRM_WINDOW_MS,
  type CorrectionAsk,
  REASON_MAX,
} from '../src/services/corrections.js';
import type { Viewer } from '../src/services/progress.js';
import { correctionButtonIds } from '../src/ui/buttons/correction-buttons.js';
import { noticeMessage } from '../src/ui/message.js';
import { renderCorrectionApplied, renderCorrectionConfirm } from '../src/ui/views/corrections.js';

/**
 * What /correct and /progress's 🔓 share: asking an instructor to confirm a correction, and the
 * Apply / Cancel buttons of that confirmation (declared by /correct).
 */

export const viewerOf = (call: Call): Viewer => ({ ...learnerOf(call), isInstructor: call.isInstructor });

/** Shows the confirmation of a correction, or says kindly why there is none. Also used by /progress's 🔓. */
export async function askToConfirm(
  call: Call,
  ask: CorrectionAsk,
  learnerId: string,
  lessonId = '',
): Promise<void> {
  switch (ask.kind) {
    case 'not-allowed':
      throw new UserFacingError('error.instructorOnly');
    case 'nothing-to-reset':
      throw new UserFacingError('corrections.nothingToReset', { userId: learnerId, lessonId });
    case 'no-claim':
      throw new UserFacingError('claims.nothingToRelease');
    case 'invalid-points':
      throw new UserFacingError('corrections.invalidPoints', { max: ADJUST_MAX });
    case 'invalid-reason':
      throw new UserFacingError('corrections.invalidReason', { max: REASON_MAX });
    case 'below-zero':
      throw new UserFacingError('corrections.belowZero', { current: ask.current });
    case 'confirm': {
      const press = { pendingId: ask.preview.pending.pendingId, ownerId: call.user.id };
      await call.respond.send(
        renderCorrectionConfirm(
          ask.preview,
          {
            confirmId: correctionButtonIds.confirm.encode(press),
            cancelId: correctionButtonIds.cancel.encode(press),
          },
          call.t,
        ),
      );
    }
  }
}

const confirmButton = defineButtons({
  name: 'correction-confirm',
  ids: correctionButtonIds.confirm,
  access: 'instructor',
  owner: (press) => press.ownerId,
  async handle(app: AppContext, call, press) {
    const result = app.corrections.confirm(viewerOf(call), press.pendingId);
    switch (result.kind) {
      case 'applied':
        app.logger.info(
          {
            guild: call.guildId,
            learner: result.record.userId,
            by: call.user.id,
            correction: result.record.correctionId,
            kind: result.record.kind,
          },
          'correction applied',
        );
        await call.respond.update(renderCorrectionApplied(result.record, call.t));
        return;
      case 'not-allowed':
        throw new UserFacingError('error.instructorOnly');
      case 'not-yours':
        throw new UserFacingError('corrections.notYours');
      case 'expired':
        await call.respond.update(
          noticeMessage(call.t('corrections.expired', { minutes: CONFIRM_WINDOW_MS / 60_000 })),
        );
        return;
      case 'gone':
        await call.respond.update(noticeMessage(call.t('corrections.gone')));
        return;
      case 'nothing':
        await call.respond.update(noticeMessage(call.t('corrections.nothing')));
        return;
    }
  },
});

const cancelButton = defineButtons({
  name: 'correction-cancel',
  ids: correctionButtonIds.cancel,
  access: 'instructor',
  owner: (press) => press.ownerId,
  async handle(app: AppContext, call, press) {
    const cancelled = app.corrections.cancel(viewerOf(call), press.pendingId);
    if (cancelled === 'not-yours') throw new UserFacingError('corrections.notYours');
    await call.respond.update(
      noticeMessage(call.t(cancelled ? 'corrections.cancelled' : 'corrections.gone')),
    );
  },
});

/** The confirmation's buttons, for the command that declares them. */
export const correctionButtons = [confirmButton, cancelButton];
