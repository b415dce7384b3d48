import {
  type Client,
  DiscordAPIError,
  type Guild,
  HTTPError,
  PermissionFlagsBits,
  RateLimitError,
} from 'discord.js';
import { Routes } from 'discord-api-types/v10';
import type { GrantOutcome, RoleGranter, RoleSetupFacts } from '../services/milestone-roles.js';
import type { DueGrant } from '../store/index.js';

/** Discord's error codes a grant can meet. */
const MISSING_PERMISSIONS = 50013;
const UNKNOWN_ROLE = 10011;
const UNKNOWN_MEMBER = 10007;
const UNKNOWN_GUILD = 10004;

/** What a failed grant means: try again later, or never. */
export function grantOutcomeOf(error: unknown): GrantOutcome {
  if (error instanceof DiscordAPIError) {
    if (error.code === MISSING_PERMISSIONS) return { kind: 'retry', reason: 'missing-permissions' };
    if (error.code === UNKNOWN_ROLE) return { kind: 'permanent', reason: 'unknown-role' };
    if (error.code === UNKNOWN_MEMBER) return { kind: 'permanent', reason: 'unknown-member' };
    if (error.code === UNKNOWN_GUILD) return { kind: 'permanent', reason: 'unknown-server' };
    if (error.status >= 500 || error.status === 429) return { kind: 'retry', reason: `http-${error.status}` };
    return { kind: 'permanent', reason: `discord-${error.code}` };
  }
  if (error instanceof HTTPError) return { kind: 'retry', reason: `http-${error.status}` };
  if (error instanceof RateLimitError) return { kind: 'retry', reason: 'rate-limited' };
  return { kind: 'retry', reason: 'network' };
}

/** Grants roles through Discord's REST API (PUT …/members/{user}/roles/{role}). */
export function discordRoleGranter(client: Client, auditReason: string): RoleGranter {
  return {
    async grant(grant: DueGrant): Promise<GrantOutcome> {
      try {
        await client.rest.put(Routes.guildMemberRole(grant.guildId, grant.userId, grant.roleId), {
          reason: auditReason,
        });
        return { kind: 'granted' };
      } catch (error) {
        return grantOutcomeOf(error);
      }
    },
  };
}

/**
 * The bot's standing in a server and the role's place, for the set-up check: from the guild's
 * cached roles (GUILD_CREATE, kept current by role updates) and the bot's own member (fetched
 * when not cached). Null when the server or the role is not known.
 */
export async function roleSetupFacts(guild: Guild | null, roleId: string): Promise<RoleSetupFacts | null> {
  if (!guild) return null;
  const role = guild.roles.cache.get(roleId);
  if (!role) return null;
  const me = guild.members.me ?? (await guild.members.fetchMe());
  return {
    botManagesRoles: me.permissions.has(PermissionFlagsBits.ManageRoles),
    botTopPosition: me.roles.highest.position,
    role: { id: role.id, position: role.position, managed: role.managed, isEveryone: role.id === guild.id },
  };
}
