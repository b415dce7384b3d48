import type { APIButtonComponentWithCustomId } from 'discord-api-types/v10';
import { shortVersion } from '../../content/source.js';
import type { Translate } from '../../i18n/index.js';
import type { NextStep } from '../../services/learner-path.js';
import { pointsTable } from '../../store/index.js';
import { lessonButtonIds } from '../buttons/lesson-buttons.js';
import { ButtonStyle, button, clip } from '../components.js';

export interface NextStepSection {
  text: string;
  buttons: APIButtonComponentWithCustomId[];
}

const TITLE_MAX = 100;

/**
 * "What's next" under a quiz result or a verification: /verify (a clickable command), the next
 * lesson (with a button that opens it where the learner should start), or the course is done.
 */
export function nextStepSection(next: NextStep, ownerId: string, t: Translate): NextStepSection {
  const header = t('next.header');
  switch (next.kind) {
    case 'verify':
      return {
        text: `${header}\n${t('next.verify', { points: pointsTable.lessonVerified })}`,
        buttons: [],
      };
    case 'lesson': {
      const { lesson, pageIndex } = next;
      const open = button(
        lessonButtonIds.page.encode({
          lessonId: lesson.id,
          ownerId,
          version: shortVersion(lesson.contentHash),
          // Opening a lesson is a jump, not reading on: nothing is marked done.
          page: pageIndex,
          from: pageIndex,
        }),
        t('next.lessonButton', { lessonId: lesson.id }),
        ButtonStyle.Success,
      );
      return {
        text: `${header}\n${t('next.lesson', { lessonId: lesson.id, title: clip(lesson.title, TITLE_MAX) })}`,
        buttons: [open],
      };
    }
    case 'course-done':
      return { text: `${header}\n${t('next.courseDone')}`, buttons: [] };
  }
}
