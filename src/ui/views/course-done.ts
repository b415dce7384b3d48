import type { Translate } from '../../i18n/index.js';
import type { CourseSummary } from '../../services/learner-path.js';
import { ACCENT, clip, container, separator, text } from '../components.js';
import { fitLines } from '../fit-lines.js';
import { type ComponentsMessage, componentsMessage } from '../message.js';

const TITLE_MAX = 100;

/**
 * `/lesson next` once every lesson's steps are read: the course is done, with the learner's
 * record per lesson, their points and rank, and how to open a lesson again.
 */
export function renderCourseDone(summary: CourseSummary, t: Translate): ComponentsMessage {
  const lessons = summary.lessons.map((lesson) =>
    t('courseDone.lesson', {
      lessonId: lesson.lessonId,
      title: clip(lesson.title, TITLE_MAX),
      stepsDone: lesson.stepsDone,
      stepsTotal: lesson.stepsTotal,
      quizFirstTry: lesson.quizFirstTryCorrect,
      quizTotal: lesson.quizTotal,
      verified: t(lesson.verified ? 'progress.verified' : 'progress.notVerified'),
    }),
  );
  const standing = summary.rank
    ? t('progress.rank', { points: summary.rank.points, rank: summary.rank.rank, outOf: summary.rank.outOf })
    : t('progress.unranked');
  return componentsMessage([
    container(ACCENT.correct, [
      text(`${t('courseDone.header')}\n${t('courseDone.body', { count: summary.lessons.length })}`),
      separator(),
      text(fitLines(lessons, '\n', (count) => t('lists.more', { count }))),
      separator(),
      text(`${standing}\n${t('courseDone.reopen')}`),
    ]),
  ]);
}
