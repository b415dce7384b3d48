import { randomBytes } from 'node:crypto';
import {
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIInteractionDataResolved,
  type APIInteractionDataResolvedChannel,
  type APIInteractionDataResolvedGuildMember,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIRole,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
} from 'discord-api-types/v10';
import {
  APPLICATION_ID,
  BOT_PERMISSIONS,
  type FakeUser,
  GUILD_ID,
  guildTextChannels,
  learner,
  memberShape,
} from './fixtures.js';

/** An option as the test writes it; type numbers as Discord's (3 string, 4 integer, 5 boolean …). */
export interface CommandOption {
  name: string;
  type: ApplicationCommandOptionType;
  value: string | number | boolean;
  focused?: boolean;
  /** For USER options: the person, so the fake can fill `resolved` without addUser(). */
  person?: FakeUser;
}

/** Who acts, where, and in which language — shared by every injected interaction. */
export interface Actor {
  /** Defaults to the learner fixture. */
  user?: FakeUser;
  /** Overrides the member's computed permissions (a bigint bit set). */
  permissions?: bigint;
  /** Overrides the member's role ids. */
  roles?: string[];
  /** The user's client language, default "ko". */
  locale?: string;
  guildLocale?: string;
  /** Defaults to the general channel. */
  channelId?: string;
  /** The server the interaction comes from; defaults to the fake's guild (GUILD_ID). */
  guildId?: string;
}

export interface ChatCommandInput extends Actor {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: CommandOption[];
  /** Extra resolved data merged over what the fake fills in for user/channel options. */
  resolved?: APIInteractionDataResolved;
}

export interface AutocompleteInput extends Actor {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** Exactly one option must have `focused: true`; its value is what the user has typed. */
  options: CommandOption[];
}

export interface ButtonInput extends Actor {
  customId: string;
  /** The message the button was on, as the fake stored it (see `FakeDiscord.messageFor`). */
  message: APIMessage;
}

/** What the builders need from the running fake. */
export interface PayloadContext {
  nextId(): string;
  commandId(name: string): string;
  findUser(id: string): FakeUser | undefined;
  findRole(id: string): APIRole | undefined;
  joinedAt: string;
}

/** Shorthands for options with Discord's type numbers. */
export const option = {
  string: (name: string, value: string): CommandOption => ({
    name,
    type: ApplicationCommandOptionType.String,
    value,
  }),
  integer: (name: string, value: number): CommandOption => ({
    name,
    type: ApplicationCommandOptionType.Integer,
    value,
  }),
  number: (name: string, value: number): CommandOption => ({
    name,
    type: ApplicationCommandOptionType.Number,
    value,
  }),
  boolean: (name: string, value: boolean): CommandOption => ({
    name,
    type: ApplicationCommandOptionType.Boolean,
    value,
  }),
  user: (name: string, user: FakeUser | string): CommandOption => ({
    name,
    type: ApplicationCommandOptionType.User,
    value: typeof user === 'string' ? user : user.user.id,
    ...(typeof user === 'string' ? {} : { person: user }),
  }),
  channel: (name: string, channelId: string): CommandOption => ({
    name,
    type: ApplicationCommandOptionType.Channel,
    value: channelId,
  }),
  role: (name: string, roleId: string): CommandOption => ({
    name,
    type: ApplicationCommandOptionType.Role,
    value: roleId,
  }),
  /** A focused option for autocomplete: the partial text the user typed. */
  focused: (name: string, typed: string, type = ApplicationCommandOptionType.String): CommandOption => ({
    name,
    type,
    value: typed,
    focused: true,
  }),
};

const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

function channelOf(channelId: string) {
  const channel = guildTextChannels.find((candidate) => candidate.id === channelId);
  if (!channel) throw new Error(`The fake guild has no channel ${channelId}.`);
  return channel;
}

/** The parts every guild interaction carries, exactly as Discord fills them. */
function guildBase(ctx: PayloadContext, actor: Actor) {
  const who = actor.user ?? learner;
  const permissions = (actor.permissions ?? who.permissions).toString();
  const channel = channelOf(actor.channelId ?? guildTextChannels[0]!.id);
  const guildId = actor.guildId ?? GUILD_ID;
  return {
    id: ctx.nextId(),
    application_id: APPLICATION_ID,
    token: `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`,
    version: 1 as const,
    guild_id: guildId,
    guild: { id: guildId, locale: (actor.guildLocale ?? Locale.Korean) as Locale, features: [] },
    channel_id: channel.id,
    channel: { ...channel, guild_id: guildId, permissions },
    member: {
      user: who.user,
      ...memberShape({ ...who, roles: actor.roles ?? who.roles }, ctx.joinedAt),
      permissions,
    },
    app_permissions: BOT_PERMISSIONS.toString(),
    locale: (actor.locale ?? Locale.Korean) as Locale,
    guild_locale: (actor.guildLocale ?? Locale.Korean) as Locale,
    entitlements: [],
    authorizing_integration_owners: { 0: guildId },
    context: InteractionContextType.Guild,
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
  };
}

