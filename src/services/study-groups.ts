import type { Clock } from '../clock.js';
import { oneLineNameSchema } from '../input-rules.js';
import type { GroupRef, Store, StudyGroup } from '../store/index.js';

export type { GroupRef, StudyGroup } from '../store/index.js';

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

  addMember(ref: GroupRef, userId: string): AddMember {
    const change = this.store.groups.addMember({ ...ref, userId, at: this.clock.now() });
    if (change === 'no-group') return { kind: 'no-group' };
    const group = this.find(ref);
    if (!group) return { kind: 'no-group' };
    return { kind: change, group };
  }
}
