import type { Clock } from '../clock.js';
import { firstPageOfStep, paginateLesson } from '../content/index.js';
import type { Lesson } from '../content/model.js';
import type { CompletionResult, Learner, Store } from '../store/index.js';

export interface PageView {
  lesson: Lesson;
  pageIndex: number;
  completedStepIds: ReadonlySet<string>;
  /** Set when getting here completed a step (its last page left with ▶): its points, if any. */
  completion?: CompletionResult | null;
}

/**
 * Moving through a lesson: where a learner resumes, and when a step counts as done (when its
 * last page is left with ▶, or the lesson's last page is finished). No Discord here.
 */
export class LessonFlow {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  completedStepIds(learner: Learner, lesson: Lesson): Set<string> {
    return new Set(this.store.progress.completedSteps({ ...learner, lessonId: lesson.id }));
  }

  /** The first page of the first step not done yet; the last page when every step is done. */
  firstUnfinishedPage(lesson: Lesson, completed: ReadonlySet<string>): number {
    const step = lesson.steps.find((candidate) => !completed.has(candidate.id));
    return step ? firstPageOfStep(lesson, step.index) : paginateLesson(lesson).length - 1;
  }

  /** Opens a lesson at a 1-based step, or where the learner should continue; remembers the place. */
  open(learner: Learner, lesson: Lesson, stepNumber?: number): PageView {
    const completedStepIds = this.completedStepIds(learner, lesson);
    const pageIndex =
      stepNumber === undefined
        ? this.firstUnfinishedPage(lesson, completedStepIds)
        : firstPageOfStep(lesson, stepNumber - 1);
    this.remember(learner, lesson, pageIndex);
    return { lesson, pageIndex, completedStepIds };
  }

  /** The lesson a learner was last in, if it is still part of the course. */
  lastLessonId(learner: Learner): string | null {
    return this.store.progress.lastLesson(learner);
  }

  /**
   * `/lesson next`: the first unfinished step of the lesson the learner was last in, else of the
   * next lesson of the course with one left, else the last lesson they were in (or the first
   * lesson) where it resumes. Null when the course has no lessons.
   */
  continueIn(learner: Learner, course: readonly Lesson[]): PageView | null {
    if (course.length === 0) return null;
    const lastId = this.lastLessonId(learner);
    const start = Math.max(
      course.findIndex((lesson) => lesson.id === lastId),
      0,
    );
    const unfinished = course.slice(start).find((lesson) => {
      const done = this.completedStepIds(learner, lesson);
      return lesson.steps.some((step) => !done.has(step.id));
    });
    return this.open(learner, unfinished ?? course[start]!);
  }

  /**
   * Shows page `to`, coming from page `from`. Going forward off the last page of a step marks
   * that step done (the first time counts; repeats change nothing).
   */
  turn(learner: Learner, lesson: Lesson, from: number, to: number): PageView {
    const pages = paginateLesson(lesson);
    const target = Math.min(Math.max(to, 0), pages.length - 1);
    const leaving = pages[from];
    const completion =
      leaving && target === from + 1 && leaving.part === leaving.partCount - 1
        ? this.complete(learner, lesson, leaving.stepId)
        : null;
    this.remember(learner, lesson, target);
    return {
      lesson,
      pageIndex: target,
      completedStepIds: this.completedStepIds(learner, lesson),
      completion,
    };
  }

  /** The learner pressed the quiz / finish button on the last page: its step is done. */
  finish(learner: Learner, lesson: Lesson): CompletionResult {
    const pages = paginateLesson(lesson);
    const last = pages[pages.length - 1]!;
    this.remember(learner, lesson, last.index);
    return this.complete(learner, lesson, last.stepId);
  }

  private complete(learner: Learner, lesson: Lesson, stepId: string): CompletionResult {
    return this.store.progress.completeStep({
      ...learner,
      lessonId: lesson.id,
      stepId,
      at: this.clock.now(),
    });
  }

  private remember(learner: Learner, lesson: Lesson, pageIndex: number): void {
    this.store.progress.setPosition({ ...learner, lessonId: lesson.id, pageIndex, at: this.clock.now() });
  }
}
