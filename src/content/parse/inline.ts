import type { PhrasingContent } from 'mdast';
import { splitHtml } from './html.js';

/** Inline HTML tags authors use, as the Discord Markdown that shows the same. */
const TAG_MARKDOWN: Record<string, string> = {
  strong: '**',
  b: '**',
  em: '*',
  i: '*',
  code: '`',
  s: '~~',
  del: '~~',
  u: '__',
};

/** Characters Discord would read as formatting if they appear in plain text. */
const MARKDOWN_SPECIAL = /[\\*_~`|]/g;

function escapeText(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (character) => `\\${character}`);
}

function codeSpan(code: string): string {
  return code.includes('`') ? `\`\` ${code} \`\`` : `\`${code}\``;
}

function htmlInline(value: string, plain: boolean): string {
  return splitHtml(value)
    .map((segment) => {
      if (segment.kind === 'text') return plain ? segment.raw : escapeText(segment.raw);
      if (segment.name === 'br') return '\n';
      return plain ? '' : (TAG_MARKDOWN[segment.name] ?? '');
    })
    .join('');
}

function render(nodes: readonly PhrasingContent[], plain: boolean): string {
  return nodes.map((node) => renderNode(node, plain)).join('');
}

function renderNode(node: PhrasingContent, plain: boolean): string {
  switch (node.type) {
    case 'text':
      return plain ? node.value : escapeText(node.value);
    case 'strong':
      return plain ? render(node.children, plain) : `**${render(node.children, plain)}**`;
    case 'emphasis':
      return plain ? render(node.children, plain) : `*${render(node.children, plain)}*`;
    case 'delete':
      return plain ? render(node.children, plain) : `~~${render(node.children, plain)}~~`;
    case 'inlineCode':
      return plain ? node.value : codeSpan(node.value);
    case 'break':
      return '\n';
    case 'link': {
      const text = render(node.children, plain);
      if (plain) return text === node.url ? text : `${text} (${node.url})`;
      return text === node.url ? node.url : `[${text}](${node.url})`;
    }
    case 'linkReference':
      return render(node.children, plain);
    case 'image':
      return node.alt ? `${node.alt} (${node.url})` : node.url;
    case 'imageReference':
      return node.alt ?? '';
    case 'html':
      return htmlInline(node.value, plain);
    default:
      return '';
  }
}

/** Tidies line ends: no trailing spaces, no blank first/last lines. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** Inline content as Discord-flavoured Markdown (bold, italics, code, links; HTML tags mapped). */
export function inlineMarkdown(nodes: readonly PhrasingContent[]): string {
  return tidy(render(nodes, false));
}

/** Inline content as plain text, for button labels and ids. */
export function inlinePlain(nodes: readonly PhrasingContent[]): string {
  // Line by line rather than /\s*\n\s*/, which is quadratic on long runs of spaces.
  return tidy(render(nodes, true))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(' ');
}
