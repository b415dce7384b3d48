import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { Locale, Translate } from '../i18n/index.js';
import type { Learner } from '../services/app-context.js';
import type { RoleSetupFacts } from '../services/milestone-roles.js';
import type { Message } from '../ui/message.js';
import type { UserArg } from './command-args.js';
import type { Delivery } from './messenger.js';

export type AutocompleteChoice =
  | APIApplicationCommandOptionChoice<string>
  | APIApplicationCommandOptionChoice<number>;

/**
 * How a handler answers, whatever it runs in (Discord or the local console). The adapter keeps
 * the interaction's state, so handlers never choose between reply, editReply and followUp.
 */
export interface Responder {
  /** Acknowledges now (ephemeral); the answer follows with `send` or `update`. Idempotent. */
  defer(): Promise<void>;
  /** The answer to a command, or a new ephemeral message for a button press. */
  send(message: Message): Promise<void>;
  /** Replaces the message whose button was pressed (a command answer falls back to `send`). */
  update(message: Message): Promise<void>;
  /** A further ephemeral message after the answer. */
  followUp(message: Message): Promise<void>;
  /**
   * An ephemeral notice that leaves any page as it is: the answer when none was given yet (or
   * the edit of a deferred command answer), else a follow-up.
   */
  notice(message: Message): Promise<void>;
  /** Autocomplete results (at most 25). */
  suggest(choices: AutocompleteChoice[]): Promise<void>;
  /** A public message in a channel (no mentions are ever parsed). */
  announce(channelId: string, message: Message): Promise<void>;
  /** A direct message to the person who interacted; never throws (closed DMs: `dm-closed`). */
  directMessage(message: Message): Promise<Delivery>;
}

/** What a handler may ask the server the interaction came from (Discord only). */
export interface ServerLookup {
  /** The bot's standing and the role's place, for the milestone role set-up check; null when unknown. */
  roleSetup(roleId: string): Promise<RoleSetupFacts | null>;
  /** Tells the background grants that there is work (a mapping was just set). */
  rolesQueued(): void;
}

/** Who acts and where: the part of an interaction a handler may look at. */
export interface Caller {
  guildId: string;
  /** The server's name when the adapter knows it (pictures print it). */
  guildName?: string | undefined;
  channelId: string;
  user: UserArg;
  locale: Locale;
  t: Translate;
  /** Manage Server permission or an instructor role; computed by the adapter on the server side. */
  isInstructor: boolean;
  /** The interaction comes from the home server (`DISCORD_GUILD_ID`). */
  inHomeServer: boolean;
  /** The user is listed in `OWNER_USER_IDS`: course-wide actions in any server. */
  isOwner: boolean;
  /** The server itself, when the adapter can reach it (not in the local console). */
  server?: ServerLookup | undefined;
}

/** Everything a handler gets besides its arguments: no globals. */
export interface Call extends Caller {
  respond: Responder;
  /** Correlates log lines and the error id shown to the user. */
  interactionId: string;
}

/** The learner a call is about: the caller, or another user (`userId`) of the same server. */
export function learnerOf(caller: Caller, userId: string = caller.user.id): Learner {
  return { guildId: caller.guildId, userId };
}
