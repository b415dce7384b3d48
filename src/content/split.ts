import { translator } from '../i18n/index.js';
import { blockText, codeText, tableCellsLength, tableRowText } from './block-text.js';
import type { Block } from './model.js';

// Block sizes do not depend on the locale (only `<details>` text uses a message, the same glyph
// in every language), so pagination measures in Korean and stays a pure function of the lesson.
const measureT = translator('ko');

/** How many characters a block takes on a page. A `<details>` shows only its summary there. */
export function blockSize(block: Block): number {
  if (block.kind === 'details') return Math.max(block.summary.length, 20) + 4;
  return blockText(block, measureT).length;
}

/**
 * Groups items greedily so that each group's size stays within the budget. `grow` says how much
 * an item adds to the group so far (its text and separator), so packing is one call per item,
 * not a re-measure of the whole group: linear even for thousands of tiny rows or words.
 */
function pack<T>(items: readonly T[], grow: (item: T, group: readonly T[]) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    let added = grow(item, current);
    if (current.length > 0 && size + added > budget) {
      groups.push(current);
      current = [];
      size = 0;
      added = grow(item, current);
    }
    current.push(item);
    size += added;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Growth of a group whose items are joined by `separator` characters, plus `overhead` once. */
function joined<T>(length: (item: T) => number, separator: number, overhead = 0) {
  return (item: T, group: readonly T[]) => (group.length === 0 ? overhead : separator) + length(item);
}

const textLength = (text: string) => text.length;

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
    return pack(line.split(/(?<= )/), joined(textLength, 0), budget).flatMap((words) =>
      hardSplit(words.join(''), budget),
    );
  });
  return pack(lines, joined(textLength, 1), budget).map((group) => group.join('\n'));
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
      return pack(lines, joined(textLength, 1, overhead), budget).map((group) => ({
        ...block,
        code: group.join('\n'),
      }));
    }
    case 'table':
      return pack(
        block.rows.flatMap((cells) => splitRow(block.header, cells, budget)),
        joined((cells: readonly string[]) => tableRowText(block.header, cells).length, 1),
        budget,
      ).map((rows) => ({ ...block, rows }));
    case 'list': {
      const items = block.items.map((item, position) => ({ item, number: block.start + position }));
      const pieces = items.flatMap(({ item, number }) =>
        splitText(item, budget - 8).map((part) => ({ item: part, number })),
      );
      // An item's marker counts from the group's first number ("12." is wider than "9.").
      const grow = (piece: (typeof pieces)[number], group: readonly (typeof pieces)[number][]) =>
        (group.length === 0 ? 0 : 1) +
        blockSize({
          ...block,
          start: (group[0]?.number ?? piece.number) + group.length,
          items: [piece.item],
        });
      return pack(pieces, grow, budget).map((group) => ({
        ...block,
        start: group[0]!.number,
        items: group.map((piece) => piece.item),
      }));
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

/**
 * A table row longer than a page (very rare) keeps its columns but is cut into several rows:
 * cells go together while they fit, a cell too long for a page is cut into pieces, one per row.
 */
function splitRow(header: readonly string[], cells: readonly string[], budget: number): string[][] {
  if (tableRowText(header, cells).length <= budget) return [[...cells]];
  const pieces = cells.flatMap((cell, column) =>
    cell.length === 0
      ? []
      : splitText(cell, budget - 40 - (header[column]?.length ?? 0)).map((text) => ({ column, text })),
  );
  const grow = (piece: (typeof pieces)[number], group: readonly (typeof pieces)[number][]) =>
    group.at(-1)?.column === piece.column
      ? Number.POSITIVE_INFINITY // Two pieces of one cell cannot share a row.
      : tableCellsLength(header, piece.column, piece.text, group.length);
  return pack(pieces, grow, budget).map((group) => {
    const row = cells.map(() => '');
    for (const piece of group) row[piece.column] = piece.text;
    return row;
  });
}
