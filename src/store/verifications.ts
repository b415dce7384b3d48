import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { ContentLookup } from './content-lookup.js';
import { pointsTable, type Scorekeeper } from './scoring.js';
import type { EpochMs, Learner, LearnerLessonRef } from './types.js';

export interface VerificationInput extends LearnerLessonRef {
  dockerId: string;
  repository: string;
  tag: string;
  /** The verification service's outcome code ("ok", "tag-missing", …); the store keeps it as is. */
  outcome: string;
  digest: string | null;
  /** Anything JSON-serialisable the service wants to keep (what was found, which step fixes it). */
  details: unknown;
  at: EpochMs;
}

export interface VerificationAttempt extends VerificationInput {
  attemptId: number;
}

export interface VerifiedResult {
  /** False when the lesson was already verified: no more points. */
  firstTime: boolean;
  pointsAwarded: number;
}

interface AttemptRow {
  attemptId: number;
  guildId: string;
  userId: string;
  lessonId: string;
  dockerId: string;
  repository: string;
  tag: string;
  outcome: string;
  digest: string | null;
  detailsJson: string;
  at: number;
}

const detailsSchema = z.unknown();

const attemptColumns = `attempt_id AS attemptId, guild_id AS guildId, user_id AS userId, lesson_id AS lessonId,
  docker_id AS dockerId, repository, tag, outcome, digest, details_json AS detailsJson, attempted_at AS at`;

/** Every /verify lookup and the one-time "lesson verified" award. */
export class VerificationRepository {
  private readonly insertAttempt;
  private readonly selectLatest;
  private readonly selectLatestForLesson;
  private readonly setVerified;
  private readonly recordInTransaction;
  private readonly verifyInTransaction;

  constructor(
    db: Database,
    private readonly content: ContentLookup,
    private readonly scores: Scorekeeper,
  ) {
    this.insertAttempt = db.prepare<Omit<VerificationInput, 'details'> & { detailsJson: string }>(
      `INSERT INTO verification_attempts (guild_id, user_id, lesson_id, docker_id, repository, tag, outcome,
         digest, details_json, attempted_at)
       VALUES (@guildId, @userId, @lessonId, @dockerId, @repository, @tag, @outcome, @digest, @detailsJson, @at)`,
    );
    this.selectLatest = db.prepare<Learner, AttemptRow>(
      `SELECT ${attemptColumns} FROM verification_attempts
       WHERE guild_id = @guildId AND user_id = @userId ORDER BY attempted_at DESC, attempt_id DESC LIMIT 1`,
    );
    this.selectLatestForLesson = db.prepare<LearnerLessonRef, AttemptRow>(
      `SELECT ${attemptColumns} FROM verification_attempts
       WHERE guild_id = @guildId AND user_id = @userId AND lesson_id = @lessonId
       ORDER BY attempted_at DESC, attempt_id DESC LIMIT 1`,
    );
    this.setVerified = db.prepare<LearnerLessonRef & { at: number }>(
      `UPDATE lesson_scores SET verified_at = @at
       WHERE guild_id = @guildId AND user_id = @userId AND lesson_id = @lessonId AND verified_at IS NULL`,
    );
    this.recordInTransaction = db.transaction((input: VerificationInput) => {
      this.content.requireLesson(input.lessonId);
      this.scores.touchLearning(input, input.at);
      const { details, ...columns } = input;
      const detailsJson = JSON.stringify(details ?? null);
      return Number(this.insertAttempt.run({ ...columns, detailsJson }).lastInsertRowid);
    });
    this.verifyInTransaction = db.transaction((ref: LearnerLessonRef & { at: EpochMs }): VerifiedResult => {
      this.content.requireLesson(ref.lessonId);
      this.scores.touchLearning(ref, ref.at);
      // Creates the lesson score row when it is missing, so the flag below has a row to set.
      this.scores.ensureLessonRow(ref, ref.at);
      if (this.setVerified.run(ref).changes === 0) return { firstTime: false, pointsAwarded: 0 };
      this.scores.award(ref, 'verified', pointsTable.lessonVerified, ref.at);
      return { firstTime: true, pointsAwarded: pointsTable.lessonVerified };
    });
  }

  /** Keeps one /verify lookup, whatever its outcome. Returns the attempt id. */
  record(input: VerificationInput): number {
    return this.recordInTransaction.immediate(input);
  }

  /** Marks the lesson verified for the learner; the points come only the first time. */
  markVerified(ref: LearnerLessonRef & { at: EpochMs }): VerifiedResult {
    return this.verifyInTransaction.immediate(ref);
  }

  /** The learner's latest attempt (for the /verify cooldown and defaults), optionally for one lesson. */
  latest(learner: Learner & { lessonId?: string }): VerificationAttempt | undefined {
    const row =
      learner.lessonId === undefined
        ? this.selectLatest.get({ guildId: learner.guildId, userId: learner.userId })
        : this.selectLatestForLesson.get({
            guildId: learner.guildId,
            userId: learner.userId,
            lessonId: learner.lessonId,
          });
    if (!row) return undefined;
    const { detailsJson, ...rest } = row;
    return { ...rest, details: detailsSchema.parse(JSON.parse(detailsJson)) };
  }
}
