import type { Clock } from '../clock.js';
import { oneLineNameSchema } from '../input-rules.js';
import type { GroupRef, NewMember, Store, StudyGroup } from '../store/index.js';

export type { GroupRef, NewMember, StudyGroup } from '../store/index.js';

/** Longest study-group name, in characters (the /studygroup option declares the same). */
export const GROUP_NAME_MAX = 50;

/** One line, 1–50 characters after trimming, no control characters (newlines included). */
const groupNameSchema = oneLineNameSchema(GROUP_NAME_MAX);

export type CreateGroup =
  | { kind: 'created'; group: StudyGroup }
  | { kind: 'invalid-name' }
  /** The channel already holds a study group. */
  | { kind: 'already-registered'; existing: StudyGroup };

export type AddMember =
  | { kind: 'added'; group: StudyGroup }
  | { kind: 'already-member'; group: StudyGroup }
  | { kind: 'no-group' };

/** Several learners added at once: who joined now and who was already in (each listed once). */
export type AddMembers =
  | { kind: 'done'; group: StudyGroup; added: NewMember[]; alreadyMembers: NewMember[] }
  | { kind: 'no-group' };

export type LeaveGroup =
  | { kind: 'left'; group: StudyGroup }
  | { kind: 'not-member'; group: StudyGroup }
  | { kind: 'no-group' };

export type RenameGroup =
  | { kind: 'renamed'; group: StudyGroup; previousName: string }
  | { kind: 'invalid-name' }
  | { kind: 'no-group' };

export type MoveGroup =
  | { kind: 'moved'; group: StudyGroup; fromChannelId: string }
  | { kind: 'same-channel'; group: StudyGroup }
  | { kind: 'target-taken'; existing: StudyGroup }
  | { kind: 'no-group' };

/** Study groups: one per channel of a server, their names and members. */
export class StudyGroupService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Registers the channel as a study group under a valid name (trimmed; see groupNameSchema). */
  create(ref: GroupRef, name: string, createdBy: string): CreateGroup {
    const checked = groupNameSchema.safeParse(name);
    if (!checked.success) return { kind: 'invalid-name' };
    const created = this.store.groups.create({ ...ref, name: checked.data, createdBy, at: this.clock.now() });
    return created.ok
      ? { kind: 'created', group: created.group }
      : { kind: 'already-registered', existing: created.existing };
  }

  /** The study group of a channel, if it is one. */
  find(ref: GroupRef): StudyGroup | null {
    return this.store.groups.get(ref) ?? null;
  }

  list(guildId: string): StudyGroup[] {
    return this.store.groups.list(guildId);
  }

  /**
   * Unregisters the channel's group and its member list; step completions, quiz results and
   * points stay. Returns the group as it was, or null when the channel held none.
   */
  remove(ref: GroupRef): StudyGroup | null {
    const group = this.find(ref);
    if (!group) return null;
    this.store.groups.remove(ref);
    return group;
  }

  /** Adds one learner (an instructor's `add`, or the learner's own `join`). */
  addMember(ref: GroupRef, member: NewMember | string): AddMember {
    const added = this.addMembers(ref, [
      typeof member === 'string' ? { userId: member, displayName: null } : member,
    ]);
    if (added.kind === 'no-group') return added;
    return { kind: added.added.length === 1 ? 'added' : 'already-member', group: added.group };
  }

  /** Adds learners in one transaction; a learner named twice counts once. */
  addMembers(ref: GroupRef, members: readonly NewMember[]): AddMembers {
    const unique = [...new Map(members.map((member) => [member.userId, member])).values()];
    const changes = this.store.groups.addMembers(ref, unique, this.clock.now());
    const group = changes === 'no-group' ? undefined : this.find(ref);
    if (changes === 'no-group' || !group) return { kind: 'no-group' };
    return {
      kind: 'done',
      group,
      added: unique.filter((_, index) => changes[index] === 'added'),
      alreadyMembers: unique.filter((_, index) => changes[index] === 'already-member'),
    };
  }

  /** A learner leaves the channel's group; their progress and points stay. */
  leave(ref: GroupRef, userId: string): LeaveGroup {
    const group = this.find(ref);
    if (!group) return { kind: 'no-group' };
    const left = this.store.groups.removeMember({ ...ref, userId });
    const after = this.find(ref) ?? group;
    return left ? { kind: 'left', group: after } : { kind: 'not-member', group };
  }

  /** Gives the channel's group a new name; members, history and digest settings stay. */
  rename(ref: GroupRef, name: string): RenameGroup {
    const checked = groupNameSchema.safeParse(name);
    if (!checked.success) return { kind: 'invalid-name' };
    const before = this.find(ref);
    if (!before || !this.store.groups.rename({ ...ref, name: checked.data })) return { kind: 'no-group' };
    return { kind: 'renamed', group: this.find(ref)!, previousName: before.name };
  }

  /** Moves a group to another channel with its members, history and digest settings. */
  move(from: GroupRef, toChannelId: string): MoveGroup {
    const moved = this.store.groups.move(from, toChannelId);
    if (!moved.ok)
      return moved.reason === 'no-group'
        ? { kind: 'no-group' }
        : { kind: 'target-taken', existing: moved.existing };
    if (from.channelId === toChannelId) return { kind: 'same-channel', group: moved.group };
    return { kind: 'moved', group: moved.group, fromChannelId: from.channelId };
  }
}
