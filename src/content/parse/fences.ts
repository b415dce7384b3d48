import type { Code, Nodes } from 'mdast';
import type { ProblemList } from '../errors.js';
import { lineOf } from './markdown.js';

const OPENING_FENCE = /^[ \t]*(`{3,}|~{3,})/;

function* codeBlocks(node: Nodes): Generator<Code> {
  if (node.type === 'code') yield node;
  else if ('children' in node) for (const child of node.children) yield* codeBlocks(child);
}

/**
 * Whether a fenced code block ends with its closing fence. micromark runs an unclosed fence to
 * the end of its container and says nothing, so this looks at where the block ends: a closed
 * block ends with a run of its fence character at least as long as the opening one, after
 * nothing but container prefixes (`>`, indentation) on its line, and that line comes right after
 * the block's content (a content line that only looks like a fence is part of `value`).
 */
function isClosed(block: Code, source: string, fence: string): boolean {
  const { start, end } = block.position!;
  let runEnd = end.offset!;
  while (runEnd > 0 && (source[runEnd - 1] === ' ' || source[runEnd - 1] === '\t')) runEnd -= 1;
  let runStart = runEnd;
  while (runStart > 0 && source[runStart - 1] === fence[0]) runStart -= 1;
  if (runEnd - runStart < fence.length) return false;
  const lineStart = source.lastIndexOf('\n', runStart - 1) + 1;
  if (!/^[ \t>]*$/.test(source.slice(lineStart, runStart))) return false;
  return end.line === start.line + lineCount(block.value) + 1;
}

function lineCount(text: string): number {
  if (text === '') return 0;
  let count = 1;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

/**
 * The first content line that would close the block if it had no info string (```` ```bash ````
 * inside a ```` ``` ```` block): the usual trace of a deleted closing fence, after which every
 * later fence pairs with the wrong partner and code and text swap places.
 */
function openingInside(block: Code, fence: string): { line: number; text: string } | null {
  const lines = block.value.split('\n');
  for (const [index, text] of lines.entries()) {
    const match = INNER_OPENING.exec(text);
    if (!match || match[1]![0] !== fence[0] || match[1]!.length < fence.length) continue;
    const info = text.slice(match[0].length).trim();
    if (info.length > 0 && !(fence[0] === '`' && info.includes('`'))) {
      return { line: block.position!.start.line + 1 + index, text: text.trim() };
    }
  }
  return null;
}

const INNER_OPENING = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Reports every fenced code block without a closing fence, and every block holding a line that
 * opens a new block, at the line the block opens, in a tree parsed from `source` (a lesson, or a
 * fragment of one whose lines were shifted into the lesson).
 */
export function checkClosedFences(tree: Nodes, source: string, file: string, problems: ProblemList): void {
  for (const block of codeBlocks(tree)) {
    const start = block.position?.start.offset;
    if (start === undefined || block.position?.end.offset === undefined) continue;
    const lineEnd = source.indexOf('\n', start);
    const opening = OPENING_FENCE.exec(source.slice(start, lineEnd < 0 ? source.length : lineEnd));
    if (!opening) continue; // An indented code block has no fence.
    const fence = opening[1]!;
    if (!isClosed(block, source, fence)) {
      problems.add(file, lineOf(block), 'content.error.unclosedFence', { fence });
      continue;
    }
    const inside = openingInside(block, fence);
    if (inside) {
      problems.add(file, lineOf(block), 'content.error.fenceInsideCode', {
        line: inside.line,
        opening: inside.text,
        fence,
        longer: `${fence[0]}${fence}`,
      });
    }
  }
}
