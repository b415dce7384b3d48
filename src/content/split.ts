import { translator } from '../i18n/index.js';
import type { Block } from './model.js';
import { blockText, codeText, tableRowText } from './render/blockText.js';

// Block sizes do not depend on the locale (only `<details>` text uses a message, the same glyph
// in every language), so pagination measures in Korean and stays a pure function of the lesson.
const measureT = translator('ko');

/** How many characters a block takes on a page. A `<details>` shows only its summary there. */
export function blockSize(block: Block): number {
  if (block.kind === 'details') return Math.max(block.summary.length, 20) + 4;
  return blockText(block, measureT).length;
}

/** Groups items greedily so that each group's size stays within the budget. */
function pack<T>(items: readonly T[], size: (group: readonly T[]) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    if (current.length > 0 && size([...current, item]) > budget) {
      groups.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Cuts a string into slices of at most `budget` characters, never inside a surrogate pair. */
function hardSplit(value: string, budget: number): string[] {
  const slices: string[] = [];
  let current = '';
  for (const char of value) {
    if (current.length + char.length > budget) {
      slices.push(current);
      current = '';
    }
    current += char;
  }
  if (current.length > 0 || slices.length === 0) slices.push(current);
  return slices;
}

/** Splits text at line ends, then spaces, then anywhere, into pieces of at most `budget`. */
function splitText(value: string, budget: number): string[] {
  const lines = value.split('\n').flatMap((line) => {
    if (line.length <= budget) return [line];
    return pack(line.split(/(?<= )/), (words) => words.join('').length, budget).flatMap((words) =>
      hardSplit(words.join(''), budget),
    );
  });
  return pack(lines, (group) => group.join('\n').length, budget).map((group) => group.join('\n'));
}

/**
 * Splits a block that is too long for one page into blocks that each fit `budget`, at natural
 * boundaries: a code block by lines, a table by rows, a list by items, text by lines/words.
 */
export function splitBlock(block: Block, budget: number): Block[] {
  if (blockSize(block) <= budget) return [block];
  switch (block.kind) {
    case 'code': {
      const overhead = codeText(block.lang, '').length;
      const lines = splitText(block.code, budget - overhead).flatMap((piece) => piece.split('\n'));
      return pack(lines, (group) => group.join('\n').length + overhead, budget).map((group) => ({
        ...block,
        code: group.join('\n'),
      }));
    }
    case 'table':
      return pack(
        block.rows.flatMap((cells) => splitRow(block.header, cells, budget)),
        (group) => group.map((cells) => tableRowText(block.header, cells)).join('\n').length,
        budget,
      ).map((rows) => ({ ...block, rows }));
    case 'list': {
      const items = block.items.map((item, position) => ({ item, number: block.start + position }));
      const pieces = items.flatMap(({ item, number }) =>
        splitText(item, budget - 8).map((part) => ({ item: part, number })),
      );
      return pack(
        pieces,
        (group) => blockSize({ ...block, start: group[0]!.number, items: group.map((piece) => piece.item) }),
        budget,
      ).map((group) => ({ ...block, start: group[0]!.number, items: group.map((piece) => piece.item) }));
    }
    case 'paragraph':
      return splitText(block.text, budget).map((piece) => ({ ...block, text: piece }));
    case 'heading':
      return splitText(block.text, budget - 4).map((piece) => ({ ...block, text: piece }));
    case 'quote':
      return block.blocks
        .flatMap((inner) => splitBlock(inner, budget - 200))
        .map((inner) => ({ ...block, blocks: [inner] }));
    default:
      return [block];
  }
}

/** A table row longer than a page (very rare) keeps its columns but is cut into several rows. */
function splitRow(header: readonly string[], cells: readonly string[], budget: number): string[][] {
  if (tableRowText(header, cells).length <= budget) return [[...cells]];
  return cells.flatMap((cell, column) =>
    splitText(cell, budget - 40 - (header[column]?.length ?? 0)).map((piece) =>
      cells.map((_, other) => (other === column ? piece : '')),
    ),
  );
}