/** Wraps leaf options into their subcommand (and group), as Discord nests them. */
function nestOptions(input: {
  subcommandGroup?: string;
  subcommand?: string;
  options?: CommandOption[];
}): APIApplicationCommandInteractionDataOption[] {
  const leaves = (input.options ?? []).map(
    ({ name, type, value, focused }) =>
      ({ name, type, value, ...(focused ? { focused } : {}) }) as APIApplicationCommandInteractionDataOption,
  );
  if (!input.subcommand) {
    if (input.subcommandGroup) throw new Error('A subcommand group needs a subcommand.');
    return leaves;
  }
  const subcommand = {
    name: input.subcommand,
    type: ApplicationCommandOptionType.Subcommand,
    options: leaves,
  } as APIApplicationCommandInteractionDataOption;
  if (!input.subcommandGroup) return [subcommand];
  return [
    {
      name: input.subcommandGroup,
      type: ApplicationCommandOptionType.SubcommandGroup,
      options: [subcommand],
    } as APIApplicationCommandInteractionDataOption,
  ];
}

/** Fills `data.resolved` for user and channel options, the only way discord.js resolves them. */
function resolveOptions(
  ctx: PayloadContext,
  options: CommandOption[],
): APIInteractionDataResolved | undefined {
  const users: NonNullable<APIInteractionDataResolved['users']> = {};
  const members: Record<string, APIInteractionDataResolvedGuildMember> = {};
  const channels: Record<string, APIInteractionDataResolvedChannel> = {};
  const roles: NonNullable<APIInteractionDataResolved['roles']> = {};
  for (const entry of options) {
    if (entry.type === ApplicationCommandOptionType.Role) {
      const role = ctx.findRole(String(entry.value));
      if (!role) throw new Error(`The fake guild has no role ${String(entry.value)}.`);
      roles[role.id] = role;
    }
    if (entry.type === ApplicationCommandOptionType.User) {
      const id = String(entry.value);
      const found = entry.person ?? ctx.findUser(id);
      if (!found) throw new Error(`Unknown user ${id}: add it with fake.addUser() first.`);
      users[id] = found.user;
      members[id] = { ...memberShape(found, ctx.joinedAt), permissions: found.permissions.toString() };
    }
    if (entry.type === ApplicationCommandOptionType.Channel) {
      const channel = channelOf(String(entry.value));
      channels[channel.id] = {
        id: channel.id,
        name: channel.name,
        type: channel.type,
        permissions: BOT_PERMISSIONS.toString(),
      } as APIInteractionDataResolvedChannel;
    }
  }
  const resolved: APIInteractionDataResolved = {
    ...(Object.keys(users).length > 0 ? { users, members } : {}),
    ...(Object.keys(channels).length > 0 ? { channels } : {}),
    ...(Object.keys(roles).length > 0 ? { roles } : {}),
  };
  return Object.keys(resolved).length > 0 ? resolved : undefined;
}

function mergeResolved(
  filled: APIInteractionDataResolved | undefined,
  extra: APIInteractionDataResolved | undefined,
): APIInteractionDataResolved | undefined {
  if (!extra) return filled;
  const merged: APIInteractionDataResolved = { ...filled };
  for (const key of ['users', 'members', 'roles', 'channels', 'attachments'] as const) {
    if (extra[key]) Object.assign(merged, { [key]: { ...filled?.[key], ...extra[key] } });
  }
  return merged;
}

export function chatCommandPayload(
  ctx: PayloadContext,
  input: ChatCommandInput,
): APIChatInputApplicationCommandGuildInteraction {
  const options = nestOptions(input);
  const resolved = mergeResolved(resolveOptions(ctx, input.options ?? []), input.resolved);
  return {
    ...guildBase(ctx, input),
    type: InteractionType.ApplicationCommand,
    data: {
      id: ctx.commandId(input.name),
      name: input.name,
      type: ApplicationCommandType.ChatInput,
      guild_id: input.guildId ?? GUILD_ID,
      ...(options.length > 0 ? { options } : {}),
      ...(resolved ? { resolved } : {}),
    },
  };
}

export function autocompletePayload(
  ctx: PayloadContext,
  input: AutocompleteInput,
): APIApplicationCommandAutocompleteGuildInteraction {
  const focused = input.options.filter((candidate) => candidate.focused);
  if (focused.length !== 1) throw new Error('An autocomplete needs exactly one focused option.');
  return {
    ...guildBase(ctx, input),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: ctx.commandId(input.name),
      name: input.name,
      type: ApplicationCommandType.ChatInput,
      guild_id: input.guildId ?? GUILD_ID,
      options: nestOptions(input),
    },
  };
}

export function buttonPayload(ctx: PayloadContext, input: ButtonInput): APIMessageComponentButtonInteraction {
  return {
    ...guildBase(ctx, { ...input, channelId: input.channelId ?? input.message.channel_id }),
    type: InteractionType.MessageComponent,
    data: { custom_id: input.customId, component_type: ComponentType.Button },
    message: input.message,
  } as APIMessageComponentButtonInteraction;
}
