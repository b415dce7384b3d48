import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  type CommandInteractionOption,
  Events,
  GatewayIntentBits,
  type GuildMember,
  type Interaction,
  Options,
} from 'discord.js';
import type { Config } from '../config.js';
import { type CommandDirectory, noCommandIds } from '../i18n/command-mentions.js';
import { localeFrom, translator } from '../i18n/index.js';
import type { Call, Responder, ServerLookup } from '../interactions/call.js';
import type { RawInvocation, RawOptionValue } from '../interactions/command-args.js';
import type { Dispatcher } from '../interactions/dispatcher.js';
import type { Logger } from '../logger.js';
import { noticeMessage } from '../ui/message.js';
import { isInstructor } from './instructor.js';
import { AutocompleteResponder, DiscordResponder } from './responder.js';
import { restOptions } from './rest-options.js';
import { roleSetupFacts } from './roles.js';

/** Answer within Discord's 3 s: defer by itself when a handler is still busy after this. */
const autoDeferAfterMs = 1_000;

/** Keeps only the bot's own user and member in a cache limited to nothing else. */
const onlySelf = {
  maxSize: 0,
  keepOverLimit: (entry: { id: string; client: Client }) => entry.id === entry.client.user?.id,
};

/**
 * Only the Guilds intent: no privileged intents, no message content. Every payload the bot
 * sends is already Discord's JSON (discord-api-types shapes, snake_case keys), so discord.js's
 * camelCase → snake_case pass over each component tree is skipped: it cost more allocations per
 * lesson page than anything else the bot does. Every interaction carries its user, member and
 * message, so the bot caches none of them: by default discord.js keeps every user and member it
 * has seen, and the last 200 messages (whole lesson pages) of every channel.
 */
export function createDiscordClient(config: Config): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: restOptions(config.DISCORD_API_URL),
    allowedMentions: { parse: [] },
    jsonTransformer: (json) => json,
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: onlySelf,
      GuildMemberManager: onlySelf,
    }),
  });
}

function memberRoleIds(member: BaseInteraction['member']): string[] {
  if (!member) return [];
  if (Array.isArray(member.roles)) return member.roles;
  return [...(member as GuildMember).roles.cache.keys()];
}

function displayNameOf(interaction: BaseInteraction): string {
  const member = interaction.member;
  const nick = member && 'nick' in member ? member.nick : null;
  return nick || interaction.user.globalName || interaction.user.username;
}

/** Hooks the runtime lends the adapter: work to look at once an interaction is answered. */
export interface AdapterHooks {
  /** Milestone grants may be due (a milestone reached, a mapping set): called after each answer. */
  rolesQueued(): void;
}

const noHooks: AdapterHooks = { rolesQueued: () => undefined };

function serverLookup(interaction: BaseInteraction, hooks: AdapterHooks): ServerLookup {
  return {
    roleSetup: (roleId) => roleSetupFacts(interaction.guild, roleId),
    rolesQueued: () => hooks.rolesQueued(),
  };
}

function callFor(
  interaction: BaseInteraction,
  respond: Responder,
  config: Config,
  hooks: AdapterHooks = noHooks,
  commands: CommandDirectory,
): Call | null {
  if (!interaction.guildId || !interaction.channelId) return null;
  const locale = localeFrom(interaction.locale);
  return {
    interactionId: interaction.id,
    guildId: interaction.guildId,
    guildName: interaction.guild?.name,
    channelId: interaction.channelId,
    user: { id: interaction.user.id, displayName: displayNameOf(interaction) },
    locale,
    t: translator(locale, commands),
    isInstructor: isInstructor(
      {
        permissions: interaction.memberPermissions?.bitfield ?? null,
        roleIds: memberRoleIds(interaction.member),
      },
      config.INSTRUCTOR_ROLE_IDS,
    ),
    inHomeServer: interaction.guildId === config.DISCORD_GUILD_ID,
    isOwner: config.OWNER_USER_IDS.includes(interaction.user.id),
    server: serverLookup(interaction, hooks),
    respond,
  };
}

