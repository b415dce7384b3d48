import type { Database } from 'better-sqlite3';
import type { ContentLookup } from './content-lookup.js';
import { StoreError } from './errors.js';
import { pointsTable, type Scorekeeper } from './scoring.js';
import type { EpochMs, LearnerLessonRef } from './types.js';

export interface QuizAnswer extends LearnerLessonRef {
  questionId: string;
  /** The option key the learner pressed ("A", "B", …). */
  chosen: string;
  at: EpochMs;
}

export interface AnswerResult {
  /** This was the learner's first answer to the question. */
  firstTry: boolean;
  correct: boolean;
  /** The correct option key, from the stored content. */
  answer: string;
  pointsAwarded: number;
  /** This answer made the lesson complete. */
  lessonCompleted: boolean;
}

export interface QuizScore {
  /** Current questions in the lesson. */
  total: number;
  answered: number;
  firstTryCorrect: number;
  /** Answered correctly at least once. */
  correct: number;
}

export interface QuestionState {
  questionId: string;
  attempts: number;
  firstChoice: string;
  firstCorrect: boolean;
  correct: boolean;
}

interface ResultRow {
  attempts: number;
  correct_at: number | null;
}

/** Quiz answers: every attempt, plus the per-question first try and first correct answer. */
export class QuizRepository {
  private readonly insertAttempt;
  private readonly selectResult;
  private readonly insertResult;
  private readonly updateResult;
  private readonly selectScore;
  private readonly selectStates;
  private readonly answerInTransaction;

  constructor(
    db: Database,
    private readonly content: ContentLookup,
    private readonly scores: Scorekeeper,
  ) {
    this.insertAttempt = db.prepare<QuizAnswer & { correct: number }>(
      `INSERT INTO quiz_attempts (guild_id, user_id, lesson_id, question_id, chosen, correct, answered_at)
       VALUES (@guildId, @userId, @lessonId, @questionId, @chosen, @correct, @at)`,
    );
    this.selectResult = db.prepare<QuizAnswer, ResultRow>(
      `SELECT attempts, correct_at FROM quiz_results
       WHERE guild_id = @guildId AND user_id = @userId AND lesson_id = @lessonId AND question_id = @questionId`,
    );
    this.insertResult = db.prepare<QuizAnswer & { correct: number; correctAt: number | null }>(
      `INSERT INTO quiz_results (guild_id, user_id, lesson_id, question_id, first_choice, first_correct,
         first_answered_at, attempts, correct_at)
       VALUES (@guildId, @userId, @lessonId, @questionId, @chosen, @correct, @at, 1, @correctAt)`,
    );
    this.updateResult = db.prepare<QuizAnswer & { correctAt: number | null }>(
      `UPDATE quiz_results SET attempts = attempts + 1, correct_at = COALESCE(correct_at, @correctAt)
       WHERE guild_id = @guildId AND user_id = @userId AND lesson_id = @lessonId AND question_id = @questionId`,
    );
    this.selectScore = db.prepare<LearnerLessonRef, QuizScore>(
      `SELECT
         COALESCE((SELECT question_count FROM lessons WHERE lesson_id = @lessonId), 0) AS total,
         COUNT(r.question_id) AS answered,
         COALESCE(SUM(r.first_correct), 0) AS firstTryCorrect,
         COUNT(r.correct_at) AS correct
       FROM quiz_results r
         JOIN lesson_questions q ON q.lesson_id = r.lesson_id AND q.question_id = r.question_id AND q.current = 1
       WHERE r.guild_id = @guildId AND r.user_id = @userId AND r.lesson_id = @lessonId`,
    );
    this.selectStates = db.prepare<
      LearnerLessonRef,
      { questionId: string; attempts: number; firstChoice: string; firstCorrect: number; correct: number }
    >(
      `SELECT r.question_id AS questionId, r.attempts, r.first_choice AS firstChoice,
         r.first_correct AS firstCorrect, r.correct_at IS NOT NULL AS correct
       FROM quiz_results r
         JOIN lesson_questions q ON q.lesson_id = r.lesson_id AND q.question_id = r.question_id AND q.current = 1
       WHERE r.guild_id = @guildId AND r.user_id = @userId AND r.lesson_id = @lessonId
       ORDER BY q.position`,
    );
    this.answerInTransaction = db.transaction((answer: QuizAnswer) => this.recordInTransaction(answer));
  }

  /**
   * Records an answer. A correct first try earns the most; a later first correct answer earns
   * less, once per question; anything after that earns nothing. A retired question earns nothing.
   */
  recordAnswer(answer: QuizAnswer): AnswerResult {
    return this.answerInTransaction.immediate(answer);
  }

  score(ref: LearnerLessonRef): QuizScore {
    const row = this.selectScore.get(ref);
    return row ?? { total: 0, answered: 0, firstTryCorrect: 0, correct: 0 };
  }

  /** The learner's state per answered current question, in quiz order. */
  questionStates(ref: LearnerLessonRef): QuestionState[] {
    return this.selectStates.all(ref).map((row) => ({
      ...row,
      firstCorrect: row.firstCorrect === 1,
      correct: row.correct === 1,
    }));
  }

  private recordInTransaction(answer: QuizAnswer): AnswerResult {
    const question = this.content.requireQuestion(answer.lessonId, answer.questionId);
    if (!question.optionKeys.includes(answer.chosen)) {
      throw new StoreError(
        'unknown-option',
        `Question ${answer.questionId} of lesson ${answer.lessonId} has no option ${answer.chosen}.`,
        { lessonId: answer.lessonId, questionId: answer.questionId, chosen: answer.chosen },
      );
    }
    const correct = answer.chosen === question.answer;
    const correctAt = correct ? answer.at : null;
    this.scores.touchLearning(answer, answer.at);
    this.insertAttempt.run({ ...answer, correct: correct ? 1 : 0 });
    const previous = this.selectResult.get(answer);
    if (previous) this.updateResult.run({ ...answer, correctAt });
    else this.insertResult.run({ ...answer, correct: correct ? 1 : 0, correctAt });

    const firstTry = previous === undefined;
    const firstCorrect = correct && (previous === undefined || previous.correct_at === null);
    const base = { firstTry, correct, answer: question.answer };
    if (!firstCorrect || !question.current) return { ...base, pointsAwarded: 0, lessonCompleted: false };
    const points = firstTry ? pointsTable.quizFirstTryCorrect : pointsTable.quizLaterCorrect;
    const completion = this.scores.creditItem(answer, {
      kind: 'question',
      ledgerKind: firstTry ? 'quiz-first-try' : 'quiz-retry',
      points,
      at: answer.at,
      totals: question,
    });
    return { ...base, pointsAwarded: points + completion.bonus, lessonCompleted: completion.lessonCompleted };
  }
}
