import type { Clock } from '../clock.js';
import type { Lesson } from '../content/model.js';
import type { AnswerResult, Learner, QuizScore, Store } from '../store/index.js';

/** Answering a lesson's quiz: every attempt is kept, points go to first tries (see the store). */
export class QuizFlow {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Records an answer; null when the question or option does not exist in this lesson. */
  answer(learner: Learner, lesson: Lesson, questionIndex: number, chosen: string): AnswerResult | null {
    const question = lesson.quiz[questionIndex];
    if (!question?.options.some((option) => option.key === chosen)) return null;
    return this.store.quiz.recordAnswer({
      ...learner,
      lessonId: lesson.id,
      questionId: question.id,
      chosen,
      at: this.clock.now(),
    });
  }

  score(learner: Learner, lesson: Lesson): QuizScore {
    return this.store.quiz.score({ ...learner, lessonId: lesson.id });
  }
}
