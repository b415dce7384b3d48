import type { APIComponentInContainer } from 'discord-api-types/v10';
import { blocksText } from '../../content/block-text.js';
import type { Block, Lesson } from '../../content/model.js';
import { paginateLesson } from '../../content/paginate.js';
import { shortVersion } from '../../content/source.js';
import type { Translate } from '../../i18n/index.js';
import type { PointsEarned } from '../../services/learner-path.js';
import { lessonButtonIds } from '../buttons/lesson-buttons.js';
import {
  ACCENT,
  ButtonStyle,
  button,
  clip,
  container,
  row,
  sectionWithButton,
  separator,
  text,
} from '../components.js';
import { type ComponentsMessage, componentsMessage } from '../message.js';
import { pointsLines } from './points.js';

export interface LessonPageArgs {
  lesson: Lesson;
  /** Clamped into the lesson's pages, so a stale button still lands on a real page. */
  pageIndex: number;
  ownerId: string;
  t: Translate;
  completedStepIds?: ReadonlySet<string>;
  /** Getting here completed a step (▶ off its last page): its points, said under the title. */
  earned?: PointsEarned | null | undefined;
}

const TITLE_MAX = 100;
const STEP_TITLE_MAX = 150;

/**
 * One lesson page: header (lesson · section · page k/n), the step's title and text, each
 * `<details>` as a reveal button, and ◀ k/n ▶ navigation. The last page offers the quiz, or
 * "완료" for a lesson without one.
 */
export function renderLessonPage(args: LessonPageArgs): ComponentsMessage {
  const { lesson, ownerId, t } = args;
  const pages = paginateLesson(lesson);
  const pageIndex = Math.min(Math.max(Math.trunc(args.pageIndex) || 0, 0), pages.length - 1);
  const page = pages[pageIndex]!;
  const step = lesson.steps[page.stepIndex]!;
  const version = shortVersion(lesson.contentHash);
  const ids = { lessonId: lesson.id, ownerId, version };
  const done = args.completedStepIds?.has(step.id) ?? false;

  const stepTitle = clip(step.title, STEP_TITLE_MAX);
  // A whole-section step has the section as its title: say it once.
  const header = t(step.section === step.title ? 'lesson.page.headerNoSection' : 'lesson.page.header', {
    lessonId: lesson.id,
    lessonTitle: clip(lesson.title, TITLE_MAX),
    section: clip(step.section, TITLE_MAX),
    page: pageIndex + 1,
    pageCount: pages.length,
  });
  const titleLine = [
    t(done ? 'lesson.page.stepTitleDone' : 'lesson.page.stepTitle', { title: stepTitle }),
    page.partCount > 1 ? t('lesson.page.part', { part: page.part + 1, partCount: page.partCount }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const completed = pointsLines(args.earned, lesson.id, t)
    .map((line) => `-# ${line}`)
    .join('\n');

  const body = bodyComponents(page.blocks, t, (detailsIndex) =>
    lessonButtonIds.reveal.encode({ ...ids, page: pageIndex, details: detailsIndex }),
  );

  const isLast = pageIndex === pages.length - 1;
  const navigation = [
    ...(pageIndex > 0
      ? [
          button(
            lessonButtonIds.page.encode({ ...ids, page: pageIndex - 1, from: pageIndex }),
            t('lesson.nav.previous'),
          ),
        ]
      : []),
    button(
      lessonButtonIds.page.encode({ ...ids, page: pageIndex, from: pageIndex }),
      t('lesson.nav.indicator', { page: pageIndex + 1, pageCount: pages.length }),
      ButtonStyle.Secondary,
      true,
    ),
    isLast
      ? lesson.quiz.length > 0
        ? button(lessonButtonIds.quiz.encode(ids), t('lesson.nav.quiz'), ButtonStyle.Success)
        : button(lessonButtonIds.finish.encode(ids), t('lesson.nav.finish'), ButtonStyle.Success)
      : button(
          lessonButtonIds.page.encode({ ...ids, page: pageIndex + 1, from: pageIndex }),
          t('lesson.nav.next'),
          ButtonStyle.Primary,
        ),
  ];

  return componentsMessage([
    container(ACCENT.lesson, [
      text([header, titleLine, completed].filter(Boolean).join('\n')),
      separator(),
      ...body,
      ...(body.length > 0 ? [separator()] : []),
      row(navigation),
    ]),
  ]);
}

/**
 * A page's blocks as components: runs of ordinary blocks become one text display, and each
 * `<details>` becomes its summary with a reveal button beside it.
 */
function bodyComponents(
  blocks: readonly Block[],
  t: Translate,
  revealId: (detailsIndex: number) => string,
): APIComponentInContainer[] {
  const components: APIComponentInContainer[] = [];
  let run: Block[] = [];
  let detailsIndex = 0;
  const flush = () => {
    if (run.length > 0) components.push(text(blocksText(run, t)));
    run = [];
  };
  for (const block of blocks) {
    if (block.kind !== 'details') {
      run.push(block);
      continue;
    }
    flush();
    const summary = block.summary.length > 0 ? block.summary : t('lesson.details.defaultSummary');
    components.push(sectionWithButton(summary, button(revealId(detailsIndex), t('lesson.details.reveal'))));
    detailsIndex += 1;
  }
  flush();
  return components;
}

/** The `<details>` blocks of a page in the order their reveal buttons are numbered. */
export function pageDetails(lesson: Lesson, pageIndex: number): Extract<Block, { kind: 'details' }>[] {
  const page = paginateLesson(lesson)[pageIndex];
  return page ? page.blocks.filter((block) => block.kind === 'details') : [];
}