function optionValue(option: CommandInteractionOption): RawOptionValue | undefined {
  switch (option.type) {
    case ApplicationCommandOptionType.User: {
      if (!option.user) return undefined;
      const member = option.member;
      const nick = member && 'nick' in member ? member.nick : null;
      return { id: option.user.id, displayName: nick || option.user.globalName || option.user.username };
    }
    case ApplicationCommandOptionType.Channel:
      if (!option.channel) return undefined;
      return { id: option.channel.id, name: 'name' in option.channel ? (option.channel.name ?? null) : null };
    case ApplicationCommandOptionType.Role:
      if (!option.role) return undefined;
      return { id: option.role.id, name: option.role.name ?? null, kind: 'role' };
    default:
      return option.value ?? undefined;
  }
}

/** Flattens Discord's option tree into the neutral invocation the dispatcher reads. */
export function invocationOf(data: readonly CommandInteractionOption[]): RawInvocation {
  let first = data[0];
  let group = '';
  // A subcommand in a group arrives nested one level deeper; it is named `group sub`.
  if (first?.type === ApplicationCommandOptionType.SubcommandGroup) {
    group = `${first.name} `;
    first = first.options?.[0];
  }
  const subcommand = first?.type === ApplicationCommandOptionType.Subcommand ? `${group}${first.name}` : null;
  const leaves = subcommand ? (first?.options ?? []) : data;
  const options = new Map<string, RawOptionValue>();
  for (const option of leaves) {
    const value = optionValue(option);
    if (value !== undefined) options.set(option.name, value);
  }
  return { subcommand, options };
}

/** Told the time from an interaction's arrival to its first response, by interaction type. */
export type ResponseTimeObserver = (type: 'command' | 'button' | 'autocomplete', seconds: number) => void;

/** Routes every interaction the client receives into the dispatcher. */
export function attachDispatcher<App extends { logger: Logger }>(
  client: Client,
  dispatcher: Dispatcher<App>,
  config: Config,
  logger: Logger,
  observeResponseTime: ResponseTimeObserver = () => undefined,
  hooks: AdapterHooks = noHooks,
  /** The registered commands' ids, so that messages can mention commands (learned after login). */
  commands: CommandDirectory = noCommandIds,
): void {
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    void handle(interaction)
      .catch((error: unknown) => {
        logger.error({ err: error, interactionId: interaction.id }, 'interaction could not be answered');
      })
      // The answer is sent: a milestone it reached may now get its role, without delaying it.
      .finally(() => hooks.rolesQueued());
  });

  async function handle(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return handleAutocomplete(interaction);
    if (interaction.isChatInputCommand()) return handleCommand(interaction);
    if (interaction.isButton()) return handleButton(interaction);
  }

  async function handleCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const responder = new DiscordResponder(interaction, (seconds) => observeResponseTime('command', seconds));
    const call = callFor(interaction, responder, config, hooks, commands);
    if (!call) return refuseOutsideGuild(interaction, responder);
    responder.armAutoDefer(autoDeferAfterMs);
    await dispatcher.command(call, interaction.commandName, invocationOf(interaction.options.data));
  }

  async function handleButton(interaction: ButtonInteraction): Promise<void> {
    const responder = new DiscordResponder(interaction, (seconds) => observeResponseTime('button', seconds));
    const call = callFor(interaction, responder, config, hooks, commands);
    if (!call) return refuseOutsideGuild(interaction, responder);
    responder.armAutoDefer(autoDeferAfterMs);
    await dispatcher.button(call, interaction.customId);
  }

  async function handleAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const responder = new AutocompleteResponder(interaction, (seconds) =>
      observeResponseTime('autocomplete', seconds),
    );
    const call = callFor(interaction, responder, config, hooks, commands);
    if (!call) return responder.suggest([]);
    const focused = interaction.options.getFocused(true);
    const typed = new Map<string, unknown>(
      invocationOf(interaction.options.data).options as ReadonlyMap<string, unknown>,
    );
    await dispatcher.autocomplete(
      call,
      interaction.commandName,
      { name: focused.name, value: String(focused.value) },
      typed,
    );
  }

  async function refuseOutsideGuild(
    interaction: BaseInteraction,
    responder: DiscordResponder,
  ): Promise<void> {
    const t = translator(localeFrom(interaction.locale));
    await responder.notice(noticeMessage(t('error.guildOnly')));
  }
}
