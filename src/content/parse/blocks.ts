import type { List, ListItem, Table } from 'mdast';
import type { Block } from '../model.js';
import { inlineMarkdown, inlinePlain } from './inline.js';
import { lineOf } from './markdown.js';
import type { StructNode } from './structure.js';

/** Hands out `details-1`, `details-2`, … in document order across a lesson. */
export interface BlockContext {
  nextDetailsId(): string;
}

export function detailsCounter(): BlockContext {
  let count = 0;
  return {
    nextDetailsId: () => {
      count += 1;
      return `details-${count}`;
    },
  };
}

/** Converts structured mdast nodes into the lesson model's blocks; empty paragraphs vanish. */
export function toBlocks(nodes: readonly StructNode[], context: BlockContext): Block[] {
  return nodes.flatMap((node) => toBlock(node, context));
}

function toBlock(node: StructNode, context: BlockContext): Block[] {
  const line = node.type === 'details' ? node.line : lineOf(node);
  switch (node.type) {
    case 'paragraph': {
      const text = inlineMarkdown(node.children);
      return text.length > 0 ? [{ kind: 'paragraph', text, line }] : [];
    }
    case 'heading':
      return [{ kind: 'heading', depth: node.depth, text: inlineMarkdown(node.children), line }];
    case 'code':
      return [{ kind: 'code', lang: node.lang ?? null, code: node.value, line }];
    case 'list':
      return [listBlock(node)];
    case 'table':
      return [tableBlock(node)];
    case 'blockquote':
      return [{ kind: 'quote', blocks: toBlocks(node.children, context), line }];
    case 'thematicBreak':
      return [{ kind: 'rule', line }];
    case 'details': {
      const id = context.nextDetailsId();
      return [
        {
          kind: 'details',
          id,
          summary: inlineMarkdown(node.summary),
          label: inlinePlain(node.summary),
          blocks: toBlocks(node.children, context),
          line,
        },
      ];
    }
    case 'html': {
      const text = inlineMarkdown([node]);
      return text.length > 0 ? [{ kind: 'paragraph', text, line }] : [];
    }
    default:
      return [];
  }
}

function listBlock(list: List): Block {
  return {
    kind: 'list',
    ordered: list.ordered ?? false,
    start: list.start ?? 1,
    items: list.children.map((item) => listItemText(item)),
    line: lineOf(list),
  };
}

const NESTED_INDENT = '  ';

/** A list item as Markdown lines: its paragraphs, then nested lists and code indented below. */
function listItemText(item: ListItem): string {
  const check = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
  const parts = item.children.map((child) => {
    switch (child.type) {
      case 'paragraph':
        return inlineMarkdown(child.children);
      case 'list':
        return child.children
          .map((nested, index) => {
            const marker = child.ordered ? `${(child.start ?? 1) + index}.` : '-';
            return indent(`${marker} ${listItemText(nested)}`);
          })
          .join('\n');
      case 'code':
        return indent(`\`\`\`${child.lang ?? ''}\n${child.value}\n\`\`\``);
      case 'html':
        return inlineMarkdown([child]);
      default:
        return '';
    }
  });
  return check + parts.filter((part) => part.length > 0).join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => NESTED_INDENT + line)
    .join('\n');
}

function tableBlock(table: Table): Block {
  const [head, ...body] = table.children;
  const cells = (row: typeof head) => (row ? row.children.map((cell) => inlineMarkdown(cell.children)) : []);
  return { kind: 'table', header: cells(head), rows: body.map((row) => cells(row)), line: lineOf(table) };
}
