import { type APIMessageTopLevelComponent, MessageFlags } from 'discord-api-types/v10';

/** No mention is ever parsed: a learner's text can never ping anyone. */
export type NoMentions = { parse: [] };

export interface MessageFile {
  name: string;
  data: Buffer;
  contentType?: string;
}

/**
 * Everything the bot sends, whatever sends it (Discord, the local console): the JSON body of an
 * interaction reply or channel message in discord-api-types shapes (no discord.js classes). Made
 * by the helpers below and the views, so every message carries `allowed_mentions: { parse: [] }`;
 * the Discord adapter sends that again whatever a message says.
 */
export interface Message {
  content?: string;
  components?: APIMessageTopLevelComponent[];
  /** MessageFlags bits (Ephemeral, IsComponentsV2). */
  flags?: number;
  files?: MessageFile[];
  allowed_mentions: NoMentions;
}

/** A Components V2 message: what every view returns (its components and flags always set). */
export type ComponentsMessage = Message & { flags: number; components: APIMessageTopLevelComponent[] };

export const NO_MENTIONS: NoMentions = { parse: [] };

/** Views answer the person who asked: ephemeral Components V2. */
export const VIEW_FLAGS = MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral;

/** An ephemeral Components V2 message, with the files its components show (attachment://name). */
export function componentsMessage(
  components: APIMessageTopLevelComponent[],
  files: readonly MessageFile[] = [],
): ComponentsMessage {
  const message: ComponentsMessage = { flags: VIEW_FLAGS, components, allowed_mentions: { parse: [] } };
  return files.length > 0 ? { ...message, files: [...files] } : message;
}

/** A short ephemeral text: refusals, errors, "done" notes. */
export function noticeMessage(text: string): Message {
  return { content: text, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } };
}

/** A public text line in a channel (study-group announcements); it pings nobody. */
export function publicMessage(text: string): Message {
  return { content: text, allowed_mentions: { parse: [] } };
}
