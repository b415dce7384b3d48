import { setTimeout as sleep } from 'node:timers/promises';
import type { Translate } from '../i18n/index.js';
import type { Delivery, Messenger } from '../interactions/messenger.js';
import type { AppContext } from '../services/app-context.js';
import type { WeeklyDigest } from '../services/digests.js';
import { renderDigest } from '../ui/views/digest.js';
import type { ScheduledJob } from './scheduler.js';

export type DigestOutcome = 'sent' | 'failed' | 'abandoned';

export interface DeliveryOptions {
  /** Pauses before the retries of a transient failure (after discord.js's own retries); default 5 s, 30 s. */
  retryDelaysMs?: readonly number[];
}

const DEFAULT_RETRY_DELAYS_MS = [5_000, 30_000];

/** Most names looked up on Discord per digest (members added before names were kept). */
const NAME_LOOKUPS = 40;

/**
 * Sends, retrying a transient failure a bounded number of times. 'aborted' when shutdown came
 * during a pause: the claim stays, so the next start sends it again with the same nonce.
 */
export async function deliverWithRetries(
  send: () => Promise<Delivery>,
  delays: readonly number[],
  signal: AbortSignal,
): Promise<Delivery | 'aborted'> {
  let delivery = await send();
  for (const delay of delays) {
    if (delivery.kind !== 'failed' || !delivery.transient) return delivery;
    try {
      await sleep(delay, undefined, { signal });
    } catch {
      return 'aborted';
    }
    delivery = await send();
  }
  return delivery;
}

async function fillMissingNames(digest: WeeklyDigest, guildId: string, messenger: Messenger): Promise<void> {
  const unnamed = digest.learners.filter((learner) => learner.displayName === null).slice(0, NAME_LOOKUPS);
  for (const learner of unnamed) learner.displayName = await messenger.memberName(guildId, learner.userId);
}

/**
 * The weekly digests. Order per digest: the slot is claimed in the database, then sent with a
 * nonce, then recorded as sent. A crash after the claim leaves it "sending": a restart within
 * RESEND_WINDOW_MS sends again with the same nonce (Discord answers with the first message if it
 * got it), a later one gives the slot up. So a digest is never posted twice, and lost only when
 * the bot was down for minutes exactly between sending and recording.
 */
export function digestJob(
  app: AppContext,
  messenger: Messenger,
  /** Korean, with the command ids learned at start-up so that messages mention commands. */
  t: Translate,
  onOutcome: (outcome: DigestOutcome) => void = () => undefined,
  options: DeliveryOptions = {},
): ScheduledJob {
  return {
    name: 'weekly digests',
    async run(signal) {
      for (const due of app.digests.due()) {
        if (signal.aborted) return;
        const { digest, slot } = due;
        const where = { group: digest.groupId, guild: digest.guildId, channel: digest.channelId, slot };
        if (due.action === 'abandon') {
          app.digests.finish(digest, slot, 'abandoned');
          app.logger.warn(
            where,
            'weekly digest given up: its sending was interrupted too long ago to retry safely',
          );
          onOutcome('abandoned');
          continue;
        }
        if (due.action === 'send' && !app.digests.claim(digest, slot)) continue;
        const content = app.digests.compose(digest, slot);
        if (!content) continue;
        await fillMissingNames(content, digest.guildId, messenger);
        const delivery = await deliverWithRetries(
          () =>
            messenger.postToChannel(digest.channelId, renderDigest(content, t), {
              nonce: app.digests.nonceOf(digest, slot),
            }),
          options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
          signal,
        );
        if (delivery === 'aborted') return;
        if (delivery.kind === 'sent') {
          app.digests.finish(digest, slot, 'sent', delivery.messageId);
          app.logger.info(
            { ...where, message: delivery.messageId, resent: due.action === 'resend' },
            'weekly digest sent',
          );
          onOutcome('sent');
        } else {
          app.digests.finish(digest, slot, 'failed');
          app.logger.warn({ ...where, failure: delivery }, 'weekly digest could not be sent');
          onOutcome('failed');
        }
      }
    },
  };
}
