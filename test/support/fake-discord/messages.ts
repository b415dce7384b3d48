import {
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIMessageTopLevelComponent,
  MessageFlags,
  type MessageType,
} from 'discord-api-types/v10';
import type { ReceivedFile } from './body.js';
import { botUser } from './fixtures.js';
import { messageProblems, numberComponents } from './validate.js';
import type { MessageBody } from './wire.js';

/** Refusal of a message body with Discord's "Invalid Form Body" (50035) or empty (50006). */
export class MessageRejected extends Error {
  constructor(
    readonly code: number,
    readonly problems: string[],
  ) {
    super(problems.join('; '));
  }
}

export interface NewMessage {
  body: MessageBody;
  files: ReceivedFile[];
  channelId: string;
  guildId: string | undefined;
  type: MessageType;
  /** Flags the server adds itself (Loading for a deferred reply). */
  serverFlags?: number;
  /** Set for messages sent through an interaction webhook. */
  applicationId?: string;
  interactionMetadata?: APIMessageInteractionMetadata;
}

/** Flags a sender may set when creating a message, and which of them survive an edit. */
const CREATE_FLAGS =
  MessageFlags.Ephemeral |
  MessageFlags.SuppressEmbeds |
  MessageFlags.SuppressNotifications |
  MessageFlags.IsComponentsV2;
const EDIT_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;

/** The messages the bot has created, as Discord stores and returns them. */
export class MessageStore {
  private readonly messages = new Map<string, APIMessage>();
  private readonly attachmentBytes = new Map<string, Buffer>();

  constructor(
    private readonly nextId: () => string,
    private readonly attachmentBaseUrl: () => string,
  ) {}

  get(id: string): APIMessage | undefined {
    return this.messages.get(id);
  }

  /** Bytes behind an attachment URL the fake handed out. */
  attachment(id: string): Buffer | undefined {
    return this.attachmentBytes.get(id);
  }

  /** Keeps a message the fake did not create (one a test built for a button press). */
  adopt(message: APIMessage): APIMessage {
    const known = this.messages.get(message.id);
    if (known) return known;
    this.messages.set(message.id, message);
    return message;
  }

  inChannel(channelId: string): APIMessage[] {
    return [...this.messages.values()].filter((message) => message.channel_id === channelId);
  }

  create(input: NewMessage): APIMessage {
    const { body } = input;
    const flags = ((body.flags ?? 0) & CREATE_FLAGS) | (input.serverFlags ?? 0);
    const isLoading = (flags & MessageFlags.Loading) !== 0;
    const attachments = isLoading ? [] : this.attachmentsFor(body, input.files, []);
    const message: APIMessage = {
      id: this.nextId(),
      channel_id: input.channelId,
      author: botUser,
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts ?? false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments,
      embeds: (body.embeds ?? []) as APIEmbed[],
      components: numberComponents(body.components ?? []) as unknown as APIMessageTopLevelComponent[],
      pinned: false,
      type: input.type,
      flags: flags as MessageFlags,
      ...(input.guildId ? { guild_id: input.guildId } : {}),
      ...(input.applicationId
        ? { webhook_id: input.applicationId, application_id: input.applicationId }
        : {}),
      ...(input.interactionMetadata ? { interaction_metadata: input.interactionMetadata } : {}),
    } as APIMessage;
    if (!isLoading) this.check(message);
    this.messages.set(message.id, message);
    return message;
  }

  /** Applies a PATCH: given fields replace, absent fields stay; a deferred reply stops loading. */
  edit(id: string, body: MessageBody, files: ReceivedFile[]): APIMessage | undefined {
    const current = this.messages.get(id);
    if (!current) return undefined;
    const keptFlags = (current.flags ?? 0) & (MessageFlags.Ephemeral | MessageFlags.IsComponentsV2);
    const flags =
      body.flags === undefined || body.flags === null
        ? (current.flags ?? 0) & ~MessageFlags.Loading
        : keptFlags | (body.flags & EDIT_FLAGS);
    const edited: APIMessage = {
      ...current,
      content: 'content' in body ? (body.content ?? '') : current.content,
      embeds: 'embeds' in body ? ((body.embeds ?? []) as APIEmbed[]) : current.embeds,
      components:
        'components' in body
          ? (numberComponents(body.components ?? []) as unknown as APIMessageTopLevelComponent[])
          : (current.components ?? []),
      attachments: this.attachmentsFor(body, files, current.attachments),
      flags: flags as MessageFlags,
      edited_timestamp: new Date().toISOString(),
    };
    this.check(edited);
    this.messages.set(id, edited);
    return edited;
  }

  delete(id: string): boolean {
    return this.messages.delete(id);
  }

  private check(message: APIMessage): void {
    const problems = messageProblems({
      content: message.content,
      embeds: message.embeds as unknown as Record<string, unknown>[],
      components: (message.components ?? []) as unknown as Record<string, unknown>[],
      attachmentCount: message.attachments.length,
      flags: message.flags ?? 0,
    });
    if (problems.length === 0) return;
    const empty = problems.length === 1 && problems[0] === 'Cannot send an empty message';
    throw new MessageRejected(empty ? 50006 : 50035, problems);
  }

  /**
   * Discord's attachment rules: `attachments` lists what stays (existing ids) and names new
   * uploads (id = n of files[n]); uploads it does not mention are added as they are.
   */
  private attachmentsFor(
    body: MessageBody,
    files: ReceivedFile[],
    existing: APIAttachment[],
  ): APIAttachment[] {
    const refs = body.attachments;
    const kept = refs ? existing.filter((old) => refs.some((ref) => ref.id === old.id)) : existing;
    const uploaded = files.map((file) => {
      const ref = refs?.find((candidate) => candidate.id === String(file.index));
      return this.storeAttachment(file, ref?.filename ?? file.name, ref?.description);
    });
    return [...kept, ...uploaded];
  }

  private storeAttachment(
    file: ReceivedFile,
    filename: string,
    description: string | undefined,
  ): APIAttachment {
    const id = this.nextId();
    this.attachmentBytes.set(id, file.bytes);
    const url = `${this.attachmentBaseUrl()}/attachments/${id}/${encodeURIComponent(filename)}`;
    return {
      id,
      filename,
      size: file.bytes.length,
      url,
      proxy_url: url,
      ...(file.contentType ? { content_type: file.contentType } : {}),
      ...(description ? { description } : {}),
    };
  }
}
