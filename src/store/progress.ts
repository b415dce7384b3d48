import type { Database } from 'better-sqlite3';
import type { ContentLookup } from './content-lookup.js';
import { pointsTable, type Scorekeeper } from './scoring.js';
import type { EpochMs, Learner, LearnerLessonRef } from './types.js';

/** A streak as stored: week numbers from CourseCalendar.weekOf. */
export interface StoredStreak {
  activeWeek: number | null;
  weeks: number;
}

export interface StepCompletion extends LearnerLessonRef {
  stepId: string;
  at: EpochMs;
}

export interface CompletionResult {
  /** False for a repeat: nothing changed. */
  firstTime: boolean;
  /** Step points plus the lesson bonus when this completed the lesson for the first time. */
  pointsAwarded: number;
  /** This event made the lesson complete (all current steps and every question correct). */
  lessonCompleted: boolean;
}

export interface PositionUpdate extends LearnerLessonRef {
  pageIndex: number;
  at: EpochMs;
}

/** One lesson in a learner's /progress. Only current steps and questions count. */
export interface LessonSummary {
  lessonId: string;
  title: string;
  stepsDone: number;
  stepsTotal: number;
  quizFirstTryCorrect: number;
  /** Questions answered correctly at least once. */
  quizCorrect: number;
  quizTotal: number;
  verified: boolean;
  /** Complete now: every current step done and every current question answered correctly. */
  completed: boolean;
  points: number;
}

const summarySql = `
SELECT l.lesson_id AS lessonId, l.title,
  (SELECT COUNT(*) FROM step_completions c
     JOIN lesson_steps s ON s.lesson_id = c.lesson_id AND s.step_id = c.step_id AND s.current = 1
   WHERE c.guild_id = @guildId AND c.user_id = @userId AND c.lesson_id = l.lesson_id) AS stepsDone,
  l.step_count AS stepsTotal,
  (SELECT COUNT(*) FROM quiz_results r
     JOIN lesson_questions q ON q.lesson_id = r.lesson_id AND q.question_id = r.question_id AND q.current = 1
   WHERE r.guild_id = @guildId AND r.user_id = @userId AND r.lesson_id = l.lesson_id
     AND r.first_correct = 1) AS quizFirstTryCorrect,
  (SELECT COUNT(*) FROM quiz_results r
     JOIN lesson_questions q ON q.lesson_id = r.lesson_id AND q.question_id = r.question_id AND q.current = 1
   WHERE r.guild_id = @guildId AND r.user_id = @userId AND r.lesson_id = l.lesson_id
     AND r.correct_at IS NOT NULL) AS quizCorrect,
  l.question_count AS quizTotal,
  ls.verified_at IS NOT NULL AS verified,
  COALESCE(ls.points, 0) AS points
FROM lessons l
LEFT JOIN lesson_scores ls ON ls.guild_id = @guildId AND ls.user_id = @userId AND ls.lesson_id = l.lesson_id
WHERE l.in_course = 1
ORDER BY l.position`;

type SummaryRow = Omit<LessonSummary, 'verified' | 'completed'> & { verified: number };

/** Step completions and reading positions. */
export class ProgressRepository {
  private readonly insertCompletion;
  private readonly upsertPosition;
  private readonly setLastLesson;
  private readonly selectPosition;
  private readonly selectLastLesson;
  private readonly selectCompleted;
  private readonly selectSummary;
  private readonly selectStreak;
  private readonly completeInTransaction;
  private readonly positionInTransaction;

