import {
  type APIMessage,
  type APIMessageInteractionMetadata,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
} from 'discord-api-types/v10';
import {
  discordError,
  invalidBody,
  rejectionReply,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from './errors.js';
import { APPLICATION_ID } from './fixtures.js';
import type {
  InteractionLedger,
  InteractionResponse,
  ResponseKind,
  TrackedInteraction,
} from './interactions.js';
import type { MessageStore } from './messages.js';
import type { Reply, Route, RouteContext } from './rest.js';
import { autocompleteDataSchema, callbackBodySchema, type MessageBody, messageBodySchema } from './wire.js';

interface Parts {
  ledger: InteractionLedger;
  messages: MessageStore;
}

/** The message types a callback may use, by the kind of interaction it answers. */
const allowedCallbacks: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [4, 5, 9],
  [InteractionType.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionType.ApplicationCommandAutocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

function interactionMetadata(
  tracked: TrackedInteraction,
  originalId?: string,
): APIMessageInteractionMetadata {
  const { payload } = tracked;
  const user = payload.member?.user ?? payload.user!;
  return {
    id: tracked.id,
    type: payload.type,
    user,
    authorizing_integration_owners: payload.authorizing_integration_owners,
    ...(originalId ? { original_response_message_id: originalId } : {}),
    ...(payload.message ? { interacted_message_id: payload.message.id } : {}),
  } as APIMessageInteractionMetadata;
}

function messageTypeFor(tracked: TrackedInteraction): MessageType {
  return tracked.payload.type === InteractionType.ApplicationCommand
    ? MessageType.ChatInputCommand
    : MessageType.Reply;
}

/** POST /interactions/{id}/{token}/callback: the first answer, with Discord's deadline rules. */
function callbackRoute({ ledger, messages }: Parts): Route {
  return {
    name: 'interaction-callback',
    method: 'POST',
    path: '/interactions/:id/:token/callback',
    auth: false,
    handle: ({ params, query, body }) => {
      const tracked = ledger.get(params.id!);
      if (!tracked || tracked.token !== params.token) return unknownInteraction();
      const at = Date.now();
      const parsed = callbackBodySchema.safeParse(body.json);
      const type = parsed.success ? parsed.data.type : undefined;
      const record = (reply: Reply, messageId?: string) => {
        const errorCode = (reply.json as { code?: number } | undefined)?.code;
        const response: InteractionResponse = {
          kind: 'callback',
          body: parsed.success ? parsed.data.data : body.json,
          files: body.files,
          status: reply.status,
          at,
          ...(type === undefined ? {} : { type }),
          ...(reply.status >= 400 && errorCode !== undefined ? { errorCode } : {}),
          ...(messageId ? { messageId } : {}),
        };
        ledger.record(tracked, response);
        return reply;
      };

      if (tracked.callbackType !== undefined) {
        return record(discordError(400, 40060, 'Interaction has already been acknowledged.'));
      }
      if (ledger.isPastDeadline(tracked, at)) {
        ledger.missDeadline(tracked, at);
        return record(unknownInteraction());
      }
      if (!parsed.success || type === undefined) return record(invalidBody([parsed.error?.message ?? '']));
      if (!allowedCallbacks[tracked.payload.type]?.includes(type)) {
        return record(invalidBody([`Interaction response type ${type} is not valid for this interaction`]));
      }
      const outcome = applyCallback(tracked, type, parsed.data.data ?? {}, body.files, messages);
      if ('reply' in outcome) return record(outcome.reply);
      tracked.callbackType = type;
      if (outcome.message) tracked.originalMessageId = outcome.message.id;
      const reply: Reply =
        query.get('with_response') === 'true'
          ? { status: 200, json: callbackResponse(tracked, type, outcome.message) }
          : { status: 204 };
      return record(reply, outcome.message?.id);
    },
  };
}

type CallbackOutcome = { message: APIMessage | undefined } | { reply: Reply };

function applyCallback(
  tracked: TrackedInteraction,
  type: number,
  data: Record<string, unknown>,
  files: RouteContext['body']['files'],
  messages: MessageStore,
): CallbackOutcome {
  if (type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
    const choices = autocompleteDataSchema.safeParse(data);
    return choices.success ? { message: undefined } : { reply: invalidBody([choices.error.message]) };
  }
  if (type === InteractionResponseType.Modal || type === InteractionResponseType.DeferredMessageUpdate) {
    return {
      message:
        type === InteractionResponseType.DeferredMessageUpdate ? sourceMessage(tracked, messages) : undefined,
    };
  }
  const body = messageBodySchema.safeParse(data);
  if (!body.success) return { reply: invalidBody([body.error.message]) };
  try {
    if (type === InteractionResponseType.UpdateMessage) {
      const source = sourceMessage(tracked, messages);
      if (!source) return { reply: unknownMessage() };
      return { message: messages.edit(source.id, body.data, files) };
    }
    const deferred = type === InteractionResponseType.DeferredChannelMessageWithSource;
    const message = messages.create({
      body: deferred ? { flags: (body.data.flags ?? 0) & MessageFlags.Ephemeral } : body.data,
      files: deferred ? [] : files,
      channelId: tracked.payload.channel?.id ?? tracked.payload.channel_id!,
      guildId: tracked.payload.guild_id,
      type: messageTypeFor(tracked),
      applicationId: APPLICATION_ID,
      interactionMetadata: interactionMetadata(tracked),
      ...(deferred ? { serverFlags: MessageFlags.Loading } : {}),
    });
    return { message };
  } catch (error) {
    return { reply: rejectionReply(error) };
  }
}

/** The message a component was on: the fake's own copy, or the one the test built. */
function sourceMessage(tracked: TrackedInteraction, messages: MessageStore): APIMessage | undefined {
  const fromPayload = tracked.payload.message;
  if (!fromPayload) return undefined;
  return messages.adopt(fromPayload);
}

function callbackResponse(tracked: TrackedInteraction, type: number, message: APIMessage | undefined) {
  const flags = message?.flags ?? 0;
  return {
    interaction: {
      id: tracked.id,
      type: tracked.payload.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (flags & MessageFlags.Loading) !== 0,
            response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
          }
        : {}),
    },
    resource: { type, ...(message ? { message } : {}) },
  };
}

