import { ApplicationFlags, MessageFlags, MessageType } from 'discord-api-types/v10';
import type { CommandRegistry } from './commands.js';
import type { DirectMessages } from './direct-messages.js';
import { discordError, invalidBody, notFound, rejectionReply } from './errors.js';
import {
  APPLICATION_ID,
  botUser,
  type FakeUser,
  GUILD_ID,
  guildOwner,
  guildTextChannels,
  memberShape,
} from './fixtures.js';
import type { MessageStore } from './messages.js';
import type { Reply, Route } from './rest.js';
import type { FakeGuildRoles } from './roles.js';
import { commandListSchema, messageBodySchema } from './wire.js';

interface Parts {
  messages: MessageStore;
  directMessages: DirectMessages;
  roles: FakeGuildRoles;
  commands: CommandRegistry;
  gatewayUrl: () => string;
  findUser: (id: string) => FakeUser | undefined;
  joinedAt: string;
}

/** GET /gateway/bot: where to connect; the identify throttler reads session_start_limit. */
function gatewayRoutes({ gatewayUrl }: Parts): Route[] {
  return [
    {
      name: 'gateway-bot',
      method: 'GET',
      path: '/gateway/bot',
      auth: true,
      handle: () => ({
        status: 200,
        json: {
          url: gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
        },
      }),
    },
    {
      name: 'gateway',
      method: 'GET',
      path: '/gateway',
      auth: false,
      handle: () => ({ status: 200, json: { url: gatewayUrl() } }),
    },
  ];
}

const application = {
  id: APPLICATION_ID,
  name: 'docker-study-bot',
  icon: null,
  description: '',
  summary: '',
  type: null,
  bot_public: false,
  bot_require_code_grant: false,
  verify_key: '0'.repeat(64),
  flags: ApplicationFlags.GatewayMessageContentLimited,
  owner: guildOwner.user,
  team: null,
  bot: botUser,
  approximate_guild_count: 1,
  install_params: undefined,
  integration_types_config: { 0: {} },
};

function identityRoutes(): Route[] {
  return [
    {
      name: 'users-me',
      method: 'GET',
      path: '/users/@me',
      auth: true,
      handle: () => ({ status: 200, json: botUser }),
    },
    {
      name: 'applications-me',
      method: 'GET',
      path: '/applications/@me',
      auth: true,
      handle: () => ({ status: 200, json: application }),
    },
  ];
}

/** Global and guild command lists: GET returns what the last PUT stored, with ids. */
function commandRoutes({ commands }: Parts): Route[] {
  const scopeError = (params: Record<string, string>): Reply | undefined => {
    if (params.app !== APPLICATION_ID) return discordError(403, 50001, 'Missing Access');
    if (params.guild !== undefined && params.guild !== GUILD_ID)
      return discordError(404, 10004, 'Unknown Guild');
    return undefined;
  };
  const put: Route['handle'] = ({ params, body }) => {
    const error = scopeError(params);
    if (error) return error;
    const parsed = commandListSchema.safeParse(body.json);
    if (!parsed.success) return invalidBody([parsed.error.message]);
    return { status: 200, json: commands.replace(parsed.data, params.guild) };
  };
  const get: Route['handle'] = ({ params }) =>
    scopeError(params) ?? { status: 200, json: commands.list(params.guild) };
  const global = '/applications/:app/commands';
  const guild = '/applications/:app/guilds/:guild/commands';
  return [
    { name: 'commands-get', method: 'GET', path: global, auth: true, handle: get },
    { name: 'commands-put', method: 'PUT', path: global, auth: true, handle: put },
    { name: 'guild-commands-get', method: 'GET', path: guild, auth: true, handle: get },
    { name: 'guild-commands-put', method: 'PUT', path: guild, auth: true, handle: put },
  ];
}

/**
 * POST /channels/{id}/messages: public announcements and digests in server channels, and direct
 * messages. With `enforce_nonce`, a second message with the same nonce in the same channel is
 * not created: Discord answers with the first one (it keeps nonces for a few minutes; the fake
 * keeps them for its lifetime).
 */
