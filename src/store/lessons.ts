import type { Database } from 'better-sqlite3';
import type { Course, Lesson, LessonCheck } from '../content/model.js';
import { StoreError } from './errors.js';
import { parseStoredCheck, parseStoredLesson } from './lesson-schema.js';
import type { EpochMs } from './types.js';

export interface LessonChange {
  lessonId: string;
  stepsAdded: string[];
  stepsRemoved: string[];
  questionsAdded: string[];
  questionsRemoved: string[];
}

/** What `/course reload` reports. */
export interface SyncReport {
  /** New lessons, with their steps and questions listed as added. */
  added: LessonChange[];
  /** Upsert lessons whose content hash changed. */
  updated: LessonChange[];
  /** Same content hash as stored. */
  unchanged: string[];
  /** Insert-mode lessons already stored with other content: the stored content stays. */
  skipped: string[];
  /** Lessons no longer in the course: kept (with their learners' history) but not listed. */
  retired: string[];
}

export interface StoredLesson {
  lesson: Lesson;
  /** What /verify checks for it, as course.yaml said when it was last stored. */
  check: LessonCheck | null;
  /** 0-based course order. */
  position: number;
  storedAt: EpochMs;
}

interface LessonRow {
  lesson_id: string;
  content_hash: string;
  position: number;
  stored_at: number;
  check_json: string | null;
}

/** Content as the store keeps it: the course order, each lesson's JSON, and its step and question ids. */
export class LessonRepository {
  private readonly selectStored;
  private readonly selectOne;
  private readonly selectByFile;
  private readonly selectJson;
  private readonly insertLesson;
  private readonly updateContent;
  private readonly updatePlacement;
  private readonly retireLesson;
  private readonly currentSteps;
  private readonly currentQuestions;
  private readonly upsertStep;
  private readonly upsertQuestion;
  private readonly retireStep;
  private readonly retireQuestion;
  private readonly recountProgress;
  private readonly syncAll;
  /** Parsed lessons by id and content hash, so listing does not re-validate unchanged JSON. */
  private readonly parsed = new Map<string, Lesson>();

  constructor(
    db: Database,
    private readonly now: () => EpochMs,
  ) {
    this.selectStored = db.prepare<[], LessonRow & { in_course: number }>(
      'SELECT lesson_id, content_hash, position, stored_at, check_json, in_course FROM lessons ORDER BY position, lesson_id',
    );
    this.selectOne = db.prepare<[string], LessonRow>(
      'SELECT lesson_id, content_hash, position, stored_at, check_json FROM lessons WHERE lesson_id = ?',
    );
    this.selectByFile = db.prepare<[string], LessonRow>(
      `SELECT lesson_id, content_hash, position, stored_at, check_json FROM lessons WHERE file = ?
       ORDER BY in_course DESC, stored_at DESC LIMIT 1`,
    );
    this.selectJson = db.prepare<[string], { content_json: string }>(
      'SELECT content_json FROM lessons WHERE lesson_id = ?',
    );
    this.insertLesson = db.prepare(
      `INSERT INTO lessons (lesson_id, position, in_course, title, file, update_mode, content_hash, content_json,
         step_count, question_count, stored_at, check_json)
       VALUES (@lessonId, @position, 1, @title, @file, @updateMode, @contentHash, @json, @stepCount, @questionCount, @at,
         @checkJson)`,
    );
    this.updateContent = db.prepare(
      `UPDATE lessons SET title = @title, file = @file, update_mode = @updateMode, content_hash = @contentHash,
         content_json = @json, step_count = @stepCount, question_count = @questionCount, stored_at = @at
       WHERE lesson_id = @lessonId`,
    );
    this.updatePlacement = db.prepare<{ lessonId: string; position: number; checkJson: string | null }>(
      'UPDATE lessons SET position = @position, in_course = 1, check_json = @checkJson WHERE lesson_id = @lessonId',
    );
    this.retireLesson = db.prepare<[string]>('UPDATE lessons SET in_course = 0 WHERE lesson_id = ?');
    this.currentSteps = db.prepare<[string], { id: string }>(
      'SELECT step_id AS id FROM lesson_steps WHERE lesson_id = ? AND current = 1',
    );
    this.currentQuestions = db.prepare<[string], { id: string }>(
      'SELECT question_id AS id FROM lesson_questions WHERE lesson_id = ? AND current = 1',
    );
    this.upsertStep = db.prepare(
      `INSERT INTO lesson_steps (lesson_id, step_id, position, title, current)
       VALUES (@lessonId, @stepId, @position, @title, 1)
       ON CONFLICT (lesson_id, step_id) DO UPDATE SET position = excluded.position, title = excluded.title, current = 1`,
    );
    this.upsertQuestion = db.prepare(
      `INSERT INTO lesson_questions (lesson_id, question_id, position, answer, option_keys, current)
       VALUES (@lessonId, @questionId, @position, @answer, @optionKeys, 1)
       ON CONFLICT (lesson_id, question_id) DO UPDATE SET
         position = excluded.position, answer = excluded.answer, option_keys = excluded.option_keys, current = 1`,
    );
    this.retireStep = db.prepare<[string, string]>(
      'UPDATE lesson_steps SET current = 0 WHERE lesson_id = ? AND step_id = ?',
    );
    this.retireQuestion = db.prepare<[string, string]>(
      'UPDATE lesson_questions SET current = 0 WHERE lesson_id = ? AND question_id = ?',
    );
    this.recountProgress = prepareRecount(db);
    this.syncAll = db.transaction((course: Course, at: EpochMs) => this.syncInTransaction(course, at));
  }

