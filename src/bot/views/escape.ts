import { escapeMarkdown } from 'discord.js';

/** User-supplied text shown back: no Markdown, no mentions, bounded length. */
export function escapeUserText(value: string, max = 100): string {
  const clipped =
    Array.from(value).length > max
      ? `${Array.from(value)
          .slice(0, max - 1)
          .join('')}…`
      : value;
  // Mentions are inert anyway (allowed_mentions parse: []); breaking "@" keeps them from looking live.
  return escapeMarkdown(clipped).replaceAll('@', '@\u200b');
}
