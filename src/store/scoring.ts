import type { Database } from 'better-sqlite3';
import type { LessonTotals } from './content-lookup.js';
import type { EpochMs, Learner, LearnerLessonRef } from './types.js';

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

/** A current step or question the learner finished for the first time. */
export interface CreditedItem {
  kind: 'step' | 'question';
  points: number;
  at: EpochMs;
  /** The lesson's current totals, to tell whether this item completed it. */
  totals: LessonTotals;
}

interface LessonCounters {
  steps_done: number;
  questions_correct: number;
  completed_at: number | null;
}

/**
 * The learner rows and point totals every recording repository shares. Callers run these
 * inside their own transaction, so an event and its points commit together.
 */
export class Scorekeeper {
  private readonly touchStatement;
  private readonly learningTouchStatement;
  private readonly learnerPoints;
  private readonly lessonPoints;
  private readonly lessonItem;
  private readonly markCompleted;

  constructor(
    db: Database,
    private readonly weekOf: (at: EpochMs) => number,
  ) {
    // The streak rides on the learner row the event rewrites anyway: no extra page per event.
    // SQLite evaluates every SET expression against the row as it was.
    this.learningTouchStatement = db.prepare<{ guildId: string; userId: string; at: number; week: number }>(
      `INSERT INTO learners (guild_id, user_id, last_active_at, active_week, streak_weeks)
       VALUES (@guildId, @userId, @at, @week, 1)
       ON CONFLICT (guild_id, user_id) DO UPDATE SET
         last_active_at = max(last_active_at, excluded.last_active_at),
         streak_weeks = CASE
           WHEN active_week IS NULL OR excluded.active_week > active_week + 1 THEN 1
           WHEN excluded.active_week = active_week + 1 THEN streak_weeks + 1
           ELSE streak_weeks END,
         active_week = max(coalesce(active_week, excluded.active_week), excluded.active_week)`,
    );
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
    // Counts the item in the lesson row and hands back the counters, so completion needs no history scan.
    this.lessonItem = db.prepare<
      LearnerLessonRef & { points: number; at: number; steps: number; questions: number },
      LessonCounters
    >(
      `INSERT INTO lesson_scores (guild_id, user_id, lesson_id, points, points_reached_at, steps_done, questions_correct)
       VALUES (@guildId, @userId, @lessonId, @points, @at, @steps, @questions)
       ON CONFLICT (guild_id, user_id, lesson_id) DO UPDATE SET
         points = points + excluded.points,
         points_reached_at = max(points_reached_at, excluded.points_reached_at),
         steps_done = steps_done + excluded.steps_done,
         questions_correct = questions_correct + excluded.questions_correct
       RETURNING steps_done, questions_correct, completed_at`,
    );
    this.markCompleted = db.prepare<LearnerLessonRef & { at: number }>(
      `UPDATE lesson_scores SET completed_at = @at
       WHERE guild_id = @guildId AND user_id = @userId AND lesson_id = @lessonId AND completed_at IS NULL`,
    );
  }

  /** Makes sure the learner row exists (events reference it) and notes the activity. */
  touch(learner: Learner, at: EpochMs): void {
    this.touchStatement.run({ guildId: learner.guildId, userId: learner.userId, at });
  }

  /**
   * `touch` for a learning event (a step, an answer, a verification): also counts the week
   * towards the learner's streak of active weeks. An event from an earlier week changes no streak.
   */
  touchLearning(learner: Learner, at: EpochMs): void {
    this.learningTouchStatement.run({
      guildId: learner.guildId,
      userId: learner.userId,
      at,
      week: this.weekOf(at),
    });
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
   * Credits a current step or question the learner finished for the first time: its points,
   * its count in the lesson row, and — when that made the lesson complete (all current steps
   * done and every current question answered correctly) for the first time ever — the bonus.
   */
  creditItem(ref: LearnerLessonRef, item: CreditedItem): { lessonCompleted: boolean; bonus: number } {
    const key = { guildId: ref.guildId, userId: ref.userId, lessonId: ref.lessonId };
    const counters = this.lessonItem.get({
      ...key,
      points: item.points,
      at: item.at,
      steps: item.kind === 'step' ? 1 : 0,
      questions: item.kind === 'question' ? 1 : 0,
    });
    if (item.points > 0) {
      this.learnerPoints.run({ guildId: ref.guildId, userId: ref.userId, points: item.points, at: item.at });
    }
    const { stepCount, questionCount } = item.totals;
    const complete =
      counters !== undefined &&
      stepCount + questionCount > 0 &&
      counters.steps_done >= stepCount &&
      counters.questions_correct >= questionCount;
    if (!complete) return { lessonCompleted: false, bonus: 0 };
    if (counters.completed_at !== null) return { lessonCompleted: true, bonus: 0 };
    this.award(key, pointsTable.lessonCompleted, item.at);
    this.markCompleted.run({ ...key, at: item.at });
    return { lessonCompleted: true, bonus: pointsTable.lessonCompleted };
  }
}
