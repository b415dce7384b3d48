import type { Database } from 'better-sqlite3';
import { allLessons } from './period-scores.js';
import type { EpochMs } from './types.js';

/** A group's weekly digest setting (0 = Monday … 6 = Sunday, hour 0–23 in the course time zone). */
export interface DigestSetting {
  groupId: number;
  enabled: boolean;
  dayOfWeek: number;
  hour: number;
  /** The last slot handled (sent, failed for good or given up). */
  coveredSlot: EpochMs;
  /** A slot claimed for sending and not confirmed yet (a crash between sending and storing). */
  sendingSlot: EpochMs | null;
  sendingSince: EpochMs | null;
  lastOutcome: string | null;
}

/** An enabled digest with where it goes. */
export interface ScheduledDigest extends DigestSetting {
  guildId: string;
  channelId: string;
}

/** What one member finished or verified in the period (lesson ids). */
export interface WeekAchievement {
  userId: string;
  displayName: string | null;
  lessonId: string;
  lessonTitle: string;
  completed: boolean;
  verified: boolean;
}

/** The step most members stopped at: their first unfinished step of the lesson they were last in. */
export interface StoppedAt {
  lessonId: string;
  lessonTitle: string;
  stepId: string;
  /** 0-based position among the lesson's current steps. */
  stepIndex: number;
  stepTitle: string;
  members: number;
}

export interface GroupPoints {
  groupId: number;
  points: number;
}

type Period = { groupId: number; from: EpochMs; to: EpochMs };

/** Switching a digest on: when, the slot already past, and who did it when. */
export interface DigestScheduleRequest {
  groupId: number;
  day: number;
  hour: number;
  coveredSlot: EpochMs;
  by: string;
  at: EpochMs;
}

const settingColumns = `d.group_id AS groupId, d.enabled, d.day_of_week AS dayOfWeek, d.hour,
  d.covered_slot AS coveredSlot, d.sending_slot AS sendingSlot, d.sending_since AS sendingSince,
  d.last_outcome AS lastOutcome`;

type SettingRow = Omit<DigestSetting, 'enabled'> & { enabled: number };
const toSetting = <T extends SettingRow>(row: T) => ({ ...row, enabled: row.enabled === 1 });

/** Weekly digests: their settings and runs, and the week's facts a digest reports. */
export class DigestRepository {
  private readonly upsertSetting;
  private readonly updateEnabled;
  private readonly selectSetting;
  private readonly selectScheduled;
  private readonly claimSlot;
  private readonly finishSlot;
  private readonly selectAchievements;
  private readonly selectStoppedAt;
  private readonly countInactive;
  private readonly selectGroupPoints;

