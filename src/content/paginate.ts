import type { Block, Lesson, LessonPage } from './model.js';
import { blockSize, splitBlock } from './split.js';

/** Discord's limit for all text of one message. */
export const MESSAGE_TEXT_LIMIT = 4000;
/** Room kept on every page for the header, the step title and the part marker. */
export const PAGE_HEADER_RESERVE = 500;
export const PAGE_BODY_BUDGET = MESSAGE_TEXT_LIMIT - PAGE_HEADER_RESERVE;
/** Each `<details>` costs three components (section, text, button); 40 is the message cap. */
export const MAX_DETAILS_PER_PAGE = 5;
const BLOCK_GAP = 2;

const cache = new WeakMap<Lesson, LessonPage[]>();

/**
 * Flattens a lesson's steps into pages numbered across the lesson. The intro opens the first
 * page; a step too long for one message is split at block boundaries (a long code block or
 * table by lines or rows). Pure and cached per lesson object.
 */
export function paginateLesson(lesson: Lesson): LessonPage[] {
  const cached = cache.get(lesson);
  if (cached) return cached;
  const pages: LessonPage[] = [];
  for (const step of lesson.steps) {
    const blocks = step.index === 0 ? [...lesson.intro, ...step.blocks] : step.blocks;
    const parts = packParts(blocks);
    for (const [part, partBlocks] of parts.entries()) {
      pages.push({
        index: pages.length,
        stepIndex: step.index,
        stepId: step.id,
        part,
        partCount: parts.length,
        blocks: partBlocks,
      });
    }
  }
  cache.set(lesson, pages);
  return pages;
}

function packParts(blocks: readonly Block[]): Block[][] {
  const parts: Block[][] = [[]];
  let size = 0;
  let details = 0;
  for (const block of blocks) {
    for (const piece of splitBlock(block, PAGE_BODY_BUDGET)) {
      const pieceSize = blockSize(piece);
      const isDetails = piece.kind === 'details';
      const current = parts.at(-1)!;
      const overflows =
        size + BLOCK_GAP + pieceSize > PAGE_BODY_BUDGET || (isDetails && details >= MAX_DETAILS_PER_PAGE);
      if (current.length > 0 && overflows) {
        parts.push([piece]);
        size = pieceSize;
        details = isDetails ? 1 : 0;
      } else {
        current.push(piece);
        size += (current.length > 1 ? BLOCK_GAP : 0) + pieceSize;
        if (isDetails) details += 1;
      }
    }
  }
  return parts;
}

/** The page a step starts on (for "/lesson open step:N" and "first unfinished step"). */
export function firstPageOfStep(lesson: Lesson, stepIndex: number): number {
  return paginateLesson(lesson).findIndex((page) => page.stepIndex === stepIndex);
}
