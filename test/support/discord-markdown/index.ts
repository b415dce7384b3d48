import { rulesExtended, SimpleMarkdown } from 'discord-markdown-parser';
import type { ParserRule } from 'discord-markdown-parser/dist/simple-markdown/index.js';

/**
 * Reads message text the way Discord's client does, so tests can see what would be live.
 * discord-markdown-parser (Discord's own rules on simple-markdown: mentions, timestamps,
 * command mentions, headings, subtext, spoilers, masked links in bot messages) is an
 * independent oracle for the bot's escaping; it lacks only Discord's lists, added here.
 */

interface Node {
  type: string;
  content?: unknown;
  [key: string]: unknown;
}

/** `- item`, `* item`, `1. item` at the start of a line (Discord renders them as lists). */
const LIST_ITEM = /^ *(?:[*-]|\d{1,9}\.) +([^\n]+)(?:\n|$)/;

const list: ParserRule = {
  // Before emphasis, so `* item` is a list and not an unclosed `*`.
  order: (rulesExtended.heading?.order ?? 0) - 0.25,
  match: (source, state) => {
    const previous = state.prevCapture as string[] | null | undefined;
    const atLineStart = !previous || previous[0]?.endsWith('\n') === true;
    return atLineStart ? LIST_ITEM.exec(source) : null;
  },
  parse: (capture, parse, state) => ({ content: parse(capture[1] ?? '', state) }),
};

const parser = SimpleMarkdown.parserFor({ ...rulesExtended, list });

/** Node types that only say "characters": everything else is Markdown Discord would render. */
const PLAIN = new Set(['text', 'br', 'newline', 'emoticon', 'twemoji']);

export function parseDiscordMarkdown(text: string): Node[] {
  return parser(text, { inline: true }) as Node[];
}

function walk(nodes: readonly Node[], visit: (node: Node) => void): void {
  for (const node of nodes) {
    visit(node);
    if (Array.isArray(node.content)) walk(node.content as Node[], visit);
  }
}

/** The type of every rendered construct in `text` (links, headings, lists, mentions, code …), in order. */
export function liveTokens(text: string): string[] {
  const types: string[] = [];
  walk(parseDiscordMarkdown(text), (node) => {
    if (!PLAIN.has(node.type)) types.push(node.type);
  });
  return types;
}

/** What a reader sees: the characters of every node, Markdown syntax and escapes removed. */
export function visibleText(text: string): string {
  let shown = '';
  walk(parseDiscordMarkdown(text), (node) => {
    if (typeof node.content === 'string') shown += node.content;
    if (node.type === 'br' || node.type === 'newline') shown += '\n';
  });
  return shown;
}

/** Every piece of Markdown in a message: its content and the text displays of its components. */
export function markdownOf(message: { content?: string; components?: unknown[] }): string[] {
  const texts = message.content ? [message.content] : [];
  const visit = (component: unknown) => {
    if (typeof component !== 'object' || component === null) return;
    const record = component as { type?: number; content?: unknown; components?: unknown[] };
    // Type 10 is a Components V2 text display: Markdown like a message's content.
    if (record.type === 10 && typeof record.content === 'string') texts.push(record.content);
    for (const child of record.components ?? []) visit(child);
  };
  for (const component of message.components ?? []) visit(component);
  return texts;
}