  /**
   * Stores the course in one transaction, following each lesson's updateMode: upsert replaces
   * changed content and keeps progress by stable step ids; insert stores a lesson only when
   * it is absent.
   */
  sync(course: Course, at: EpochMs = this.now()): SyncReport {
    return this.syncAll.immediate(course, at);
  }

  /** The lessons of the current course, in course order, as last stored. */
  list(): StoredLesson[] {
    return this.selectStored
      .all()
      .filter((row) => row.in_course === 1)
      .map((row) => this.stored(row));
  }

  /** A stored lesson (also a retired one, for old buttons), or undefined. */
  get(lessonId: string): Lesson | undefined {
    const row = this.selectOne.get(lessonId);
    return row ? this.parse(row) : undefined;
  }

  /** The lesson last stored from a file (one of the course first), for serving it while the file is malformed. */
  findByFile(file: string): StoredLesson | undefined {
    const row = this.selectByFile.get(file);
    return row ? this.stored(row) : undefined;
  }

  private stored(row: LessonRow): StoredLesson {
    return {
      lesson: this.parse(row),
      check: parseStoredCheck(row.check_json),
      position: row.position,
      storedAt: row.stored_at,
    };
  }

  private parse(row: LessonRow): Lesson {
    const cacheKey = `${row.lesson_id}\n${row.content_hash}`;
    const cached = this.parsed.get(cacheKey);
    if (cached) return cached;
    const lesson = parseStoredLesson(this.selectJson.get(row.lesson_id)?.content_json ?? 'null');
    if (!lesson) {
      throw new StoreError(
        'stored-lesson-invalid',
        `The stored content of lesson ${row.lesson_id} does not match the lesson model; run /course reload.`,
        { lessonId: row.lesson_id },
      );
    }
    this.parsed.set(cacheKey, lesson);
    return lesson;
  }

  private syncInTransaction(course: Course, at: EpochMs): SyncReport {
    const report: SyncReport = { added: [], updated: [], unchanged: [], skipped: [], retired: [] };
    const stored = new Map(this.selectStored.all().map((row) => [row.lesson_id, row]));
    const inCourse = new Set<string>();
    course.entries.forEach(({ lesson, check }, position) => {
      inCourse.add(lesson.id);
      const existing = stored.get(lesson.id);
      const checkJson = check === null ? null : JSON.stringify(check);
      if (!existing) {
        this.insertLesson.run({ ...this.lessonParams(lesson, at, position), checkJson });
        report.added.push(this.replaceItems(lesson));
        return;
      }
      this.updatePlacement.run({ lessonId: lesson.id, position, checkJson });
      const params = this.lessonParams(lesson, at, position);
      const sameSource = existing.content_hash === lesson.contentHash;
      if (sameSource && this.selectJson.get(lesson.id)?.content_json === params.json) {
        report.unchanged.push(lesson.id);
      } else if (sameSource) {
        // Same file, but the parser's output changed (a new model version): refresh quietly.
        this.updateContent.run(params);
        const change = this.replaceItems(lesson);
        if (hasItemChanges(change)) report.updated.push(change);
        else report.unchanged.push(lesson.id);
      } else if (lesson.meta.updateMode === 'insert') {
        report.skipped.push(lesson.id);
      } else {
        this.updateContent.run(params);
        report.updated.push(this.replaceItems(lesson));
      }
    });
    for (const row of stored.values()) {
      if (row.in_course === 1 && !inCourse.has(row.lesson_id)) {
        this.retireLesson.run(row.lesson_id);
        report.retired.push(row.lesson_id);
      }
    }
    return report;
  }

