import type { Translate } from '../i18n/index.js';
import type { Block } from './model.js';

const FENCE = '```';
const RULE = '───────────';
const CELL_SEPARATOR = ' · ';
const ROW_BULLET = '• ';
const CONTINUATION_INDENT = '  ';

/** Keeps a code block from ending early when its text contains a fence. */
function safeCode(code: string): string {
  return code.replaceAll(FENCE, '`\u200b``');
}

export function codeText(lang: string | null, code: string): string {
  return `${FENCE}${lang ?? ''}\n${safeCode(code)}\n${FENCE}`;
}

function bold(label: string): string {
  return label.includes('**') ? label : `**${label}**`;
}

/**
 * A table row as one readable line: Hangul does not line up in monospace, so each row becomes
 * "• **명령어**: `docker login` · **설명**: …".
 */
export function tableRowText(header: readonly string[], cells: readonly string[]): string {
  const parts = cells.flatMap((cell, column) => (cell.length === 0 ? [] : [cellText(header, column, cell)]));
  return ROW_BULLET + parts.join(CELL_SEPARATOR);
}

function cellText(header: readonly string[], column: number, cell: string): string {
  const label = header[column] ?? '';
  return label.length > 0 ? `${bold(label)}: ${cell}` : cell;
}

/** How much a non-empty cell adds to a row's text that already shows `cellsBefore` cells. */
export function tableCellsLength(
  header: readonly string[],
  column: number,
  cell: string,
  cellsBefore: number,
): number {
  return (
    (cellsBefore === 0 ? ROW_BULLET.length : CELL_SEPARATOR.length) + cellText(header, column, cell).length
  );
}

function listItemText(marker: string, item: string): string {
  const [first = '', ...more] = item.split('\n');
  return [`${marker} ${first}`, ...more.map((line) => CONTINUATION_INDENT + line)].join('\n');
}

/** A block as Discord Markdown. A `<details>` inside revealed text shows its summary as a heading. */
export function blockText(block: Block, t: Translate): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'heading':
      return `### ${block.text}`;
    case 'code':
      return codeText(block.lang, block.code);
    case 'list':
      return block.items
        .map((item, position) => listItemText(block.ordered ? `${block.start + position}.` : '-', item))
        .join('\n');
    case 'table':
      return block.rows.map((cells) => tableRowText(block.header, cells)).join('\n');
    case 'quote':
      return blocksText(block.blocks, t)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'rule':
      return RULE;
    case 'details': {
      const summary = block.summary.length > 0 ? block.summary : t('lesson.details.defaultSummary');
      return [t('lesson.details.nested', { summary }), blocksText(block.blocks, t)]
        .filter(Boolean)
        .join('\n');
    }
  }
}

export function blocksText(blocks: readonly Block[], t: Translate): string {
  return blocks.map((block) => blockText(block, t)).join('\n\n');
}
