import type { Translate } from '../../i18n/index.js';
import { CONFIRM_WINDOW_MS, type CorrectionPreview } from '../../services/corrections.js';
import type { CorrectionRecord, LessonResetScope } from '../../store/index.js';
import { ACCENT, ButtonStyle, button, container, row, separator, text } from '../components.js';
import { escapeUserText } from '../escape.js';
import { fitLines } from '../fit-lines.js';
import { componentsMessage, type Message } from '../message.js';

/** The longest reason shown (it is an instructor's text: escaped). */
const maxReason = 200;
const minutes = CONFIRM_WINDOW_MS / 60_000;

/** "+20", "−120" (a real minus sign), "0". */
export function signed(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${-points}`;
  return '0';
}

const reason = (text: string | null) => escapeUserText(text ?? '', { max: maxReason });

/** "5.2 단계 7개·퀴즈 2문제·인증 표시": what a reset removes (or removed). */
function removedList(
  lessonId: string,
  removed: Pick<LessonResetScope, 'steps' | 'questions' | 'verified'> & { completed?: boolean },
  t: Translate,
): string {
  const parts: string[] = [];
  if (removed.steps > 0) parts.push(t('corrections.removed.steps', { lessonId, count: removed.steps }));
  if (removed.questions > 0) parts.push(t('corrections.removed.questions', { count: removed.questions }));
  if (removed.verified) parts.push(t('corrections.removed.verified'));
  if (removed.completed) parts.push(t('corrections.removed.completed'));
  return parts.join('·');
}

/** The line that says exactly what the correction changes. */
function changeLine(preview: CorrectionPreview, t: Translate): string {
  const { pending } = preview;
  const lessonId = pending.lessonId ?? '';
  switch (pending.kind) {
    case 'reset-lesson':
      return t('corrections.reset', {
        lessonId,
        points: t('corrections.points', { points: signed(preview.after - preview.before) }),
        removed: removedList(lessonId, preview.reset ?? { steps: 0, questions: 0, verified: false }, t),
      });
    case 'adjust-points': {
      const params = {
        lessonId,
        points: t('corrections.points', { points: signed(pending.points) }),
        reason: reason(pending.reason),
      };
      return t(pending.lessonId === null ? 'corrections.adjust' : 'corrections.adjustInLesson', params);
    }
    case 'release-docker-id':
      return t('corrections.release', {
        dockerId: escapeUserText(preview.dockerId ?? '', { max: 40, inCode: true }),
      });
  }
}

/** The confirmation: what will change, the total before and after, and Apply / Cancel. */
export function renderCorrectionConfirm(
  preview: CorrectionPreview,
  buttons: { confirmId: string; cancelId: string },
  t: Translate,
): Message {
  return componentsMessage([
    container(ACCENT.incorrect, [
      text(t('corrections.confirm.header', { userId: preview.pending.userId })),
      separator(),
      text(
        [
          changeLine(preview, t),
          t('corrections.total', { before: preview.before, after: preview.after }),
        ].join('\n'),
      ),
      text(t('corrections.confirm.hint', { minutes })),
      row([
        button(buttons.confirmId, t('corrections.button.confirm'), ButtonStyle.Danger),
        button(buttons.cancelId, t('corrections.button.cancel'), ButtonStyle.Secondary),
      ]),
    ]),
  ]);
}

/** What a correction did, as the audit log keeps it. */
function recordWhat(record: CorrectionRecord, t: Translate): string {
  const lessonId = record.lessonId ?? '';
  switch (record.kind) {
    case 'reset-lesson': {
      const removed = removedList(
        lessonId,
        {
          steps: record.details.steps ?? 0,
          questions: record.details.questions ?? 0,
          verified: record.details.verified ?? false,
          completed: record.details.completed ?? false,
        },
        t,
      );
      return removed
        ? t('corrections.history.reset', { lessonId, removed })
        : t('corrections.history.resetEmpty', { lessonId });
    }
    case 'adjust-points': {
      const params = {
        lessonId,
        points: t('corrections.points', { points: signed(record.pointsAfter - record.pointsBefore) }),
        reason: reason(record.reason),
      };
      return t(
        record.lessonId === null ? 'corrections.history.adjust' : 'corrections.history.adjustInLesson',
        params,
      );
    }
    case 'release-docker-id':
      return t('corrections.history.release', {
        dockerId: escapeUserText(record.details.dockerId ?? '', { max: 40, inCode: true }),
      });
  }
}

/** One audit entry: when (the reader's own time zone), who, what and the totals. */
export function correctionLine(record: CorrectionRecord, t: Translate): string {
  return t('corrections.history.entry', {
    at: Math.floor(record.at / 1000),
    by: record.byUserId,
    what: recordWhat(record, t),
    before: record.pointsBefore,
    after: record.pointsAfter,
  });
}

/** The applied correction, in place of the confirmation (no buttons left to press). */
export function renderCorrectionApplied(record: CorrectionRecord, t: Translate): Message {
  return componentsMessage([
    container(ACCENT.correct, [
      text(t('corrections.applied', { userId: record.userId })),
      separator(),
      text(
        [
          recordWhat(record, t),
          t('corrections.total', { before: record.pointsBefore, after: record.pointsAfter }),
        ].join('\n'),
      ),
      text(t('corrections.recorded', { id: record.correctionId })),
    ]),
  ]);
}

/** Characters /progress keeps for its audit section (the lesson list gets the rest). */
export const correctionHistoryBudget = 900;

/** /progress's audit section: the latest corrections, or nothing when there are none. */
export function correctionHistorySection(records: readonly CorrectionRecord[], t: Translate): string {
  if (records.length === 0) return '';
  const lines = records.map((record) => correctionLine(record, t));
  const header = t('corrections.history.header');
  const budget = correctionHistoryBudget - header.length - 1;
  return `${header}\n${fitLines(lines, '\n', (count) => t('lists.more', { count }), budget)}`;
}
