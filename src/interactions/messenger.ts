import type { Message } from '../ui/message.js';

/** How a message the bot sends on its own (a digest, a reminder) ended. */
export type Delivery =
  | { kind: 'sent'; messageId: string }
  /** The user does not take direct messages from the bot (Discord 50007). */
  | { kind: 'dm-closed' }
  /** The channel (or user) no longer exists. */
  | { kind: 'gone' }
  /** The bot may not see or write in the channel. */
  | { kind: 'forbidden' }
  /** Anything else; `transient` when trying again later may work (5xx, network). */
  | { kind: 'failed'; transient: boolean; reason: string };

/**
 * Sends messages outside an interaction: scheduled digests to channels, reminders to users'
 * direct messages. Implemented by the Discord adapter; never throws, every outcome is a Delivery.
 */
export interface Messenger {
  /** A public message in a channel; with a nonce, Discord refuses a second copy (it returns the first). */
  postToChannel(channelId: string, message: Message, options?: { nonce?: string }): Promise<Delivery>;
  /** A direct message to a user. */
  sendDirect(userId: string, message: Message): Promise<Delivery>;
  /** The name a member goes by in a server (nickname, display name, user name); null if unknown. */
  memberName(guildId: string, userId: string): Promise<string | null>;
}
