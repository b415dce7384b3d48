import type { Translate } from '../../i18n/index.js';
import { escapeUserText } from '../escape.js';

/** Who a board or statistic covers, as the views show it: the server, a study group, a lesson. */
export interface ScopeView {
  /** The study group's name as an instructor typed it; escaped here. */
  groupName?: string | undefined;
  lesson?: { id: string; title: string } | undefined;
}

/** Longest group name shown in a scope line. */
const maxGroupName = 64;

/** "서버 전체", "스터디 그룹 …", "레슨 5.2 …", or group and lesson together. */
export function scopeLabel(scope: ScopeView, t: Translate): string {
  const labels: string[] = [];
  if (scope.groupName !== undefined) {
    labels.push(t('boards.scope.group', { name: escapeUserText(scope.groupName, { max: maxGroupName }) }));
  }
  if (scope.lesson)
    labels.push(t('boards.scope.lesson', { lessonId: scope.lesson.id, title: scope.lesson.title }));
  return labels.length > 0 ? labels.join(' · ') : t('boards.scope.server');
}
