import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { StoreError } from './errors.js';

const optionKeysSchema = z.array(z.string());

/** How many current steps and questions the lesson has: what completing it takes. */
export interface LessonTotals {
  stepCount: number;
  questionCount: number;
}

export interface StoredStep extends LessonTotals {
  current: boolean;
}

export interface StoredQuestion extends LessonTotals {
  answer: string;
  optionKeys: string[];
  current: boolean;
}

type TotalsRow = { step_count: number; question_count: number };

/** Checks the ids a caller passes against the stored content, with a clear error when unknown. */
export class ContentLookup {
  private readonly lesson;
  private readonly step;
  private readonly question;

  constructor(db: Database) {
    this.lesson = db.prepare<[string], { found: number }>(
      'SELECT 1 AS found FROM lessons WHERE lesson_id = ?',
    );
    // The lesson's totals come with the item, so recording an event needs one lookup.
    this.step = db.prepare<[string, string], TotalsRow & { current: number }>(
      `SELECT s.current, l.step_count, l.question_count FROM lesson_steps s
         JOIN lessons l ON l.lesson_id = s.lesson_id
       WHERE s.lesson_id = ? AND s.step_id = ?`,
    );
    this.question = db.prepare<
      [string, string],
      TotalsRow & { answer: string; option_keys: string; current: number }
    >(
      `SELECT q.answer, q.option_keys, q.current, l.step_count, l.question_count FROM lesson_questions q
         JOIN lessons l ON l.lesson_id = q.lesson_id
       WHERE q.lesson_id = ? AND q.question_id = ?`,
    );
  }

  requireLesson(lessonId: string): void {
    if (!this.lesson.get(lessonId)) {
      throw new StoreError('unknown-lesson', `No stored lesson has the id ${lessonId}.`, { lessonId });
    }
  }

  /** Whether the step is still part of the lesson (a retired step is recorded but earns nothing). */
  requireStep(lessonId: string, stepId: string): StoredStep {
    const row = this.step.get(lessonId, stepId);
    if (!row) {
      throw new StoreError('unknown-step', `Lesson ${lessonId} has no step ${stepId}.`, { lessonId, stepId });
    }
    return { current: row.current === 1, stepCount: row.step_count, questionCount: row.question_count };
  }

  requireQuestion(lessonId: string, questionId: string): StoredQuestion {
    const row = this.question.get(lessonId, questionId);
    if (!row) {
      throw new StoreError('unknown-question', `Lesson ${lessonId} has no question ${questionId}.`, {
        lessonId,
        questionId,
      });
    }
    return {
      answer: row.answer,
      optionKeys: optionKeysSchema.parse(JSON.parse(row.option_keys)),
      current: row.current === 1,
      stepCount: row.step_count,
      questionCount: row.question_count,
    };
  }
}
