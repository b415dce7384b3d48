import type { Database } from 'better-sqlite3';
import type { EpochMs } from './types.js';

export const milestones = ['lesson-verified', 'lesson-completed', 'course-completed'] as const;
export type Milestone = (typeof milestones)[number];

/** A milestone of one server; `lessonId` is '' for the whole course. */
export interface MilestoneKey {
  guildId: string;
  milestone: Milestone;
  lessonId: string;
}

export interface MilestoneRole extends MilestoneKey {
  roleId: string;
  setBy: string;
  setAt: EpochMs;
}

/** A grant owed to a learner. */
export interface DueGrant {
  guildId: string;
  userId: string;
  roleId: string;
  /** Attempts made before this one. */
  attempts: number;
}

export interface GrantCounts {
  granted: number;
  pending: number;
  failed: number;
}

/** A grant the bot gave up on, with the last error. */
export interface FailedGrant {
  userId: string;
  roleId: string;
  attempts: number;
  lastError: string;
  at: EpochMs;
}

/**
 * Milestone roles and the queue of grants. The schema's triggers enqueue a grant when a learner
 * reaches a mapped milestone; `backfill` enqueues those who reached it before the mapping.
 */
export class MilestoneRoleRepository {
  private readonly upsert;
  private readonly remove;
  private readonly select;
  private readonly selectAll;
  private readonly dropPendingOfRole;
  private readonly backfillLesson;
  private readonly backfillCourse;
  private readonly selectDue;
  private readonly setGranted;
  private readonly setRetry;
  private readonly setFailed;
  private readonly selectCounts;
  private readonly selectFailures;
  private readonly markReported;

