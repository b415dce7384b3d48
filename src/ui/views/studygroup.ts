import type { Translate } from '../../i18n/index.js';
import type { DigestSchedule } from '../../services/digests.js';
import { GROUP_NAME_MAX, type StudyGroup } from '../../services/study-groups.js';
import { ACCENT, container, separator, text } from '../components.js';
import { escapeUserText } from '../escape.js';
import { fitLines } from '../fit-lines.js';
import { componentsMessage, type Message } from '../message.js';
import { scheduleText } from './digest.js';

/** A group's name as users see it: escaped, so a name never turns into Markdown or a mention. */
export function groupName(group: Pick<StudyGroup, 'name'>): string {
  return escapeUserText(group.name, { max: GROUP_NAME_MAX });
}

/** One short ephemeral answer of /studygroup (created, removed, member added). */
export function renderGroupNotice(message: string): Message {
  return componentsMessage([container(ACCENT.lesson, [text(message)])]);
}

/** A group in `/studygroup list`, with its weekly digest setting (null: off). */
export interface ListedGroup extends StudyGroup {
  digest?: DigestSchedule | null;
}

/** `/studygroup list`: each group with its channel, member count, creator, creation time and digest. */
export function renderGroupList(groups: readonly ListedGroup[], t: Translate): Message {
  const lines = groups.map((group) => {
    const line = t('studygroup.listLine', {
      name: groupName(group),
      channelId: group.channelId,
      members: group.memberCount,
      createdBy: group.createdBy,
      // A Discord timestamp shows in each reader's own time zone and language.
      createdAt: Math.floor(group.createdAt / 1000),
    });
    if (group.digest === undefined) return line;
    const digest = group.digest
      ? t('digest.listOn', { schedule: scheduleText(group.digest, t) })
      : t('digest.listOff');
    return `${line} · ${digest}`;
  });
  return componentsMessage([
    container(ACCENT.lesson, [
      text(t('studygroup.listHeader', { count: groups.length })),
      separator(),
      text(
        lines.length > 0
          ? fitLines(lines, '\n\n', (count) => t('lists.more', { count }))
          : t('studygroup.listEmpty'),
      ),
      separator(),
      text(t('studygroup.listHint')),
    ]),
  ]);
}

export interface MembersAddedView {
  group: StudyGroup;
  channelId: string;
  added: readonly { userId: string }[];
  alreadyMembers: readonly { userId: string }[];
}

/** Mentions show as names in an ephemeral answer and never ping (no mentions are parsed). */
function mentions(users: readonly { userId: string }[]): string {
  return users.map((user) => `<@${user.userId}>`).join(', ');
}

/** `/studygroup add`: who was added and who already was a member, each named once. */
export function renderMembersAdded(view: MembersAddedView, t: Translate): Message {
  const base = { name: groupName(view.group), channelId: view.channelId, members: view.group.memberCount };
  const [only] = [...view.added, ...view.alreadyMembers];
  if (only && view.added.length + view.alreadyMembers.length === 1) {
    const key = view.added.length === 1 ? 'studygroup.memberAdded' : 'studygroup.alreadyMember';
    return renderGroupNotice(t(key, { ...base, userId: only.userId }));
  }
  const lines = [t('studygroup.membersAdded', { ...base, count: view.added.length })];
  if (view.added.length > 0) lines.push(t('studygroup.addedList', { users: mentions(view.added) }));
  if (view.alreadyMembers.length > 0) {
    lines.push(t('studygroup.alreadyList', { users: mentions(view.alreadyMembers) }));
  }
  return renderGroupNotice(lines.join('\n'));
}
