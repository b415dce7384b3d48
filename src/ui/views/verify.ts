import { firstPageOfStep, shortVersion } from '../../content/index.js';
import type { Lesson } from '../../content/model.js';
import type { Translate } from '../../i18n/index.js';
import type { NextStep, PointsEarned } from '../../services/learner-path.js';
import { lessonButtonIds } from '../buttons/lesson-buttons.js';
import { ACCENT, ButtonStyle, button, container, rows, separator, text } from '../components.js';
import { escapeUserText } from '../escape.js';
import { componentsMessage, type Message, publicMessage } from '../message.js';
import { nextStepSection } from './next-step.js';
import { pointsLines } from './points.js';
import type { LookupDescription } from './verify-outcome.js';

export interface VerifyView {
  lesson: Lesson;
  description: LookupDescription;
  passed: boolean;
  /** The points of a first verification, with the new total. */
  earned: PointsEarned | null;
  /** After a success: where the learner goes next. */
  next: NextStep | null;
  ownerId: string;
}

/** At most one row of step buttons under the answer. */
const maxStepButtons = 5;

/** The /verify answer: what was found, what to fix (commands filled in), and buttons to the steps. */
export function renderVerifyResult(view: VerifyView, t: Translate): Message {
  const { lesson, description } = view;
  const body = [
    description.found.length > 0 ? description.found.map((line) => `- ${line}`).join('\n') : '',
    description.fix.join('\n\n'),
    description.commands.length > 0 ? `\`\`\`bash\n${description.commands.join('\n')}\n\`\`\`` : '',
    pointsLines(view.earned, lesson.id, t).join('\n'),
  ].filter(Boolean);
  const next = view.next ? nextStepSection(view.next, view.ownerId, t) : null;
  const version = shortVersion(lesson.contentHash);
  const stepButtons = [...new Set(description.fixStepIds)]
    .map((stepId) => lesson.steps.find((step) => step.id === stepId))
    .filter((step) => step !== undefined)
    .slice(0, maxStepButtons)
    .map((step) =>
      button(
        lessonButtonIds.page.encode({
          lessonId: lesson.id,
          ownerId: view.ownerId,
          version,
          // Opening a step from here is a jump, not reading on: nothing is marked done.
          page: firstPageOfStep(lesson, step.index),
          from: firstPageOfStep(lesson, step.index),
        }),
        t('verifyResult.openStep', { title: step.title }),
        ButtonStyle.Primary,
      ),
    );
  return componentsMessage([
    container(view.passed ? ACCENT.correct : ACCENT.incorrect, [
      text(`### ${description.title}`),
      separator(),
      text(body.join('\n\n')),
      ...(next ? [separator(), text(next.text)] : []),
      ...rows([...stepButtons, ...(next?.buttons ?? [])]),
    ]),
  ]);
}

/** The public line in a study-group channel after a success (the name is escaped, nobody is pinged). */
export function renderVerifyAnnouncement(displayName: string, lesson: Lesson, t: Translate): Message {
  const name = escapeUserText(displayName, { max: 64 });
  return publicMessage(t('verifyResult.announce', { name, lessonId: lesson.id, title: lesson.title }));
}
