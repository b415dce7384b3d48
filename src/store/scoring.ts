import type { Database } from 'better-sqlite3';
import type { LessonTotals } from './content-lookup.js';
import type { PeriodScores } from './period-scores.js';
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

/** Why a ledger row was written. `backfill`: migration 006 squaring history with totals. */
export type LedgerKind =
  | 'step'
  | 'quiz-first-try'
  | 'quiz-retry'
  | 'completion'
  | 'verified'
  | 'adjustment'
  | 'reset'
  | 'backfill';

/** A points change as the ledger records it; lessonId null = not tied to a lesson. */
export interface LedgerEntry extends Learner {
  lessonId: string | null;
  kind: LedgerKind;
  points: number;
  at: EpochMs;
  /** The audit log row of a correction. */
  correctionId?: number | null;
}

/** A current step or question the learner finished for the first time. */
export interface CreditedItem {
  kind: 'step' | 'question';
  ledgerKind: LedgerKind;
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
 * inside their own transaction, so an event, its ledger row, its totals and its period scores
 * commit together: every total is the sum of the learner's ledger rows.
 */
export class Scorekeeper {
  private readonly touchStatement;
  private readonly learningTouchStatement;
  private readonly learnerPoints;
  private readonly lessonPoints;
  private readonly lessonItem;
  private readonly markCompleted;
  private readonly insertEntry;

  constructor(
    db: Database,
    private readonly periods: PeriodScores,
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
    this.insertEntry = db.prepare<
      Omit<LedgerEntry, 'correctionId'> & { correctionId: number | null; seasonId: number | null }
    >(
      `INSERT INTO points_ledger (guild_id, user_id, lesson_id, kind, points, at, season_id, correction_id)
       VALUES (@guildId, @userId, @lessonId, @kind, @points, @at, @seasonId, @correctionId)`,
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

  /** Makes sure the learner's lesson score row exists (a flag on it is about to be set). */
  ensureLessonRow(ref: LearnerLessonRef, at: EpochMs): void {
    this.lessonPoints.run({
      guildId: ref.guildId,
      userId: ref.userId,
      lessonId: ref.lessonId,
      points: 0,
      at,
    });
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
   * Records a points change: its ledger row, the lesson score (when tied to a lesson), the total
   * and the period scores, moving the tie-break time with them (the schema's triggers keep the
   * points buckets in step). Points may be negative (corrections).
   */
  record(entry: LedgerEntry): void {
    if (entry.points === 0) return;
    const learner = { guildId: entry.guildId, userId: entry.userId, points: entry.points, at: entry.at };
    if (entry.lessonId !== null) this.lessonPoints.run({ ...learner, lessonId: entry.lessonId });
    this.addToLedger(entry);
  }

  /** The ledger row, the learner's total and the period scores of a points change. */
  private addToLedger(entry: LedgerEntry): void {
    const seasonId = this.periods.seasonAt(entry.guildId);
    this.insertEntry.run({ ...entry, seasonId, correctionId: entry.correctionId ?? null });
    this.learnerPoints.run({
      guildId: entry.guildId,
      userId: entry.userId,
      points: entry.points,
      at: entry.at,
    });
    this.periods.add({ ...entry, seasonId });
  }

  /** An award for an event of a lesson (verification, completion bonus). */
  award(ref: LearnerLessonRef, kind: LedgerKind, points: number, at: EpochMs): void {
    this.record({ guildId: ref.guildId, userId: ref.userId, lessonId: ref.lessonId, kind, points, at });
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
    if (item.points !== 0)
      this.addToLedger({ ...key, kind: item.ledgerKind, points: item.points, at: item.at });
    const { stepCount, questionCount } = item.totals;
    const complete =
      counters !== undefined &&
      stepCount + questionCount > 0 &&
      counters.steps_done >= stepCount &&
      counters.questions_correct >= questionCount;
    if (!complete) return { lessonCompleted: false, bonus: 0 };
    if (counters.completed_at !== null) return { lessonCompleted: true, bonus: 0 };
    this.award(key, 'completion', pointsTable.lessonCompleted, item.at);
    this.markCompleted.run({ ...key, at: item.at });
    return { lessonCompleted: true, bonus: pointsTable.lessonCompleted };
  }
}