  constructor(
    db: Database,
    private readonly content: ContentLookup,
    private readonly scores: Scorekeeper,
  ) {
    this.insertCompletion = db.prepare<StepCompletion>(
      `INSERT INTO step_completions (guild_id, user_id, lesson_id, step_id, completed_at)
       VALUES (@guildId, @userId, @lessonId, @stepId, @at) ON CONFLICT DO NOTHING`,
    );
    this.upsertPosition = db.prepare<PositionUpdate>(
      `INSERT INTO lesson_positions (guild_id, user_id, lesson_id, page_index, updated_at)
       VALUES (@guildId, @userId, @lessonId, @pageIndex, @at)
       ON CONFLICT (guild_id, user_id, lesson_id) DO UPDATE SET
         page_index = excluded.page_index, updated_at = excluded.updated_at`,
    );
    this.setLastLesson = db.prepare<LearnerLessonRef>(
      'UPDATE learners SET last_lesson_id = @lessonId WHERE guild_id = @guildId AND user_id = @userId',
    );
    this.selectPosition = db.prepare<LearnerLessonRef, { page_index: number }>(
      `SELECT page_index FROM lesson_positions
       WHERE guild_id = @guildId AND user_id = @userId AND lesson_id = @lessonId`,
    );
    this.selectLastLesson = db.prepare<Learner, { last_lesson_id: string | null }>(
      'SELECT last_lesson_id FROM learners WHERE guild_id = @guildId AND user_id = @userId',
    );
    this.selectCompleted = db.prepare<LearnerLessonRef, { step_id: string }>(
      `SELECT c.step_id FROM step_completions c
         JOIN lesson_steps s ON s.lesson_id = c.lesson_id AND s.step_id = c.step_id AND s.current = 1
       WHERE c.guild_id = @guildId AND c.user_id = @userId AND c.lesson_id = @lessonId
       ORDER BY s.position`,
    );
    this.selectSummary = db.prepare<Learner, SummaryRow>(summarySql);
    this.selectStreak = db.prepare<Learner, { activeWeek: number | null; weeks: number }>(
      `SELECT active_week AS activeWeek, streak_weeks AS weeks FROM learners
       WHERE guild_id = @guildId AND user_id = @userId`,
    );
    this.completeInTransaction = db.transaction((event: StepCompletion) => this.recordCompletion(event));
    this.positionInTransaction = db.transaction((update: PositionUpdate) => {
      this.content.requireLesson(update.lessonId);
      this.scores.touch(update, update.at);
      this.upsertPosition.run(update);
      this.setLastLesson.run(update);
    });
  }

  /**
   * Records that a learner finished a step. The first time counts (points, maybe the lesson
   * bonus); repeats change nothing. A retired step is recorded but earns nothing.
   */
  completeStep(event: StepCompletion): CompletionResult {
    return this.completeInTransaction.immediate(event);
  }

  /** Remembers the page a learner is on, and that this lesson is the one to continue. */
  setPosition(update: PositionUpdate): void {
    this.positionInTransaction.immediate(update);
  }

  getPosition(ref: LearnerLessonRef): number | null {
    return this.selectPosition.get(ref)?.page_index ?? null;
  }

  /** The lesson the learner last opened, for /lesson next. */
  lastLesson(learner: Learner): string | null {
    return this.selectLastLesson.get(learner)?.last_lesson_id ?? null;
  }

  /** The current steps the learner has finished, in lesson order. */
  completedSteps(ref: LearnerLessonRef): string[] {
    return this.selectCompleted.all(ref).map((row) => row.step_id);
  }

  /** The learner's last active week and how many weeks in a row up to it had a learning event. */
  streak(learner: Learner): StoredStreak {
    return (
      this.selectStreak.get({ guildId: learner.guildId, userId: learner.userId }) ?? {
        activeWeek: null,
        weeks: 0,
      }
    );
  }

  /** Per-lesson progress for /progress, in course order. */
  summary(learner: Learner): LessonSummary[] {
    return this.selectSummary.all(learner).map((row) => ({
      ...row,
      verified: row.verified === 1,
      completed:
        row.stepsDone >= row.stepsTotal &&
        row.quizCorrect >= row.quizTotal &&
        row.stepsTotal + row.quizTotal > 0,
    }));
  }

  private recordCompletion(event: StepCompletion): CompletionResult {
    const step = this.content.requireStep(event.lessonId, event.stepId);
    this.scores.touchLearning(event, event.at);
    const firstTime = this.insertCompletion.run(event).changes === 1;
    if (!firstTime || !step.current) return { firstTime, pointsAwarded: 0, lessonCompleted: false };
    const completion = this.scores.creditItem(event, {
      kind: 'step',
      ledgerKind: 'step',
      points: pointsTable.stepCompleted,
      at: event.at,
      totals: step,
    });
    return {
      firstTime,
      pointsAwarded: pointsTable.stepCompleted + completion.bonus,
      lessonCompleted: completion.lessonCompleted,
    };
  }
}
