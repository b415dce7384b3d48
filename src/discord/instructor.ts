import { PermissionFlagsBits } from 'discord-api-types/v10';

export interface MemberFacts {
  /** The member's permissions in the channel, as Discord computed them (bitfield). */
  permissions: bigint | null;
  roleIds: readonly string[];
}

/**
 * Instructor = Manage Server (Administrator implies it) or one of the configured roles. Checked
 * on the server for every instructor command and button: Discord's default_member_permissions
 * only hides commands, admins can override it, and buttons carry no permission at all.
 */
export function isInstructor(member: MemberFacts | null, instructorRoleIds: readonly string[]): boolean {
  if (!member) return false;
  const permissions = member.permissions ?? 0n;
  if ((permissions & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n)
    return true;
  return member.roleIds.some((roleId) => instructorRoleIds.includes(roleId));
}
