import type { Translate } from '../i18n/index.js';
import type { Messenger } from '../interactions/messenger.js';
import type { AppContext } from '../services/app-context.js';
import { renderReminder } from '../ui/views/reminder.js';
import { type DeliveryOptions, deliverWithRetries } from './digest-job.js';
import type { ScheduledJob } from './scheduler.js';

export type ReminderOutcome = 'sent' | 'dm-closed' | 'failed';

const DEFAULT_RETRY_DELAYS_MS = [5_000];

/**
 * Personal reminders: a direct message to each learner inactive for their chosen days, once per
 * stretch of inactivity. Closed DMs pause the reminder (no retrying for ever); any other failure
 * is logged and the stretch counts as reminded, so a broken DM never repeats every hour.
 */
export function reminderJob(
  app: AppContext,
  messenger: Messenger,
  /** Korean, with the command ids learned at start-up so that messages mention commands. */
  t: Translate,
  onOutcome: (outcome: ReminderOutcome) => void = () => undefined,
  options: DeliveryOptions = {},
): ScheduledJob {
  return {
    name: 'inactivity reminders',
    async run(signal) {
      for (const reminder of app.reminders.due()) {
        if (signal.aborted) return;
        const delivery = await deliverWithRetries(
          () => messenger.sendDirect(reminder.userId, renderReminder(reminder.days, t)),
          options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
          signal,
        );
        if (delivery === 'aborted') return;
        const who = { guild: reminder.guildId, user: reminder.userId, days: reminder.days };
        if (delivery.kind === 'dm-closed') {
          app.reminders.pause(reminder);
          app.logger.info(who, 'reminder paused: direct messages closed');
          onOutcome('dm-closed');
          continue;
        }
        app.reminders.reminded(reminder);
        if (delivery.kind === 'sent') {
          onOutcome('sent');
        } else {
          app.logger.warn({ ...who, failure: delivery }, 'reminder could not be sent');
          onOutcome('failed');
        }
      }
    },
  };
}
