import type { Lesson } from '../../content/model.js';
import type { Translate } from '../../i18n/index.js';
import type { NextStep, PointsEarned } from '../../services/learner-path.js';
import { ACCENT, container, row, separator, text } from '../components.js';
import { type ComponentsMessage, componentsMessage } from '../message.js';
import { nextStepSection } from './next-step.js';
import { pointsLines } from './points.js';

export interface LessonFinishedView {
  lesson: Lesson;
  earned: PointsEarned | null;
  next: NextStep;
  ownerId: string;
  t: Translate;
}

/** "완료" on the last page of a lesson without a quiz: its points and what comes next. */
export function renderLessonFinished(view: LessonFinishedView): ComponentsMessage {
  const { lesson, t } = view;
  const next = nextStepSection(view.next, view.ownerId, t);
  return componentsMessage([
    container(ACCENT.correct, [
      text(
        [t('lesson.finished', { lessonId: lesson.id }), ...pointsLines(view.earned, lesson.id, t)].join('\n'),
      ),
      separator(),
      text(next.text),
      ...(next.buttons.length > 0 ? [row(next.buttons)] : []),
    ]),
  ]);
}
