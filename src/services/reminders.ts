import type { Clock } from '../clock.js';
import type { DueReminder, Learner, Store } from '../store/index.js';

export type { DueReminder } from '../store/index.js';

/** The days of inactivity a learner may choose (the /remind option declares the same). */
export const REMIND_DAYS = { min: 1, max: 30 } as const;

export type SwitchOn = { kind: 'on'; days: number } | { kind: 'invalid-days' };

/**
 * Personal reminders: a learner inactive for the days they chose gets one direct message per
 * stretch of inactivity. Closed DMs pause the reminder instead of retrying for ever.
 */
export class ReminderService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  switchOn(learner: Learner, days: number): SwitchOn {
    if (!Number.isInteger(days) || days < REMIND_DAYS.min || days > REMIND_DAYS.max)
      return { kind: 'invalid-days' };
    this.store.reminders.set({ ...learner, days, at: this.clock.now() });
    return { kind: 'on', days };
  }

  /** False when no reminder was on. */
  switchOff(learner: Learner): boolean {
    return this.store.reminders.clear(learner);
  }

  /** The learner's direct messages are closed: keep the setting but send nothing until it is set again. */
  pause(learner: Learner): void {
    this.store.reminders.pause(learner);
  }

  due(): DueReminder[] {
    return this.store.reminders.due(this.clock.now());
  }

  /** Marks the stretch of inactivity as reminded (sent, or given up after a failure). */
  reminded(reminder: DueReminder): void {
    this.store.reminders.reminded(reminder, this.clock.now());
  }
}
