import type { MessageKey, Translate } from '../../i18n/index.js';
import type { RoleSetupProblem, RolesOverview, SetRoleResult } from '../../services/milestone-roles.js';
import type { Milestone, MilestoneRole } from '../../store/index.js';
import { ACCENT, container, separator, text } from '../components.js';
import { escapeUserText } from '../escape.js';
import { fitLines } from '../fit-lines.js';
import { componentsMessage, type Message, noticeMessage } from '../message.js';

/** A role as Discord shows it to the reader (a mention; messages never ping anyone). */
const roleMention = (roleId: string) => `<@&${roleId}>`;

export function milestoneLabel(mapping: { milestone: Milestone; lessonId: string }, t: Translate): string {
  return t(`roles.milestone.${mapping.milestone}`, { lessonId: mapping.lessonId });
}

const problemKeys: Record<RoleSetupProblem, MessageKey> = {
  'missing-manage-roles': 'roles.problem.missing-manage-roles',
  'role-above-bot': 'roles.problem.role-above-bot',
  'role-managed': 'roles.problem.role-managed',
  'role-everyone': 'roles.problem.role-everyone',
};

/** `/course roles set`: what is set and who gets the role, or exactly what to fix first. */
export function renderRoleSet(
  view: { milestone: Milestone; lessonId: string; roleId: string; result: SetRoleResult; perMinute: number },
  t: Translate,
): Message {
  const role = roleMention(view.roleId);
  if (view.result.kind === 'refused') {
    const lines = [
      t('roles.set.refused', { role }),
      ...view.result.problems.map((problem) => t(problemKeys[problem])),
    ];
    return componentsMessage([container(ACCENT.incorrect, [text(lines.join('\n'))])]);
  }
  const lines = [t('roles.set.done', { milestone: milestoneLabel(view, t), role })];
  if (view.result.backfilled > 0) {
    lines.push(t('roles.set.backfill', { count: view.result.backfilled, perMinute: view.perMinute }));
  }
  const previous = view.result.previous;
  if (previous && previous.roleId !== view.roleId)
    lines.push(t('roles.set.replaced', { role: roleMention(previous.roleId) }));
  return componentsMessage([container(ACCENT.correct, [text(lines.join('\n'))])]);
}

export function renderRoleCleared(
  view: { milestone: Milestone; lessonId: string; cleared: MilestoneRole | null },
  t: Translate,
): Message {
  const milestone = milestoneLabel(view, t);
  return noticeMessage(t(view.cleared ? 'roles.cleared' : 'roles.nothingToClear', { milestone }));
}

function reasonText(reason: string, t: Translate): string {
  switch (reason) {
    case 'missing-permissions':
      return t('roles.reason.missing-permissions');
    case 'unknown-role':
      return t('roles.reason.unknown-role');
    case 'unknown-member':
      return t('roles.reason.unknown-member');
    default:
      return t('roles.reason.other', { code: escapeUserText(reason, { max: 40, inCode: true }) });
  }
}

/** `/course roles list`: each mapping with how many got the role, and grants given up since last time. */
export function renderRolesOverview(overview: RolesOverview, t: Translate): Message {
  const lines = overview.mappings.map((mapping) =>
    t('roles.list.line', {
      milestone: milestoneLabel(mapping, t),
      role: roleMention(mapping.roleId),
      granted: mapping.counts.granted,
      pending: mapping.counts.pending,
      failed: mapping.counts.failed,
    }),
  );
  const body =
    lines.length > 0 ? fitLines(lines, '\n', (count) => t('lists.more', { count })) : t('roles.list.empty');
  const parts = [text(t('roles.list.header')), separator(), text(body)];
  if (overview.failures.length > 0) {
    const failures = overview.failures.map((failure) =>
      t('roles.list.failure', {
        user: `<@${failure.userId}>`,
        role: roleMention(failure.roleId),
        reason: reasonText(failure.lastError, t),
        attempts: failure.attempts,
      }),
    );
    parts.push(separator(), text(`${t('roles.list.failuresHeader')}\n${failures.join('\n')}`));
  }
  return componentsMessage([container(ACCENT.lesson, parts)]);
}
