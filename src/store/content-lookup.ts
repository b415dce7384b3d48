import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { StoreError } from './errors.js';

const optionKeysSchema = z.array(z.string());

export interface StoredQuestion {
  answer: string;
  optionKeys: string[];
  current: boolean;
}

/** Checks the ids a caller passes against the stored content, with a clear error when unknown. */
export class ContentLookup {
  private readonly lesson;
  private readonly step;
  private readonly question;

  constructor(db: Database) {
    this.lesson = db.prepare<[string], { found: number }>(
      'SELECT 1 AS found FROM lessons WHERE lesson_id = ?',
    );
    this.step = db.prepare<[string, string], { current: number }>(
      'SELECT current FROM lesson_steps WHERE lesson_id = ? AND step_id = ?',
    );
    this.question = db.prepare<[string, string], { answer: string; option_keys: string; current: number }>(
      'SELECT answer, option_keys, current FROM lesson_questions WHERE lesson_id = ? AND question_id = ?',
    );
  }

  requireLesson(lessonId: string): void {
    if (!this.lesson.get(lessonId)) {
      throw new StoreError('unknown-lesson', `No stored lesson has the id ${lessonId}.`, { lessonId });
    }
  }

  /** Whether the step is still part of the lesson (a retired step is recorded but earns nothing). */
  requireStep(lessonId: string, stepId: string): { current: boolean } {
    const row = this.step.get(lessonId, stepId);
    if (!row) {
      throw new StoreError('unknown-step', `Lesson ${lessonId} has no step ${stepId}.`, { lessonId, stepId });
    }
    return { current: row.current === 1 };
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
    };
  }
}