  constructor(db: Database) {
    this.upsertSetting = db.prepare<DigestScheduleRequest>(
      `INSERT INTO group_digests (group_id, enabled, day_of_week, hour, covered_slot, updated_by, updated_at)
       VALUES (@groupId, 1, @day, @hour, @coveredSlot, @by, @at)
       ON CONFLICT (group_id) DO UPDATE SET enabled = 1, day_of_week = excluded.day_of_week, hour = excluded.hour,
         covered_slot = max(covered_slot, excluded.covered_slot), sending_slot = NULL, sending_since = NULL,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
    this.updateEnabled = db.prepare<{ groupId: number; by: string; at: EpochMs }>(
      `UPDATE group_digests SET enabled = 0, sending_slot = NULL, sending_since = NULL,
         updated_by = @by, updated_at = @at WHERE group_id = @groupId AND enabled = 1`,
    );
    this.selectSetting = db.prepare<[number], SettingRow>(
      `SELECT ${settingColumns} FROM group_digests d WHERE d.group_id = ?`,
    );
    this.selectScheduled = db.prepare<[], SettingRow & { guildId: string; channelId: string }>(
      `SELECT ${settingColumns}, g.guild_id AS guildId, g.channel_id AS channelId
       FROM group_digests d JOIN study_groups g ON g.group_id = d.group_id
       WHERE d.enabled = 1 ORDER BY d.group_id`,
    );
    this.claimSlot = db.prepare<{ groupId: number; slot: EpochMs; at: EpochMs }>(
      `UPDATE group_digests SET sending_slot = @slot, sending_since = @at
       WHERE group_id = @groupId AND enabled = 1 AND covered_slot < @slot
         AND (sending_slot IS NULL OR sending_slot < @slot)`,
    );
    this.finishSlot = db.prepare<{
      groupId: number;
      slot: EpochMs;
      outcome: string;
      messageId: string | null;
    }>(
      `UPDATE group_digests SET covered_slot = max(covered_slot, @slot), sending_slot = NULL, sending_since = NULL,
         last_outcome = @outcome, last_message_id = coalesce(@messageId, last_message_id)
       WHERE group_id = @groupId`,
    );
    // Per member: the lesson score rows (keyed by learner), so the cost follows the group's size.
    this.selectAchievements = db.prepare<
      Period,
      Omit<WeekAchievement, 'completed' | 'verified'> & { completed: number; verified: number }
    >(
      `SELECT m.user_id AS userId, m.display_name AS displayName, s.lesson_id AS lessonId, l.title AS lessonTitle,
         (s.completed_at >= @from AND s.completed_at < @to) AS completed,
         (s.verified_at >= @from AND s.verified_at < @to) AS verified
       FROM group_members m
       JOIN study_groups g ON g.group_id = m.group_id
       JOIN lesson_scores s ON s.guild_id = g.guild_id AND s.user_id = m.user_id
       JOIN lessons l ON l.lesson_id = s.lesson_id
       WHERE m.group_id = @groupId
         AND ((s.completed_at >= @from AND s.completed_at < @to) OR (s.verified_at >= @from AND s.verified_at < @to))
       ORDER BY min(coalesce(s.completed_at, s.verified_at), coalesce(s.verified_at, s.completed_at)), m.user_id, l.position`,
    );
    this.selectStoppedAt = db.prepare<{ groupId: number }, StoppedAt>(
      `WITH stops AS (
         SELECT (SELECT st.step_id FROM lesson_steps st
                 WHERE st.lesson_id = le.last_lesson_id AND st.current = 1
                   AND NOT EXISTS (SELECT 1 FROM step_completions c
                                   WHERE c.guild_id = g.guild_id AND c.lesson_id = st.lesson_id
                                     AND c.user_id = m.user_id AND c.step_id = st.step_id)
                 ORDER BY st.position LIMIT 1) AS stepId,
                le.last_lesson_id AS lessonId
         FROM group_members m
         JOIN study_groups g ON g.group_id = m.group_id
         JOIN learners le ON le.guild_id = g.guild_id AND le.user_id = m.user_id AND le.last_lesson_id IS NOT NULL
         WHERE m.group_id = @groupId)
       SELECT stops.lessonId, l.title AS lessonTitle, stops.stepId, st.title AS stepTitle,
         (SELECT COUNT(*) FROM lesson_steps earlier
          WHERE earlier.lesson_id = st.lesson_id AND earlier.current = 1 AND earlier.position < st.position) AS stepIndex,
         COUNT(*) AS members
       FROM stops
       JOIN lesson_steps st ON st.lesson_id = stops.lessonId AND st.step_id = stops.stepId
       JOIN lessons l ON l.lesson_id = stops.lessonId
       GROUP BY stops.lessonId, stops.stepId
       ORDER BY members DESC, l.position, st.position LIMIT 1`,
    );
    // A member who joined recently is not inactive yet: their clock starts when they joined.
    this.countInactive = db.prepare<{ groupId: number; before: EpochMs }, { count: number }>(
      `SELECT COUNT(*) AS count FROM group_members m
       JOIN study_groups g ON g.group_id = m.group_id
       LEFT JOIN learners le ON le.guild_id = g.guild_id AND le.user_id = m.user_id
       WHERE m.group_id = @groupId AND max(coalesce(le.last_active_at, 0), m.added_at) < @before`,
    );
    // A group's points in a period: its members' period_scores totals, counted as the period
    // board counts them (only members with points there), so the two always agree.
    this.selectGroupPoints = db.prepare<{ guildId: string; period: string; totals: string }, GroupPoints>(
      `SELECT g.group_id AS groupId, coalesce(sum(p.points), 0) AS points
       FROM study_groups g
       LEFT JOIN group_members m ON m.group_id = g.group_id
       LEFT JOIN period_scores p ON p.guild_id = g.guild_id AND p.period = @period
         AND p.lesson_id = @totals AND p.user_id = m.user_id AND p.points > 0
       WHERE g.guild_id = @guildId
       GROUP BY g.group_id`,
    );
  }

  /**
   * Switches a group's digest on at `day` `hour`. `coveredSlot` is the latest slot already past:
   * only slots after the setting are sent (switching on never sends last week's digest at once).
   */
  schedule(request: DigestScheduleRequest): void {
    this.upsertSetting.run(request);
  }

  /** False when the digest was not on. */
  switchOff(request: { groupId: number; by: string; at: EpochMs }): boolean {
    return this.updateEnabled.run(request).changes === 1;
  }

  setting(groupId: number): DigestSetting | null {
    const row = this.selectSetting.get(groupId);
    return row ? toSetting(row) : null;
  }

  /** Every enabled digest with its group's server and channel. */
  scheduled(): ScheduledDigest[] {
    return this.selectScheduled.all().map(toSetting);
  }

  /** Marks `slot` as being sent, before sending. False when it is handled or claimed already. */
  claim(groupId: number, slot: EpochMs, at: EpochMs): boolean {
    return this.claimSlot.run({ groupId, slot, at }).changes === 1;
  }

  /** Records how a slot ended (sent, failed, abandoned); the next run starts after it. */
  finish(groupId: number, slot: EpochMs, outcome: string, messageId: string | null = null): void {
    this.finishSlot.run({ groupId, slot, outcome, messageId });
  }

  achievements(period: Period): WeekAchievement[] {
    return this.selectAchievements
      .all(period)
      .map((row) => ({ ...row, completed: row.completed === 1, verified: row.verified === 1 }));
  }

  stoppedAt(groupId: number): StoppedAt | null {
    return this.selectStoppedAt.get({ groupId }) ?? null;
  }

  /** Members with no activity since `before` (and who joined before it). */
  inactiveMembers(groupId: number, before: EpochMs): number {
    return this.countInactive.get({ groupId, before })?.count ?? 0;
  }

  /**
   * Points each of the server's groups earned in a period (a period_scores key such as
   * `w2026-11-30`): the sum of its members' points on that period's board; every group, 0 included.
   */
  groupPoints(guildId: string, period: string): GroupPoints[] {
    return this.selectGroupPoints.all({ guildId, period, totals: allLessons });
  }
}