  private lessonParams(lesson: Lesson, at: EpochMs, position: number) {
    return {
      lessonId: lesson.id,
      position,
      title: lesson.title,
      file: lesson.file,
      updateMode: lesson.meta.updateMode,
      contentHash: lesson.contentHash,
      json: JSON.stringify(lesson),
      stepCount: new Set(lesson.steps.map((step) => step.id)).size,
      questionCount: new Set(lesson.quiz.map((question) => question.id)).size,
      at,
    };
  }

  /** Marks the lesson's steps and questions current, retires the ones that left, and says which. */
  private replaceItems(lesson: Lesson): LessonChange {
    const lessonId = lesson.id;
    const stepsBefore = new Set(this.currentSteps.all(lessonId).map((row) => row.id));
    const questionsBefore = new Set(this.currentQuestions.all(lessonId).map((row) => row.id));
    for (const step of lesson.steps) {
      this.upsertStep.run({ lessonId, stepId: step.id, position: step.index, title: step.title });
    }
    for (const [position, question] of lesson.quiz.entries()) {
      this.upsertQuestion.run({
        lessonId,
        questionId: question.id,
        position,
        answer: question.answer,
        optionKeys: JSON.stringify(question.options.map((option) => option.key)),
      });
    }
    const stepIds = new Set(lesson.steps.map((step) => step.id));
    const questionIds = new Set(lesson.quiz.map((question) => question.id));
    const stepsRemoved = [...stepsBefore].filter((id) => !stepIds.has(id));
    const questionsRemoved = [...questionsBefore].filter((id) => !questionIds.has(id));
    for (const id of stepsRemoved) this.retireStep.run(lessonId, id);
    for (const id of questionsRemoved) this.retireQuestion.run(lessonId, id);
    const change: LessonChange = {
      lessonId,
      stepsAdded: [...stepIds].filter((id) => !stepsBefore.has(id)),
      stepsRemoved,
      questionsAdded: [...questionIds].filter((id) => !questionsBefore.has(id)),
      questionsRemoved,
    };
    if (hasItemChanges(change)) this.recountProgress(lessonId);
    return change;
  }
}

/**
 * Recomputes every learner's counters of current steps done and current questions answered
 * correctly in one lesson, after its set of current items changed. Learners with history but no
 * score row get one first (0 points), so an item coming back counts what they did before.
 */
function prepareRecount(db: Database): (lessonId: string) => void {
  const fromCompletions = db.prepare<[string]>(
    `INSERT INTO lesson_scores (guild_id, user_id, lesson_id)
       SELECT DISTINCT guild_id, user_id, lesson_id FROM step_completions WHERE lesson_id = ?
     ON CONFLICT DO NOTHING`,
  );
  const fromResults = db.prepare<[string]>(
    `INSERT INTO lesson_scores (guild_id, user_id, lesson_id)
       SELECT DISTINCT guild_id, user_id, lesson_id FROM quiz_results WHERE lesson_id = ? AND correct_at IS NOT NULL
     ON CONFLICT DO NOTHING`,
  );
  const recount = db.prepare<[string]>(
    `UPDATE lesson_scores SET
       steps_done = (SELECT COUNT(*) FROM step_completions c
         JOIN lesson_steps s ON s.lesson_id = c.lesson_id AND s.step_id = c.step_id AND s.current = 1
         WHERE c.guild_id = lesson_scores.guild_id AND c.lesson_id = lesson_scores.lesson_id
           AND c.user_id = lesson_scores.user_id),
       questions_correct = (SELECT COUNT(*) FROM quiz_results r
         JOIN lesson_questions q ON q.lesson_id = r.lesson_id AND q.question_id = r.question_id AND q.current = 1
         WHERE r.guild_id = lesson_scores.guild_id AND r.user_id = lesson_scores.user_id
           AND r.lesson_id = lesson_scores.lesson_id AND r.correct_at IS NOT NULL)
     WHERE lesson_id = ?`,
  );
  return (lessonId) => {
    fromCompletions.run(lessonId);
    fromResults.run(lessonId);
    recount.run(lessonId);
  };
}

function hasItemChanges(change: LessonChange): boolean {
  return (
    change.stepsAdded.length +
      change.stepsRemoved.length +
      change.questionsAdded.length +
      change.questionsRemoved.length >
    0
  );
}
