import { type APIDMChannel, type ChannelFlags, ChannelType } from 'discord-api-types/v10';
import type { FakeUser } from './fixtures.js';

/**
 * Direct-message channels between the bot and users, and whose DMs are closed (the user blocks
 * the bot or allows no DMs from server members: Discord answers 403 50007 on the message create).
 */
export class DirectMessages {
  private readonly channelsByUser = new Map<string, APIDMChannel>();
  private readonly closed = new Set<string>();

  constructor(private readonly nextId: () => string) {}

  /** POST /users/@me/channels: the same channel every time for the same user. */
  open(user: FakeUser): APIDMChannel {
    let channel = this.channelsByUser.get(user.user.id);
    if (!channel) {
      channel = {
        id: this.nextId(),
        type: ChannelType.DM,
        last_message_id: null,
        recipients: [user.user],
        name: null,
        flags: 0 as ChannelFlags,
      } as APIDMChannel;
      this.channelsByUser.set(user.user.id, channel);
    }
    return channel;
  }

  /** The user a DM channel belongs to, or undefined for any other channel. */
  recipientOf(channelId: string): string | undefined {
    for (const [userId, channel] of this.channelsByUser) if (channel.id === channelId) return userId;
    return undefined;
  }

  channelOf(userId: string): string | undefined {
    return this.channelsByUser.get(userId)?.id;
  }

  setClosed(userId: string, closed: boolean): void {
    if (closed) this.closed.add(userId);
    else this.closed.delete(userId);
  }

  isClosed(userId: string): boolean {
    return this.closed.has(userId);
  }
}
