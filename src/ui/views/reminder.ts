import type { Translate } from '../../i18n/index.js';
import { type Message, publicMessage } from '../message.js';

/** The direct message a reminder sends (plain text: it pings nobody). */
export function renderReminder(days: number, t: Translate): Message {
  return publicMessage(t('remind.nudge', { days }));
}

/** The test DM sent when a learner switches the reminder on. */
export function renderReminderWelcome(days: number, t: Translate): Message {
  return publicMessage(t('remind.welcome', { days }));
}
