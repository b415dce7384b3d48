import { DiscordAPIError, HTTPError, type REST } from 'discord.js';
import { type APIChannel, type APIGuildMember, type APIMessage, Routes } from 'discord-api-types/v10';
import type { Delivery, Messenger } from '../interactions/messenger.js';
import { type Message, NO_MENTIONS } from '../ui/message.js';

/** Discord's JSON error codes the bot tells apart. */
const CANNOT_DM = 50007;
const UNKNOWN_CHANNEL = 10003;
const UNKNOWN_USER = 10013;
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;

/** Turns what the REST client threw into a Delivery (never rethrows). */
export function deliveryFailure(error: unknown): Delivery {
  if (error instanceof DiscordAPIError) {
    if (error.code === CANNOT_DM) return { kind: 'dm-closed' };
    if (error.code === UNKNOWN_CHANNEL || error.code === UNKNOWN_USER) return { kind: 'gone' };
    if (error.code === MISSING_ACCESS || error.code === MISSING_PERMISSIONS) return { kind: 'forbidden' };
    return {
      kind: 'failed',
      transient: error.status >= 500 || error.status === 429,
      reason: `discord ${error.code}`,
    };
  }
  if (error instanceof HTTPError) return { kind: 'failed', transient: true, reason: `http ${error.status}` };
  return { kind: 'failed', transient: true, reason: (error as Error)?.name ?? 'error' };
}

/** Messages outside interactions, through discord.js's REST client (its retries and rate limits). */
export class DiscordMessenger implements Messenger {
  constructor(private readonly rest: REST) {}

  async postToChannel(
    channelId: string,
    message: Message,
    options: { nonce?: string } = {},
  ): Promise<Delivery> {
    try {
      const created = (await this.rest.post(Routes.channelMessages(channelId), {
        body: {
          content: message.content,
          components: message.components,
          flags: message.flags,
          allowed_mentions: NO_MENTIONS,
          ...(options.nonce ? { nonce: options.nonce, enforce_nonce: true } : {}),
        },
      })) as APIMessage;
      return { kind: 'sent', messageId: created.id };
    } catch (error) {
      return deliveryFailure(error);
    }
  }

  async sendDirect(userId: string, message: Message): Promise<Delivery> {
    let channel: APIChannel;
    try {
      channel = (await this.rest.post(Routes.userChannels(), {
        body: { recipient_id: userId },
      })) as APIChannel;
    } catch (error) {
      return deliveryFailure(error);
    }
    return this.postToChannel(channel.id, message);
  }

  async memberName(guildId: string, userId: string): Promise<string | null> {
    try {
      const member = (await this.rest.get(Routes.guildMember(guildId, userId))) as APIGuildMember;
      return member.nick || member.user?.global_name || member.user?.username || null;
    } catch {
      return null;
    }
  }
}
