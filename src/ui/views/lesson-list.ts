import type { Translate } from '../../i18n/index.js';
import type { CatalogEntry } from '../../services/catalog.js';
import type { LessonSummary } from '../../store/index.js';
import { ACCENT, container, separator, text } from '../components.js';
import { fitLines } from '../fit-lines.js';
import { componentsMessage, type Message } from '../message.js';
import { progressBar } from '../progress-bar.js';

/** `/lesson list`: every lesson with the caller's progress bar. */
export function renderLessonList(
  entries: readonly CatalogEntry[],
  summaries: readonly LessonSummary[],
  t: Translate,
): Message {
  const byLesson = new Map(summaries.map((summary) => [summary.lessonId, summary]));
  const lines = entries.map(({ lesson }) => {
    const summary = byLesson.get(lesson.id);
    const done = summary?.stepsDone ?? 0;
    const total = summary?.stepsTotal ?? lesson.steps.length;
    const marks = [summary?.completed ? '🏁' : '', summary?.verified ? '✅' : ''].join('');
    return t('lessonList.line', {
      lessonId: lesson.id,
      title: lesson.title,
      bar: progressBar(done, total),
      done,
      total,
      marks,
    });
  });
  return componentsMessage([
    container(ACCENT.lesson, [
      text(t('lessonList.header')),
      separator(),
      text(
        lines.length > 0
          ? fitLines(lines, '\n', (count) => t('lists.more', { count }))
          : t('lessonList.empty'),
      ),
      separator(),
      text(t('lessonList.hint')),
    ]),
  ]);
}
