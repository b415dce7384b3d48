import type { Lesson, LessonCheck } from '../content/model.js';
import {
  type AnswerResult,
  type CompletionResult,
  type Learner,
  type LearnerRank,
  type LessonSummary,
  pointsTable,
  type Store,
  type VerifiedResult,
} from '../store/index.js';
import type { CourseCatalog } from './catalog.js';
import type { LessonFlow } from './lesson-flow.js';

/** Why points were awarded; each is told to the learner with the new total. */
export type PointsReason = 'step' | 'quiz-first-try' | 'quiz-retry' | 'verified';

export interface PointsEarned {
  reason: PointsReason;
  /** The points of the step, answer or verification itself. */
  points: number;
  /** The lesson-completion bonus this event earned too (0 when it did not complete the lesson). */
  lessonBonus: number;
  /** The learner's total in this server after the award. */
  total: number;
}

/** Where a learner goes next: /verify for a lesson with an unverified check, a lesson, or nowhere. */
export type NextStep =
  | { kind: 'verify'; lesson: Lesson; check: LessonCheck }
  | { kind: 'lesson'; lesson: Lesson; pageIndex: number }
  | { kind: 'course-done' };

/** The whole course as one learner has done it: for "the course is done" and its summary. */
export interface CourseSummary {
  lessons: LessonSummary[];
  rank: LearnerRank | null;
  total: number;
}

/**
 * A learner's path through the course: what each award was worth with the new total, and what
 * comes next after a quiz, a verification or the last lesson. No Discord here.
 */
export class LearnerPath {
  constructor(
    private readonly store: Store,
    private readonly catalog: CourseCatalog,
    private readonly lessons: LessonFlow,
  ) {}

  total(learner: Learner): number {
    return this.store.leaderboard.rank(learner)?.points ?? 0;
  }

  /** A step read to its end for the first time (null for a repeat, which earns nothing). */
  stepPoints(learner: Learner, completion: CompletionResult | null | undefined): PointsEarned | null {
    if (!completion?.firstTime || completion.pointsAwarded <= 0) return null;
    return this.earned(learner, 'step', completion.pointsAwarded, completion.lessonCompleted);
  }

  /** A quiz answer that earned points: a right first try, or the first right answer of a retry. */
  answerPoints(learner: Learner, result: AnswerResult): PointsEarned | null {
    if (result.pointsAwarded <= 0) return null;
    return this.earned(
      learner,
      result.firstTry ? 'quiz-first-try' : 'quiz-retry',
      result.pointsAwarded,
      result.lessonCompleted,
    );
  }

  /** The first verification of a lesson. */
  verifiedPoints(learner: Learner, verified: VerifiedResult | null): PointsEarned | null {
    if (!verified?.firstTime || verified.pointsAwarded <= 0) return null;
    return { reason: 'verified', points: verified.pointsAwarded, lessonBonus: 0, total: this.total(learner) };
  }

  /** After a quiz: /verify when the lesson has a check not verified yet, else the next lesson. */
  afterQuiz(learner: Learner, lessonId: string): NextStep {
    const entry = this.catalog.find(lessonId);
    if (entry?.check && !this.summaryOf(learner, lessonId)?.verified)
      return { kind: 'verify', lesson: entry.lesson, check: entry.check };
    return this.nextLesson(learner, lessonId);
  }

  /**
   * The lesson after `lessonId` with a step left (course order, wrapping round to earlier ones);
   * the course is done when every lesson's steps are.
   */
  nextLesson(learner: Learner, lessonId: string): NextStep {
    const course = this.catalog.list().map((entry) => entry.lesson);
    const at = course.findIndex((lesson) => lesson.id === lessonId);
    const ordered = [...course.slice(at + 1), ...course.slice(0, at + 1)];
    for (const lesson of ordered) {
      const done = this.lessons.completedStepIds(learner, lesson);
      if (lesson.steps.some((step) => !done.has(step.id)))
        return { kind: 'lesson', lesson, pageIndex: this.lessons.firstUnfinishedPage(lesson, done) };
    }
    return { kind: 'course-done' };
  }

  /** Every step of every lesson of the course is read (a course without lessons is not done). */
  courseDone(learner: Learner): boolean {
    const course = this.catalog.list();
    return course.length > 0 && this.nextLesson(learner, course[0]!.lesson.id).kind === 'course-done';
  }

  summary(learner: Learner): CourseSummary {
    const inCourse = new Set(this.catalog.list().map((entry) => entry.lesson.id));
    const rank = this.store.leaderboard.rank(learner);
    return {
      lessons: this.store.progress.summary(learner).filter((lesson) => inCourse.has(lesson.lessonId)),
      rank,
      total: rank?.points ?? 0,
    };
  }

  private summaryOf(learner: Learner, lessonId: string): LessonSummary | undefined {
    return this.store.progress.summary(learner).find((lesson) => lesson.lessonId === lessonId);
  }

  private earned(learner: Learner, reason: PointsReason, awarded: number, completed: boolean): PointsEarned {
    const lessonBonus = completed ? pointsTable.lessonCompleted : 0;
    return { reason, points: awarded - lessonBonus, lessonBonus, total: this.total(learner) };
  }
}
