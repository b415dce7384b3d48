import { type APIRole, PermissionFlagsBits } from 'discord-api-types/v10';
import { discordError } from './errors.js';
import { BOT_ROLE_ID, type FakeUser, GUILD_ID, guildRoles } from './fixtures.js';
import type { Reply } from './rest.js';

/**
 * The guild's roles as the fake keeps them (tests may change a role's permissions or position),
 * the bot's own roles, and the roles the bot granted to members. Granting follows Discord's
 * rules: Manage Roles (or Administrator) from the bot's roles, and the role strictly below the
 * bot's highest role and not managed; else 403 code 50013.
 */
export class FakeGuildRoles {
  readonly roles: APIRole[] = guildRoles.map((role) => ({ ...role }));
  readonly botRoleIds: string[] = [BOT_ROLE_ID];
  private readonly granted = new Map<string, Set<string>>();

  find(roleId: string): APIRole | undefined {
    return this.roles.find((role) => role.id === roleId);
  }

  /** Changes a role (permissions as a bigint, position); returns the updated role for the gateway. */
  update(roleId: string, patch: { permissions?: bigint; position?: number }): APIRole {
    const role = this.find(roleId);
    if (!role) throw new Error(`The fake guild has no role ${roleId}.`);
    if (patch.permissions !== undefined) role.permissions = patch.permissions.toString();
    if (patch.position !== undefined) role.position = patch.position;
    return role;
  }

  private botPermissions(): bigint {
    const ids = new Set([GUILD_ID, ...this.botRoleIds]);
    return this.roles
      .filter((role) => ids.has(role.id))
      .reduce((bits, role) => bits | BigInt(role.permissions), 0n);
  }

  private botHighestPosition(): number {
    return Math.max(0, ...this.botRoleIds.map((id) => this.find(id)?.position ?? 0));
  }

  /** PUT /guilds/{g}/members/{u}/roles/{r} and DELETE, as Discord answers them. */
  change(
    params: { guild: string; user: string; role: string },
    member: FakeUser | undefined,
    add: boolean,
  ): Reply {
    if (params.guild !== GUILD_ID) return discordError(404, 10004, 'Unknown Guild');
    const role = this.find(params.role);
    if (!role) return discordError(404, 10011, 'Unknown Role');
    if (!member) return discordError(404, 10007, 'Unknown Member');
    const permissions = this.botPermissions();
    const mayManage =
      (permissions & (PermissionFlagsBits.ManageRoles | PermissionFlagsBits.Administrator)) !== 0n;
    if (!mayManage || role.managed || role.position >= this.botHighestPosition() || role.id === GUILD_ID) {
      return discordError(403, 50013, 'Missing Permissions');
    }
    const roles = this.granted.get(member.user.id) ?? new Set<string>();
    if (add) roles.add(role.id);
    else roles.delete(role.id);
    this.granted.set(member.user.id, roles);
    return { status: 204 };
  }

  /** Roles the bot granted to a member (beyond the fixture's own roles). */
  grantedTo(userId: string): string[] {
    return [...(this.granted.get(userId) ?? [])];
  }
}
