import type { Translate } from '../../i18n/index.js';
import { GROUP_NAME_MAX, type StudyGroup } from '../../services/study-groups.js';
import { ACCENT, container, separator, text } from '../components.js';
import { escapeUserText } from '../escape.js';
import { fitLines } from '../fit-lines.js';
import { componentsMessage, type Message } from '../message.js';

/** A group's name as users see it: escaped, so a name never turns into Markdown or a mention. */
export function groupName(group: Pick<StudyGroup, 'name'>): string {
  return escapeUserText(group.name, { max: GROUP_NAME_MAX });
}

/** One short ephemeral answer of /studygroup (created, removed, member added). */
export function renderGroupNotice(message: string): Message {
  return componentsMessage([container(ACCENT.lesson, [text(message)])]);
}

/** `/studygroup list`: each group with its channel, member count, creator and creation time. */
export function renderGroupList(groups: readonly StudyGroup[], t: Translate): Message {
  const lines = groups.map((group) =>
    t('studygroup.listLine', {
      name: groupName(group),
      channelId: group.channelId,
      members: group.memberCount,
      createdBy: group.createdBy,
      // A Discord timestamp shows in each reader's own time zone and language.
      createdAt: Math.floor(group.createdAt / 1000),
    }),
  );
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