  constructor(private readonly db: Database) {
    this.upsert = db.prepare<MilestoneRole>(
      `INSERT INTO milestone_roles (guild_id, milestone, lesson_id, role_id, set_by, set_at)
       VALUES (@guildId, @milestone, @lessonId, @roleId, @setBy, @setAt)
       ON CONFLICT (guild_id, milestone, lesson_id) DO UPDATE SET
         role_id = excluded.role_id, set_by = excluded.set_by, set_at = excluded.set_at`,
    );
    this.remove = db.prepare<MilestoneKey>(
      `DELETE FROM milestone_roles WHERE guild_id = @guildId AND milestone = @milestone AND lesson_id = @lessonId`,
    );
    const columns = `guild_id AS guildId, milestone, lesson_id AS lessonId, role_id AS roleId,
      set_by AS setBy, set_at AS setAt`;
    this.select = db.prepare<MilestoneKey, MilestoneRole>(
      `SELECT ${columns} FROM milestone_roles
       WHERE guild_id = @guildId AND milestone = @milestone AND lesson_id = @lessonId`,
    );
    this.selectAll = db.prepare<[string], MilestoneRole>(
      `SELECT ${columns} FROM milestone_roles WHERE guild_id = ? ORDER BY milestone, lesson_id`,
    );
    // A role no milestone maps any more is owed to nobody.
    this.dropPendingOfRole = db.prepare<{ guildId: string; roleId: string }>(
      `DELETE FROM role_grants WHERE guild_id = @guildId AND role_id = @roleId AND state = 'pending'
         AND NOT EXISTS (SELECT 1 FROM milestone_roles m WHERE m.guild_id = @guildId AND m.role_id = @roleId)`,
    );
    this.backfillLesson = db.prepare<{
      guildId: string;
      lessonId: string;
      roleId: string;
      verified: number;
      at: number;
    }>(
      `INSERT INTO role_grants (guild_id, user_id, role_id, due_at, created_at, updated_at)
         SELECT guild_id, user_id, @roleId, @at, @at, @at FROM lesson_scores
         WHERE guild_id = @guildId AND lesson_id = @lessonId
           AND (CASE WHEN @verified = 1 THEN verified_at ELSE completed_at END) IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
    this.backfillCourse = db.prepare<{ guildId: string; roleId: string; at: number }>(
      `INSERT INTO role_grants (guild_id, user_id, role_id, due_at, created_at, updated_at)
         SELECT guild_id, user_id, @roleId, @at, @at, @at FROM course_lessons_done
         WHERE guild_id = @guildId
         GROUP BY guild_id, user_id
         HAVING COUNT(*) = (SELECT COUNT(*) FROM lessons WHERE in_course = 1) AND COUNT(*) > 0
       ON CONFLICT DO NOTHING`,
    );
    this.selectDue = db.prepare<{ now: number; limit: number }, DueGrant>(
      `SELECT guild_id AS guildId, user_id AS userId, role_id AS roleId, attempts FROM role_grants
       WHERE state = 'pending' AND due_at <= @now ORDER BY due_at LIMIT @limit`,
    );
    const key = 'guild_id = @guildId AND user_id = @userId AND role_id = @roleId';
    this.setGranted = db.prepare<DueGrant & { at: number }>(
      `UPDATE role_grants SET state = 'granted', attempts = attempts + 1, last_error = NULL, updated_at = @at
       WHERE ${key}`,
    );
    this.setRetry = db.prepare<DueGrant & { at: number; dueAt: number; error: string }>(
      `UPDATE role_grants SET attempts = attempts + 1, due_at = @dueAt, last_error = @error, updated_at = @at
       WHERE ${key} AND state = 'pending'`,
    );
    this.setFailed = db.prepare<DueGrant & { at: number; error: string }>(
      `UPDATE role_grants SET state = 'failed', attempts = attempts + 1, last_error = @error,
         updated_at = @at, reported = 0
       WHERE ${key} AND state = 'pending'`,
    );
    this.selectCounts = db.prepare<{ guildId: string; roleId: string }, GrantCounts>(
      `SELECT COALESCE(SUM(state = 'granted'), 0) AS granted, COALESCE(SUM(state = 'pending'), 0) AS pending,
         COALESCE(SUM(state = 'failed'), 0) AS failed
       FROM role_grants WHERE guild_id = @guildId AND role_id = @roleId`,
    );
    this.selectFailures = db.prepare<{ guildId: string; limit: number }, FailedGrant>(
      `SELECT user_id AS userId, role_id AS roleId, attempts, COALESCE(last_error, '') AS lastError,
         updated_at AS at
       FROM role_grants WHERE guild_id = @guildId AND state = 'failed' AND reported = 0
       ORDER BY updated_at DESC LIMIT @limit`,
    );
    this.markReported = db.prepare<[string]>(
      `UPDATE role_grants SET reported = 1 WHERE guild_id = ? AND state = 'failed' AND reported = 0`,
    );
  }

  get(key: MilestoneKey): MilestoneRole | null {
    return this.select.get(key) ?? null;
  }

  list(guildId: string): MilestoneRole[] {
    return this.selectAll.all(guildId);
  }

  /**
   * Maps the milestone to the role and enqueues everyone who reached it already (once per
   * learner and role); returns how many grants were added. One transaction.
   */
  set(mapping: MilestoneRole): { previous: MilestoneRole | null; backfilled: number } {
    return this.db
      .transaction(() => {
        const previous = this.get(mapping);
        this.upsert.run(mapping);
        if (previous && previous.roleId !== mapping.roleId) {
          this.dropPendingOfRole.run({ guildId: mapping.guildId, roleId: previous.roleId });
        }
        const at = mapping.setAt;
        const backfilled =
          mapping.milestone === 'course-completed'
            ? this.backfillCourse.run({ guildId: mapping.guildId, roleId: mapping.roleId, at }).changes
            : this.backfillLesson.run({
                guildId: mapping.guildId,
                lessonId: mapping.lessonId,
                roleId: mapping.roleId,
                verified: mapping.milestone === 'lesson-verified' ? 1 : 0,
                at,
              }).changes;
        return { previous, backfilled };
      })
      .immediate();
  }

  /** Removes the mapping and the grants still owed for its role (granted roles stay on members). */
  clear(key: MilestoneKey): MilestoneRole | null {
    return this.db
      .transaction(() => {
        const previous = this.get(key);
        if (!previous) return null;
        this.remove.run(key);
        this.dropPendingOfRole.run({ guildId: key.guildId, roleId: previous.roleId });
        return previous;
      })
      .immediate();
  }

  /** Grants due by `now`, oldest first, at most `limit`. */
  due(now: EpochMs, limit: number): DueGrant[] {
    return this.selectDue.all({ now, limit });
  }

  granted(grant: DueGrant, at: EpochMs): void {
    this.setGranted.run({ ...grant, at });
  }

  retryLater(grant: DueGrant, at: EpochMs, dueAt: EpochMs, error: string): void {
    this.setRetry.run({ ...grant, at, dueAt, error });
  }

  giveUp(grant: DueGrant, at: EpochMs, error: string): void {
    this.setFailed.run({ ...grant, at, error });
  }

  counts(guildId: string, roleId: string): GrantCounts {
    return this.selectCounts.get({ guildId, roleId }) ?? { granted: 0, pending: 0, failed: 0 };
  }

  /** Grants given up since the last report, newest first; they are reported only once. */
  takeFailures(guildId: string, limit: number): FailedGrant[] {
    return this.db
      .transaction(() => {
        const failures = this.selectFailures.all({ guildId, limit });
        this.markReported.run(guildId);
        return failures;
      })
      .immediate();
  }
}
