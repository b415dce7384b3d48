import type { Database } from 'better-sqlite3';
import type { EpochMs, LearnerLessonRef, LearnerRef } from './types.js';

/** Points per event. Each is awarded once: repeats and retries never add more. */
export const pointsTable = {
  stepCompleted: 10,
  quizFirstTryCorrect: 20,
  quizLaterCorrect: 5,
  lessonVerified: 50,
  lessonCompleted: 30,
} as const;

/** The bucket key of server totals in score_buckets (lesson buckets use the lesson id). */
export const totalsBucket = '';

interface CompletionCounts {
  stepsDone: number;
  stepCount: number;
  questionsCorrect: number;
  questionCount: number;
  completedAt: number | null;
}

/**
 * The learner rows and point totals every recording repository shares. Callers run these
 * inside their own transaction, so an event and its points commit together.
 */
export class Scorekeeper {
  private readonly touchStatement;
  private readonly learnerPoints;
  private readonly lessonPoints;
  private readonly completionCounts;
  private readonly markCompleted;

  constructor(db: Database) {
    this.touchStatement = db.prepare<{ guildId: string; userId: string; at: number }>(
      `INSERT INTO learners (guild_id, user_id, last_active_at) VALUES (@guildId, @userId, @at)
       ON CONFLICT (guild_id, user_id) DO UPDATE SET last_active_at = max(last_active_at, excluded.last_active_at)`,
    );
    this.learnerPoints = db.prepare<{ guildId: string; userId: string; points: number; at: number }>(
      `UPDATE learners SET points = points + @points, points_reached_at = max(points_reached_at, @at)
       WHERE guild_id = @guildId AND user_id = @userId`,
    );
    this.lessonPoints = db.prepare<LearnerLessonRef & { points: number; at: number }>(
      `INSERT INTO lesson_scores (guild_id, user_id, lesson_id, points, points_reached_at)
       VALUES (@guildId, @userId, @lessonId, @points, @at)
       ON CONFLICT (guild_id, user_id, lesson_id) DO UPDATE SET
         points = points + excluded.points,
         points_reached_at = max(points_reached_at, excluded.points_reached_at)`,
    );
    this.completionCounts = db.prepare<LearnerLessonRef, CompletionCounts>(
      `SELECT
         (SELECT COUNT(*) FROM step_completions c
            JOIN lesson_steps s ON s.lesson_id = c.lesson_id AND s.step_id = c.step_id AND s.current = 1
          WHERE c.guild_id = @guildId AND c.user_id = @userId AND c.lesson_id = @lessonId) AS stepsDone,
         l.step_count AS stepCount,
         (SELECT COUNT(*) FROM quiz_results r
            JOIN lesson_questions q ON q.lesson_id = r.lesson_id AND q.question_id = r.question_id AND q.current = 1
          WHERE r.guild_id = @guildId AND r.user_id = @userId AND r.lesson_id = @lessonId
            AND r.correct_at IS NOT NULL) AS questionsCorrect,
         l.question_count AS questionCount,
         (SELECT completed_at FROM lesson_scores s
          WHERE s.guild_id = @guildId AND s.user_id = @userId AND s.lesson_id = @lessonId) AS completedAt
       FROM lessons l WHERE l.lesson_id = @lessonId`,
    );
    this.markCompleted = db.prepare<LearnerLessonRef & { at: number }>(
      `UPDATE lesson_scores SET completed_at = @at
       WHERE guild_id = @guildId AND user_id = @userId AND lesson_id = @lessonId AND completed_at IS NULL`,
    );
  }

  /** Makes sure the learner row exists (events reference it) and notes the activity. */
  touch(learner: LearnerRef, at: EpochMs): void {
    this.touchStatement.run({ guildId: learner.guildId, userId: learner.userId, at });
  }

  /**
   * Adds points to the learner's lesson score and total, moving the tie-break time with them
   * (the schema's triggers keep the points buckets in step). With 0 points it only makes sure
   * the lesson score row exists.
   */
  award(ref: LearnerLessonRef, points: number, at: EpochMs): void {
    const key = { guildId: ref.guildId, userId: ref.userId, lessonId: ref.lessonId };
    this.lessonPoints.run({ ...key, points, at });
    if (points > 0) this.learnerPoints.run({ guildId: ref.guildId, userId: ref.userId, points, at });
  }

  /**
   * Called after a learner finished a current item for the first time. Returns whether that
   * made the lesson complete (all current steps done and every current question answered
   * correctly) and the bonus it earned — the bonus only the first time a lesson is completed.
   */
  checkCompletion(ref: LearnerLessonRef, at: EpochMs): { lessonCompleted: boolean; bonus: number } {
    const key = { guildId: ref.guildId, userId: ref.userId, lessonId: ref.lessonId };
    const counts = this.completionCounts.get(key);
    if (!counts) return { lessonCompleted: false, bonus: 0 };
    const complete =
      counts.stepCount + counts.questionCount > 0 &&
      counts.stepsDone >= counts.stepCount &&
      counts.questionsCorrect >= counts.questionCount;
    if (!complete) return { lessonCompleted: false, bonus: 0 };
    if (counts.completedAt !== null) return { lessonCompleted: true, bonus: 0 };
    this.award(key, pointsTable.lessonCompleted, at);
    this.markCompleted.run({ ...key, at });
    return { lessonCompleted: true, bonus: pointsTable.lessonCompleted };
  }
}