/** Finds the interaction behind a webhook URL, or the error Discord would answer. */
function webhookTarget(
  ledger: InteractionLedger,
  params: Record<string, string>,
): TrackedInteraction | Reply {
  if (params.app !== APPLICATION_ID) return unknownWebhook();
  const tracked = ledger.findByToken(params.token!);
  if (!tracked) return unknownWebhook();
  if (ledger.isTokenExpired(tracked, Date.now())) return discordError(401, 50027, 'Invalid Webhook Token');
  if (tracked.callbackType === undefined) return unknownWebhook();
  return tracked;
}

function isReply(value: TrackedInteraction | Reply): value is Reply {
  return 'status' in value;
}

/** Records a webhook answer against its interaction and turns store errors into Discord's. */
function recordWebhook(
  ledger: InteractionLedger,
  tracked: TrackedInteraction,
  kind: ResponseKind,
  context: RouteContext,
  act: () => Reply,
): Reply {
  let reply: Reply;
  try {
    reply = act();
  } catch (error) {
    reply = rejectionReply(error);
  }
  const json = reply.json as { id?: string; code?: number } | undefined;
  ledger.record(tracked, {
    kind,
    body: context.body.json,
    files: context.body.files,
    status: reply.status,
    at: context.request.at,
    ...(reply.status < 400 && json?.id ? { messageId: json.id } : {}),
    ...(reply.status >= 400 && json?.code !== undefined ? { errorCode: json.code } : {}),
  });
  return reply;
}

function parseMessageBody(json: unknown): { body: MessageBody } | { reply: Reply } {
  const parsed = messageBodySchema.safeParse(json ?? {});
  return parsed.success ? { body: parsed.data } : { reply: invalidBody([parsed.error.message]) };
}

