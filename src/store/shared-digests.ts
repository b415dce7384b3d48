import type { Database } from 'better-sqlite3';
import { inGroup } from './stats.js';
import type { EpochMs, Learner } from './types.js';

/** Another learner of the same server who verified an image with the same digest. */
export interface DigestTwin {
  userId: string;
  /** The lesson the other learner verified with it. */
  lessonId: string;
  digest: string;
  /** When the other learner first verified with it. */
  firstAt: EpochMs;
}

/** One digest verified by several learners of a lesson, learners in order of their first success. */
export interface SharedDigest {
  digest: string;
  learners: { userId: string; firstAt: EpochMs }[];
}

export interface SharedDigestScope {
  guildId: string;
  lessonId: string;
  /** Only digests that at least one member of this study group verified. */
  groupChannelId?: string;
}

/**
 * The same image digest verified by two learners of one server: a digest is the proof of the
 * work, so two learners with one digest may have shared one image. For instructors only.
 * The learner's own attempts come through the per-learner index, the others' through the
 * partial index of successes by (guild, digest, user).
 */
export class SharedDigests {
  private readonly selectTwins;
  private readonly selectForLesson;

  constructor(db: Database) {
    this.selectTwins = db.prepare<Learner, DigestTwin>(
      `SELECT other.user_id AS userId, other.lesson_id AS lessonId, other.digest AS digest,
         MIN(other.attempted_at) AS firstAt
       FROM (SELECT DISTINCT digest FROM verification_attempts INDEXED BY verification_attempts_by_learner
             WHERE guild_id = @guildId AND user_id = @userId AND outcome = 'found' AND digest IS NOT NULL) mine
       JOIN verification_attempts other
         ON other.guild_id = @guildId AND other.digest = mine.digest AND other.outcome = 'found'
         AND other.user_id <> @userId
       GROUP BY other.user_id, other.lesson_id, other.digest
       ORDER BY firstAt, other.user_id`,
    );
    this.selectForLesson = db.prepare<
      { guildId: string; lessonId: string; groupChannelId: string | null },
      { digest: string; userId: string; firstAt: EpochMs }
    >(
      `WITH shared AS (
         SELECT digest FROM verification_attempts
         WHERE guild_id = @guildId AND lesson_id = @lessonId AND outcome = 'found' AND digest IS NOT NULL
         GROUP BY digest
         HAVING COUNT(DISTINCT user_id) > 1
           AND SUM(CASE WHEN ${inGroup('user_id')} THEN 1 ELSE 0 END) > 0
       )
       SELECT v.digest AS digest, v.user_id AS userId, MIN(v.attempted_at) AS firstAt
       FROM shared JOIN verification_attempts v
         ON v.guild_id = @guildId AND v.digest = shared.digest AND v.outcome = 'found'
       WHERE v.lesson_id = @lessonId
       GROUP BY v.digest, v.user_id
       ORDER BY v.digest, firstAt, v.user_id`,
    );
  }

  /** Other learners who verified any image this learner verified (same digest), first ones first. */
  forLearner(learner: Learner): DigestTwin[] {
    return this.selectTwins.all({ guildId: learner.guildId, userId: learner.userId });
  }

  /** Digests of the lesson verified by more than one learner; most learners first, then earliest. */
  forLesson(scope: SharedDigestScope): SharedDigest[] {
    const rows = this.selectForLesson.all({
      guildId: scope.guildId,
      lessonId: scope.lessonId,
      groupChannelId: scope.groupChannelId ?? null,
    });
    const byDigest = new Map<string, SharedDigest>();
    for (const row of rows) {
      const shared = byDigest.get(row.digest) ?? { digest: row.digest, learners: [] };
      shared.learners.push({ userId: row.userId, firstAt: row.firstAt });
      byDigest.set(row.digest, shared);
    }
    return [...byDigest.values()].sort(
      (a, b) =>
        b.learners.length - a.learners.length ||
        (a.learners[0]?.firstAt ?? 0) - (b.learners[0]?.firstAt ?? 0),
    );
  }
}
