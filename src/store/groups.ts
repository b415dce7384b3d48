import type { Database } from 'better-sqlite3';
import type { EpochMs } from './types.js';

export interface StudyGroup {
  groupId: number;
  guildId: string;
  channelId: string;
  name: string;
  createdBy: string;
  createdAt: EpochMs;
  memberCount: number;
}

export interface GroupRef {
  guildId: string;
  channelId: string;
}

export type CreateGroupResult = { ok: true; group: StudyGroup } | { ok: false; existing: StudyGroup };

export type MemberChange = 'added' | 'already-member' | 'no-group';

/** Someone to add to a group, with the name they go by now (kept for the weekly digest). */
export interface NewMember {
  userId: string;
  /** Null when unknown (a name seen before stays). */
  displayName: string | null;
}

export type MoveResult =
  | { ok: true; group: StudyGroup }
  | { ok: false; reason: 'no-group' }
  | { ok: false; reason: 'target-taken'; existing: StudyGroup };

const groupColumns = `g.group_id AS groupId, g.guild_id AS guildId, g.channel_id AS channelId, g.name,
  g.created_by AS createdBy, g.created_at AS createdAt,
  (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.group_id) AS memberCount`;

/** Study groups: one per channel in a server, with their members. */
export class GroupRepository {
  private readonly selectByChannel;
  private readonly selectByGuild;
  private readonly insertGroup;
  private readonly deleteGroup;
  private readonly insertMember;
  private readonly deleteMember;
  private readonly selectMembers;
  private readonly selectGroupsOfUser;
  private readonly renameMember;
  private readonly updateName;
  private readonly updateChannel;
  private readonly createInTransaction;
  private readonly addInTransaction;
  private readonly moveInTransaction;

  constructor(db: Database) {
    this.selectByChannel = db.prepare<GroupRef, StudyGroup>(
      `SELECT ${groupColumns} FROM study_groups g WHERE g.guild_id = @guildId AND g.channel_id = @channelId`,
    );
    this.selectByGuild = db.prepare<[string], StudyGroup>(
      `SELECT ${groupColumns} FROM study_groups g WHERE g.guild_id = ? ORDER BY g.name, g.group_id`,
    );
    this.insertGroup = db.prepare<GroupRef & { name: string; createdBy: string; at: number }>(
      `INSERT INTO study_groups (guild_id, channel_id, name, created_by, created_at)
       VALUES (@guildId, @channelId, @name, @createdBy, @at)`,
    );
    this.deleteGroup = db.prepare<GroupRef>(
      'DELETE FROM study_groups WHERE guild_id = @guildId AND channel_id = @channelId',
    );
    this.insertMember = db.prepare<{
      groupId: number;
      userId: string;
      at: number;
      displayName: string | null;
    }>(
      `INSERT INTO group_members (group_id, user_id, added_at, display_name)
       VALUES (@groupId, @userId, @at, @displayName)
       ON CONFLICT DO NOTHING`,
    );
    // A member already there keeps their place (added_at) but gets the name they go by now.
    this.renameMember = db.prepare<{ groupId: number; userId: string; displayName: string | null }>(
      `UPDATE group_members SET display_name = coalesce(@displayName, display_name)
       WHERE group_id = @groupId AND user_id = @userId`,
    );
    this.updateName = db.prepare<GroupRef & { name: string }>(
      'UPDATE study_groups SET name = @name WHERE guild_id = @guildId AND channel_id = @channelId',
    );
    this.updateChannel = db.prepare<{ groupId: number; channelId: string }>(
      'UPDATE study_groups SET channel_id = @channelId WHERE group_id = @groupId',
    );
    this.deleteMember = db.prepare<GroupRef & { userId: string }>(
      `DELETE FROM group_members WHERE user_id = @userId AND group_id =
         (SELECT group_id FROM study_groups WHERE guild_id = @guildId AND channel_id = @channelId)`,
    );
    this.selectMembers = db.prepare<GroupRef, { user_id: string }>(
      `SELECT m.user_id FROM group_members m JOIN study_groups g ON g.group_id = m.group_id
       WHERE g.guild_id = @guildId AND g.channel_id = @channelId ORDER BY m.added_at, m.user_id`,
    );
    this.selectGroupsOfUser = db.prepare<{ guildId: string; userId: string }, StudyGroup>(
      `SELECT ${groupColumns} FROM study_groups g JOIN group_members gm ON gm.group_id = g.group_id
       WHERE g.guild_id = @guildId AND gm.user_id = @userId ORDER BY g.name, g.group_id`,
    );
    this.createInTransaction = db.transaction(
      (request: GroupRef & { name: string; createdBy: string; at: EpochMs }): CreateGroupResult => {
        const existing = this.selectByChannel.get(request);
        if (existing) return { ok: false, existing };
        this.insertGroup.run(request);
        return { ok: true, group: this.selectByChannel.get(request)! };
      },
    );
    this.addInTransaction = db.transaction(
      (ref: GroupRef, members: readonly NewMember[], at: EpochMs): MemberChange[] | 'no-group' => {
        const group = this.selectByChannel.get({ guildId: ref.guildId, channelId: ref.channelId });
        if (!group) return 'no-group';
        return members.map((member) => {
          const row = { groupId: group.groupId, userId: member.userId, displayName: member.displayName };
          if (this.insertMember.run({ ...row, at }).changes === 1) return 'added';
          this.renameMember.run(row);
          return 'already-member';
        });
      },
    );
    this.moveInTransaction = db.transaction((from: GroupRef, toChannelId: string): MoveResult => {
      const group = this.selectByChannel.get({ guildId: from.guildId, channelId: from.channelId });
      if (!group) return { ok: false, reason: 'no-group' };
      const existing = this.selectByChannel.get({ guildId: from.guildId, channelId: toChannelId });
      if (existing) {
        return existing.groupId === group.groupId
          ? { ok: true, group }
          : { ok: false, reason: 'target-taken', existing };
      }
      this.updateChannel.run({ groupId: group.groupId, channelId: toChannelId });
      return {
        ok: true,
        group: this.selectByChannel.get({ guildId: from.guildId, channelId: toChannelId })!,
      };
    });
  }

