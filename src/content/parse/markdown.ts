import type { Nodes, Root } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

type Extension = NonNullable<Options['extensions']>[number];

/**
 * Footnotes are off: lessons do not use them, the renderer has nothing to show for them, and a
 * footnote definition is a container the nesting-depth check could not see in a line's prefix.
 */
const noFootnotes: Extension = {
  disable: { null: ['gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall'] },
};

/** Every inline construct off: the text of paragraphs, headings and cells stays plain. */
const noInline: Extension = {
  disable: {
    null: [
      'attention',
      'autolink',
      'characterEscape',
      'characterReference',
      'codeText',
      'emailAutolink',
      'hardBreakEscape',
      'htmlText',
      'labelEnd',
      'labelStartImage',
      'labelStartLink',
      'protocolAutolink',
      'strikethrough',
      'wwwAutolink',
    ],
  },
};

const lessonSyntax = [gfm(), frontmatter(['yaml']), noFootnotes];
const lessonTree = [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])];
const fragmentSyntax = [gfm(), noFootnotes];
const fragmentTree = [gfmFromMarkdown()];
const blockSyntax = [...lessonSyntax, noInline];

/** Parses lesson Markdown (GFM tables, YAML front matter) into an mdast tree. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: lessonSyntax, mdastExtensions: lessonTree });
}

/**
 * Only the block structure of a lesson (paragraphs, headings, tables, code, HTML blocks, lists,
 * quotes), with every inline construct switched off. The inline constructs are where micromark's
 * cost can grow faster than the text, so this cheap first pass finds the paragraphs whose inline
 * markup must be bounded before the full parse.
 */
export function parseBlocks(text: string): Root {
  return fromMarkdown(text, { extensions: blockSyntax, mdastExtensions: lessonTree });
}

/**
 * Parses a fragment that came out of an HTML node, shifting its line numbers so they point
 * into the lesson file (the fragment starts on `firstLine`).
 */
export function parseFragment(text: string, firstLine: number): Root {
  const root = fromMarkdown(text, { extensions: fragmentSyntax, mdastExtensions: fragmentTree });
  shiftLines(root, firstLine - 1);
  return root;
}

function shiftLines(node: Nodes, offset: number): void {
  if (node.position) {
    node.position.start.line += offset;
    node.position.end.line += offset;
  }
  if ('children' in node) for (const child of node.children) shiftLines(child, offset);
}

export function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 0;
}
