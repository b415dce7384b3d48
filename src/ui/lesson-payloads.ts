import { type ContentProblem, problem } from '../content/errors.js';
import type { Lesson } from '../content/model.js';
import { paginateLesson } from '../content/paginate.js';
import { type MessageKey, type MessageParams, type Translate, translator } from '../i18n/index.js';
import type { PointsEarned } from '../services/learner-path.js';
import { checkPayloadLimits, type LimitViolation, violationMessageKey } from './limits.js';
import type { ComponentsMessage } from './message.js';
import { pageDetails, renderLessonPage } from './views/lesson-page.js';
import { LONGEST_EARNED } from './views/points.js';
import { renderQuizAnswer, renderQuizQuestion, renderQuizScore } from './views/quiz.js';
import { renderReveal } from './views/reveal.js';

/** The longest owner id Discord can send: payloads are checked with it so real ids always fit. */
export const LONGEST_OWNER_ID = '99999999999999999999';

export type RenderedKind = 'page' | 'reveal' | 'question' | 'answer' | 'score';

export interface RenderedItem {
  kind: RenderedKind;
  /** Says where the payload comes from ("페이지 3", "문제 2의 보기 B 답변"). */
  where: { key: MessageKey; params: MessageParams };
  /** The lesson line the payload is made from, for error messages. */
  line: number;
  payload: ComponentsMessage;
  /** For reveals: the page, the label of the button that opens it and the summary beside it. */
  pageIndex?: number;
  label?: string;
  summary?: string;
  /** For answers: the question number and the chosen option key. */
  questionNumber?: number;
  optionKey?: string;
}

/**
 * Every payload a lesson can produce: all pages, every reveal, every question, every answer
 * to every option, and the score. Used by the limit checks, content:check and content:preview.
 */
export function renderAll(
  lesson: Lesson,
  t: Translate = translator('ko'),
  ownerId = LONGEST_OWNER_ID,
  /** Shown on every page as if reaching it had completed a step (the limit checks' worst case). */
  earned: PointsEarned | null = null,
): RenderedItem[] {
  const items: RenderedItem[] = [];
  const pages = paginateLesson(lesson);
  for (const page of pages) {
    const step = lesson.steps[page.stepIndex]!;
    items.push({
      kind: 'page',
      where: { key: 'content.where.page', params: { page: page.index + 1 } },
      line: page.blocks[0]?.line ?? step.line,
      payload: renderLessonPage({ lesson, pageIndex: page.index, ownerId, t, earned }),
    });
  }
  for (const page of pages) {
    pageDetails(lesson, page.index).forEach((details, detailsIndex) => {
      items.push({
        kind: 'reveal',
        where: { key: 'content.where.reveal', params: { page: page.index + 1, details: detailsIndex + 1 } },
        line: details.line,
        payload: renderReveal({ lesson, pageIndex: page.index, detailsIndex, t })!,
        pageIndex: page.index,
        label: t('lesson.details.reveal'),
        summary: details.label.length > 0 ? details.label : t('lesson.details.defaultSummary'),
      });
    });
  }
  lesson.quiz.forEach((question, questionIndex) => {
    items.push({
      kind: 'question',
      where: { key: 'content.where.question', params: { number: question.number } },
      line: question.line,
      payload: renderQuizQuestion({ lesson, questionIndex, ownerId, t })!,
    });
    for (const option of question.options) {
      items.push({
        kind: 'answer',
        where: { key: 'content.where.answer', params: { number: question.number, key: option.key } },
        line: question.line,
        payload: renderQuizAnswer({ lesson, questionIndex, chosenKey: option.key, ownerId, t })!,
        questionNumber: question.number,
        optionKey: option.key,
      });
    }
  });
  if (lesson.quiz.length > 0) {
    items.push({
      kind: 'score',
      where: { key: 'content.where.score', params: {} },
      line: lesson.quiz[0]!.line,
      payload: renderQuizScore({ lesson, correctCount: lesson.quiz.length, ownerId, t }),
    });
  }
  return items;
}

function describe(violation: LimitViolation, t: Translate): string {
  return t(violationMessageKey(violation.rule), {
    actual: violation.actual ?? 0,
    limit: violation.limit ?? 0,
  });
}

/**
 * Problems for every payload of the lesson that Discord would refuse (a lesson rule: see
 * src/app/course-reading.ts). Pages are checked with the longest points note they can show.
 */
export function checkLessonPayloads(lesson: Lesson, file: string = lesson.file): ContentProblem[] {
  const t = translator('ko');
  return renderAll(lesson, t, LONGEST_OWNER_ID, LONGEST_EARNED).flatMap((item) =>
    checkPayloadLimits(item.payload).map((violation) =>
      problem(file, item.line, 'content.error.payloadLimit', {
        where: t.loose(item.where),
        detail: describe(violation, t),
      }),
    ),
  );
}
