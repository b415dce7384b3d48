import type { Database } from 'better-sqlite3';
import { PeriodCalendar, seasonKey } from './periods.js';
import type { EpochMs, Learner } from './types.js';

/** The period_scores key of totals over every lesson (lesson rows use the lesson id). */
export const allLessons = '';

const timeZoneSetting = 'period_time_zone';

interface PeriodChange extends Learner {
  /** The lesson the points belong to, or null for points not tied to a lesson. */
  lessonId: string | null;
  points: number;
  at: EpochMs;
  /** The season running when the points were recorded (seasonAt), if any. */
  seasonId: number | null;
}

/**
 * Points per week, month and season (and per lesson within them), written in the same transaction
 * as each ledger row, so a period board reads an index like the all-time board does.
 */
export class PeriodScores {
  readonly calendar: PeriodCalendar;
  private readonly upsert;
  private readonly openSeason;

  constructor(
    private readonly db: Database,
    timeZone: string,
  ) {
    this.calendar = new PeriodCalendar(timeZone);
    this.upsert = db.prepare<{
      guildId: string;
      period: string;
      lessonId: string;
      userId: string;
      points: number;
      at: number;
    }>(
      `INSERT INTO period_scores (guild_id, period, lesson_id, user_id, points, points_reached_at)
       VALUES (@guildId, @period, @lessonId, @userId, @points, @at)
       ON CONFLICT (guild_id, period, lesson_id, user_id) DO UPDATE SET
         points = points + excluded.points,
         points_reached_at = max(points_reached_at, excluded.points_reached_at)`,
    );
    this.openSeason = db.prepare<{ guildId: string }, { season_id: number }>(
      'SELECT season_id FROM seasons WHERE guild_id = @guildId AND ended_at IS NULL',
    );
  }

  /** The season running in the server now, whose board the points recorded now count towards. */
  seasonAt(guildId: string): number | null {
    return this.openSeason.get({ guildId })?.season_id ?? null;
  }

  /** Adds a ledger row's points to its week, month and season, for its lesson and in all. */
  add(change: PeriodChange): void {
    if (change.points === 0) return;
    const keys = this.calendar.keysOf(change.at);
    const periods =
      change.seasonId === null
        ? [keys.week, keys.month]
        : [keys.week, keys.month, seasonKey(change.seasonId)];
    const lessons = change.lessonId === null ? [allLessons] : [allLessons, change.lessonId];
    for (const period of periods) {
      for (const lessonId of lessons) {
        this.upsert.run({
          guildId: change.guildId,
          period,
          lessonId,
          userId: change.userId,
          points: change.points,
          at: change.at,
        });
      }
    }
  }

  /**
   * Refills period_scores from the ledger when the store opens with another time zone than the
   * one they were counted in (and once after migration 006). About as long as the migration itself.
   */
  syncTimeZone(): void {
    const stored = this.db
      .prepare<[string], { value: string }>('SELECT value FROM store_settings WHERE name = ?')
      .get(timeZoneSetting);
    if (stored?.value === this.calendar.timeZone) return;
    const calendar = new PeriodCalendar(this.calendar.timeZone);
    this.db.function('course_week', { deterministic: true }, (at) => calendar.keysOf(Number(at)).week);
    this.db.function('course_month', { deterministic: true }, (at) => calendar.keysOf(Number(at)).month);
    const periodRows = (period: string, filter = '') => `
      SELECT p.guild_id, ${period} AS period, p.lesson_id, p.user_id, SUM(p.points), MAX(p.at) FROM (
        SELECT guild_id, user_id, lesson_id, points, at, season_id FROM points_ledger WHERE lesson_id IS NOT NULL
        UNION ALL
        SELECT guild_id, user_id, '${allLessons}', points, at, season_id FROM points_ledger
      ) p ${filter}
      GROUP BY p.guild_id, period, p.lesson_id, p.user_id`;
    this.db
      .transaction(() => {
        this.db.exec('DELETE FROM period_scores');
        const insert =
          'INSERT INTO period_scores (guild_id, period, lesson_id, user_id, points, points_reached_at)';
        this.db.exec(`${insert} ${periodRows('course_week(p.at)')}`);
        this.db.exec(`${insert} ${periodRows('course_month(p.at)')}`);
        this.db.exec(
          `${insert} ${periodRows(
            "'s' || s.season_id",
            `JOIN seasons s ON s.guild_id = p.guild_id AND p.at >= s.started_at
             AND (s.ended_at IS NULL OR p.at < s.ended_at)`,
          )}`,
        );
        this.db
          .prepare(
            `INSERT INTO store_settings (name, value) VALUES (?, ?)
           ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
          )
          .run(timeZoneSetting, this.calendar.timeZone);
      })
      .immediate();
  }
}
