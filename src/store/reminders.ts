import type { Database } from 'better-sqlite3';
import type { EpochMs, Learner } from './types.js';

export type ReminderState = 'on' | 'dm-closed';

export interface StoredReminder extends Learner {
  days: number;
  state: ReminderState;
}

/** A reminder to send now: the learner has been inactive for their chosen days. */
export interface DueReminder extends Learner {
  days: number;
  /** The activity this stretch of inactivity started after (last activity, or when it was set). */
  activeAt: EpochMs;
}

const DAY_MS = 86_400_000;

/** Personal inactivity reminders (/remind): one per learner and server. */
export class ReminderRepository {
  private readonly upsert;
  private readonly remove;
  private readonly select;
  private readonly setState;
  private readonly selectDue;
  private readonly markSent;

  constructor(db: Database) {
    this.upsert = db.prepare<Learner & { days: number; at: EpochMs }>(
      `INSERT INTO reminders (guild_id, user_id, days, state, set_at) VALUES (@guildId, @userId, @days, 'on', @at)
       ON CONFLICT (guild_id, user_id) DO UPDATE SET days = excluded.days, state = 'on', set_at = excluded.set_at`,
    );
    this.remove = db.prepare<Learner>(
      'DELETE FROM reminders WHERE guild_id = @guildId AND user_id = @userId',
    );
    this.select = db.prepare<Learner, StoredReminder>(
      `SELECT guild_id AS guildId, user_id AS userId, days, state FROM reminders
       WHERE guild_id = @guildId AND user_id = @userId`,
    );
    this.setState = db.prepare<Learner & { state: ReminderState }>(
      'UPDATE reminders SET state = @state WHERE guild_id = @guildId AND user_id = @userId',
    );
    // Reads only switched-on reminders (a partial index) and each one's learner row.
    this.selectDue = db.prepare<{ now: EpochMs; day: number }, DueReminder>(
      `SELECT guild_id AS guildId, user_id AS userId, days, activeAt FROM (
         SELECT r.guild_id, r.user_id, r.days, r.reminded_for,
           max(coalesce(l.last_active_at, 0), r.set_at) AS activeAt
         FROM reminders r
         LEFT JOIN learners l ON l.guild_id = r.guild_id AND l.user_id = r.user_id
         WHERE r.state = 'on')
       WHERE activeAt <= @now - days * @day AND (reminded_for IS NULL OR reminded_for < activeAt)
       ORDER BY activeAt`,
    );
    this.markSent = db.prepare<Learner & { activeAt: EpochMs; at: EpochMs }>(
      `UPDATE reminders SET reminded_for = @activeAt, reminded_at = @at
       WHERE guild_id = @guildId AND user_id = @userId`,
    );
  }

  /** Switches the reminder on for `days` of inactivity, counted from now or the last activity. */
  set(learner: Learner & { days: number; at: EpochMs }): void {
    this.upsert.run({ guildId: learner.guildId, userId: learner.userId, days: learner.days, at: learner.at });
  }

  /** False when there was none. */
  clear(learner: Learner): boolean {
    return this.remove.run({ guildId: learner.guildId, userId: learner.userId }).changes === 1;
  }

  get(learner: Learner): StoredReminder | null {
    return this.select.get({ guildId: learner.guildId, userId: learner.userId }) ?? null;
  }

  /** Paused because the learner's direct messages are closed: never retried until set again. */
  pause(learner: Learner): void {
    this.setState.run({ guildId: learner.guildId, userId: learner.userId, state: 'dm-closed' });
  }

  due(now: EpochMs): DueReminder[] {
    return this.selectDue.all({ now, day: DAY_MS });
  }

  /** This stretch of inactivity has had its reminder. */
  reminded(reminder: DueReminder, at: EpochMs): void {
    this.markSent.run({
      guildId: reminder.guildId,
      userId: reminder.userId,
      activeAt: reminder.activeAt,
      at,
    });
  }
}