/** Which stored message a webhook message id names, if it belongs to this interaction. */
function ownedMessageId(tracked: TrackedInteraction, messageId: string): string | undefined {
  if (messageId === '@original') return tracked.originalMessageId;
  if (messageId === tracked.originalMessageId || tracked.followupIds.has(messageId)) return messageId;
  return undefined;
}

function webhookMessageRoutes({ ledger, messages }: Parts): Route[] {
  const path = '/webhooks/:app/:token/messages/:message';
  const kindOf = (messageId: string, tracked: TrackedInteraction, verb: 'edit' | 'delete'): ResponseKind =>
    messageId === '@original' || messageId === tracked.originalMessageId
      ? `${verb}-original`
      : `${verb}-followup`;
  return [
    {
      name: 'webhook-message-get',
      method: 'GET',
      path,
      auth: false,
      handle: ({ params }) => {
        const target = webhookTarget(ledger, params);
        if (isReply(target)) return target;
        const id = ownedMessageId(target, params.message!);
        const message = id ? messages.get(id) : undefined;
        return message ? { status: 200, json: message } : unknownMessage();
      },
    },
    {
      name: 'webhook-message-edit',
      method: 'PATCH',
      path,
      auth: false,
      handle: (context) => {
        const target = webhookTarget(ledger, context.params);
        if (isReply(target)) return target;
        return recordWebhook(ledger, target, kindOf(context.params.message!, target, 'edit'), context, () => {
          const id = ownedMessageId(target, context.params.message!);
          if (!id) return unknownMessage();
          const parsed = parseMessageBody(context.body.json);
          if ('reply' in parsed) return parsed.reply;
          const edited = messages.edit(id, parsed.body, context.body.files);
          return edited ? { status: 200, json: edited } : unknownMessage();
        });
      },
    },
    {
      name: 'webhook-message-delete',
      method: 'DELETE',
      path,
      auth: false,
      handle: (context) => {
        const target = webhookTarget(ledger, context.params);
        if (isReply(target)) return target;
        return recordWebhook(
          ledger,
          target,
          kindOf(context.params.message!, target, 'delete'),
          context,
          () => {
            const id = ownedMessageId(target, context.params.message!);
            if (!id || !messages.delete(id)) return unknownMessage();
            target.followupIds.delete(id);
            return { status: 204 };
          },
        );
      },
    },
  ];
}

/**
 * POST /webhooks/{app}/{token}: a follow-up. After a deferred reply the first follow-up
 * fills the "thinking…" message instead of posting a new one, as on Discord.
 */
function followupRoute({ ledger, messages }: Parts): Route {
  return {
    name: 'webhook-followup',
    method: 'POST',
    path: '/webhooks/:app/:token',
    auth: false,
    handle: (context) => {
      const target = webhookTarget(ledger, context.params);
      if (isReply(target)) return target;
      return recordWebhook(ledger, target, 'followup', context, () => {
        const parsed = parseMessageBody(context.body.json);
        if ('reply' in parsed) return parsed.reply;
        const original = target.originalMessageId ? messages.get(target.originalMessageId) : undefined;
        const message =
          original && ((original.flags ?? 0) & MessageFlags.Loading) !== 0
            ? messages.edit(original.id, parsed.body, context.body.files)!
            : messages.create({
                body: parsed.body,
                files: context.body.files,
                channelId: target.payload.channel?.id ?? target.payload.channel_id!,
                guildId: target.payload.guild_id,
                type: messageTypeFor(target),
                applicationId: APPLICATION_ID,
                interactionMetadata: interactionMetadata(target, target.originalMessageId),
              });
        if (message.id !== target.originalMessageId) target.followupIds.add(message.id);
        return context.query.get('wait') === 'true' ? { status: 200, json: message } : { status: 204 };
      });
    },
  };
}

export function interactionRoutes(parts: Parts): Route[] {
  return [callbackRoute(parts), followupRoute(parts), ...webhookMessageRoutes(parts)];
}
