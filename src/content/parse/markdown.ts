import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

/** Parses lesson Markdown (GFM tables, YAML front matter) into an mdast tree. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
}

/**
 * Parses a fragment that came out of an HTML node, shifting its line numbers so they point
 * into the lesson file (the fragment starts on `firstLine`).
 */
export function parseFragment(text: string, firstLine: number): Root {
  const root = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
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