function channelMessageRoute({ messages, directMessages }: Parts): Route {
  const byNonce = new Map<string, string>();
  return {
    name: 'channel-message-create',
    method: 'POST',
    path: '/channels/:channel/messages',
    auth: true,
    handle: ({ params, body }) => {
      const channelId = params.channel!;
      const recipient = directMessages.recipientOf(channelId);
      if (!recipient && !guildTextChannels.some((channel) => channel.id === channelId)) {
        return discordError(404, 10003, 'Unknown Channel');
      }
      if (recipient && directMessages.isClosed(recipient)) {
        return discordError(403, 50007, 'Cannot send messages to this user');
      }
      const parsed = messageBodySchema.safeParse(body.json ?? {});
      if (!parsed.success) return invalidBody([parsed.error.message]);
      const nonce =
        parsed.data.enforce_nonce && parsed.data.nonce !== undefined
          ? `${channelId}:${parsed.data.nonce}`
          : undefined;
      const earlier = nonce ? messages.get(byNonce.get(nonce) ?? '') : undefined;
      if (earlier) return { status: 200, json: earlier };
      try {
        const message = messages.create({
          // A channel message cannot be ephemeral; Discord ignores the flag there.
          body: { ...parsed.data, flags: (parsed.data.flags ?? 0) & ~MessageFlags.Ephemeral },
          files: body.files,
          channelId,
          guildId: recipient ? undefined : GUILD_ID,
          type: MessageType.Default,
        });
        if (nonce) byNonce.set(nonce, message.id);
        return { status: 200, json: message };
      } catch (error) {
        return rejectionReply(error);
      }
    },
  };
}

/** POST /users/@me/channels: opens (or finds) the DM channel with a user. */
function directMessageChannelRoute({ directMessages, findUser }: Parts): Route {
  return {
    name: 'dm-channel-create',
    method: 'POST',
    path: '/users/@me/channels',
    auth: true,
    handle: ({ body }) => {
      const recipientId = (body.json as { recipient_id?: unknown } | undefined)?.recipient_id;
      if (typeof recipientId !== 'string') return invalidBody(['recipient_id is required']);
      const user = findUser(recipientId);
      if (!user) return discordError(400, 50033, 'Invalid Recipient(s)');
      return { status: 200, json: directMessages.open(user) };
    },
  };
}

/** Granting and removing a member's role, with Discord's permission and hierarchy rules. */
function memberRoleRoutes({ roles, findUser }: Parts): Route[] {
  const path = '/guilds/:guild/members/:user/roles/:role';
  const change =
    (add: boolean): Route['handle'] =>
    ({ params }) =>
      roles.change(
        { guild: params.guild!, user: params.user!, role: params.role! },
        findUser(params.user!),
        add,
      );
  return [
    { name: 'member-role-put', method: 'PUT', path, auth: true, handle: change(true) },
    { name: 'member-role-delete', method: 'DELETE', path, auth: true, handle: change(false) },
  ];
}

/** Lookups discord.js makes on a cache miss: a channel, a member of the guild. */
function lookupRoutes({ findUser, joinedAt, roles }: Parts): Route[] {
  return [
    {
      name: 'channel-get',
      method: 'GET',
      path: '/channels/:channel',
      auth: true,
      handle: ({ params }) => {
        const channel = guildTextChannels.find((candidate) => candidate.id === params.channel);
        return channel ? { status: 200, json: channel } : discordError(404, 10003, 'Unknown Channel');
      },
    },
    {
      name: 'guild-member-get',
      method: 'GET',
      path: '/guilds/:guild/members/:user',
      auth: true,
      handle: ({ params }) => {
        if (params.guild !== GUILD_ID) return discordError(404, 10004, 'Unknown Guild');
        if (params.user === botUser.id) {
          const bot = { user: botUser, roles: roles.botRoleIds, permissions: 0n };
          return { status: 200, json: { user: botUser, ...memberShape(bot, joinedAt) } };
        }
        const person = findUser(params.user!);
        if (!person) return discordError(404, 10007, 'Unknown Member');
        return { status: 200, json: { user: person.user, ...memberShape(person, joinedAt) } };
      },
    },
  ];
}

/** The CDN side: attachment URLs in stored messages point here. */
function attachmentRoute({ messages }: Parts): Route {
  return {
    name: 'attachment-download',
    method: 'GET',
    path: '/attachments/:id/:name',
    auth: false,
    raw: true,
    handle: ({ params }) => {
      const bytes = messages.attachment(params.id!);
      return bytes
        ? { status: 200, bytes: { data: bytes, contentType: 'application/octet-stream' } }
        : notFound();
    },
  };
}

export function miscRoutes(parts: Parts): Route[] {
  return [
    ...gatewayRoutes(parts),
    ...identityRoutes(),
    ...commandRoutes(parts),
    channelMessageRoute(parts),
    directMessageChannelRoute(parts),
    ...lookupRoutes(parts),
    ...memberRoleRoutes(parts),
    attachmentRoute(parts),
  ];
}
