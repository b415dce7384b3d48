import { blocksText } from '../../content/block-text.js';
import type { Lesson } from '../../content/model.js';
import type { Translate } from '../../i18n/index.js';
import { ACCENT, container, separator, text } from '../components.js';
import { type ComponentsMessage, componentsMessage } from '../message.js';
import { pageDetails } from './lesson-page.js';

export interface RevealArgs {
  lesson: Lesson;
  pageIndex: number;
  detailsIndex: number;
  t: Translate;
}

/** The body of a `<details>` element, shown to the learner who pressed its button; null if none. */
export function renderReveal({ lesson, pageIndex, detailsIndex, t }: RevealArgs): ComponentsMessage | null {
  const details = pageDetails(lesson, pageIndex)[detailsIndex];
  if (!details) return null;
  const summary = details.summary.length > 0 ? details.summary : t('lesson.details.defaultSummary');
  const body = blocksText(details.blocks, t);
  return componentsMessage([
    container(ACCENT.lesson, [
      text(t('lesson.reveal.header', { summary })),
      ...(body.length > 0 ? [separator(), text(body)] : []),
    ]),
  ]);
}