  /** Registers a channel as a study group; a channel holds at most one group. */
  create(request: GroupRef & { name: string; createdBy: string; at: EpochMs }): CreateGroupResult {
    return this.createInTransaction.immediate(request);
  }

  get(ref: GroupRef): StudyGroup | undefined {
    return this.selectByChannel.get({ guildId: ref.guildId, channelId: ref.channelId });
  }

  list(guildId: string): StudyGroup[] {
    return this.selectByGuild.all(guildId);
  }

  /** Removes the group and its member list (learners' progress stays). False if there was none. */
  remove(ref: GroupRef): boolean {
    return this.deleteGroup.run({ guildId: ref.guildId, channelId: ref.channelId }).changes === 1;
  }

  addMember(request: GroupRef & { userId: string; at: EpochMs; displayName?: string }): MemberChange {
    const changes = this.addMembers(
      request,
      [{ userId: request.userId, displayName: request.displayName ?? null }],
      request.at,
    );
    return changes === 'no-group' ? changes : changes[0]!;
  }

  /** Adds learners in one transaction; for each, whether they were added or already a member. */
  addMembers(ref: GroupRef, members: readonly NewMember[], at: EpochMs): MemberChange[] | 'no-group' {
    return this.addInTransaction.immediate(ref, members, at);
  }

  /** Renames the channel's group; false when the channel holds none. */
  rename(ref: GroupRef & { name: string }): boolean {
    return this.updateName.run(ref).changes === 1;
  }

  /** Moves a group to another channel of the server, keeping its id, members and settings. */
  move(from: GroupRef, toChannelId: string): MoveResult {
    return this.moveInTransaction.immediate(from, toChannelId);
  }

  /** True when the user was a member. */
  removeMember(request: GroupRef & { userId: string }): boolean {
    return this.deleteMember.run(request).changes === 1;
  }

  members(ref: GroupRef): string[] {
    return this.selectMembers
      .all({ guildId: ref.guildId, channelId: ref.channelId })
      .map((row) => row.user_id);
  }

  /** The groups a learner belongs to in a server. */
  groupsOf(learner: { guildId: string; userId: string }): StudyGroup[] {
    return this.selectGroupsOfUser.all({ guildId: learner.guildId, userId: learner.userId });
  }
}
