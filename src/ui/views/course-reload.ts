import { type ContentProblem, formatProblem, withContentRelativePaths } from '../../content/index.js';
import type { CourseReadFailure } from '../../content/worker/read-off-thread.js';
import type { MessageKey, Translate } from '../../i18n/index.js';
import type { LessonChange, SyncReport } from '../../store/index.js';
import { ACCENT, clip, container, separator, text } from '../components.js';
import { fitLines } from '../fit-lines.js';
import { componentsMessage, type Message } from '../message.js';

/** Ids named per kind of change; the rest is counted, so one huge edit cannot crowd out the others. */
const maxIdsPerChange = 5;
const maxTitleLength = 80;
/** One problem line at most this long (a YAML parser's detail can be long). */
const maxProblemLength = 300;

export interface CourseReloadView {
  report: SyncReport;
  /** The title of a lesson the course now serves (retired lessons have none). */
  titleOf(lessonId: string): string | undefined;
}

function idList(ids: readonly string[], t: Translate): string {
  const shown = ids.slice(0, maxIdsPerChange).map((id) => `\`${id}\``);
  if (ids.length > maxIdsPerChange) shown.push(t('lists.more', { count: ids.length - maxIdsPerChange }));
  return shown.join(', ');
}

function describeChange(change: LessonChange, t: Translate): string {
  const kinds: [readonly string[], MessageKey][] = [
    [change.stepsAdded, 'courseReload.stepsAdded'],
    [change.stepsRemoved, 'courseReload.stepsRemoved'],
    [change.questionsAdded, 'courseReload.questionsAdded'],
    [change.questionsRemoved, 'courseReload.questionsRemoved'],
  ];
  const parts = kinds.filter(([ids]) => ids.length > 0).map(([ids, key]) => t(key, { ids: idList(ids, t) }));
  return parts.length > 0 ? parts.join(' · ') : t('courseReload.textOnly');
}

/** The lines of the report, section headers included, in the order an instructor reads them. */
function reportLines(view: CourseReloadView, t: Translate): string[] {
  const { report } = view;
  const title = (lessonId: string) => clip(view.titleOf(lessonId) ?? '', maxTitleLength);
  // A header with the count, then a line per lesson; nothing for a kind of change that did not happen.
  const section = (
    changes: readonly LessonChange[],
    header: MessageKey,
    line: (change: LessonChange) => string,
  ) => (changes.length > 0 ? [t(header, { count: changes.length }), ...changes.map(line)] : []);
  const idLine = (ids: readonly string[], key: MessageKey) =>
    ids.length > 0 ? [t(key, { count: ids.length, ids: idList(ids, t) })] : [];
  return [
    ...section(report.added, 'courseReload.addedHeader', (change) =>
      t('courseReload.addedLine', {
        lessonId: change.lessonId,
        title: title(change.lessonId),
        steps: change.stepsAdded.length,
        questions: change.questionsAdded.length,
      }),
    ),
    ...section(report.updated, 'courseReload.updatedHeader', (change) =>
      t('courseReload.updatedLine', {
        lessonId: change.lessonId,
        title: title(change.lessonId),
        changes: describeChange(change, t),
      }),
    ),
    ...idLine(report.skipped, 'courseReload.skipped'),
    ...idLine(report.retired, 'courseReload.retired'),
    ...idLine(report.unchanged, 'courseReload.unchanged'),
  ];
}

function hasChanges(report: SyncReport): boolean {
  return report.added.length + report.updated.length + report.skipped.length + report.retired.length > 0;
}

/** `/course reload` after a successful reload: what was added, updated, skipped, retired, kept. */
export function renderCourseReloaded(view: CourseReloadView, t: Translate): Message {
  const body = hasChanges(view.report)
    ? fitLines(reportLines(view, t), '\n', (count) => t('lists.more', { count }))
    : t('courseReload.nothingChanged', { count: view.report.unchanged.length });
  return componentsMessage([
    container(ACCENT.lesson, [
      text(t('courseReload.header')),
      separator(),
      text(body),
      separator(),
      text(t('courseReload.footer')),
    ]),
  ]);
}

/**
 * `/course reload` refused: every problem as "file:line: message" (in the reader's language),
 * as many as fit; nothing was stored.
 */
export function renderCourseRefused(
  problems: readonly ContentProblem[],
  shownFile: (file: string) => string,
  t: Translate,
): Message {
  const lines = problems.map((entry) => {
    const shown = withContentRelativePaths(entry, shownFile);
    return `- ${clip(formatProblem({ ...shown, message: t.loose(shown) }), maxProblemLength)}`;
  });
  return componentsMessage([
    container(ACCENT.incorrect, [
      text(t('courseReload.refusedHeader')),
      text(t('courseReload.refusedBody', { count: problems.length })),
      separator(),
      text(fitLines(lines, '\n', (count) => t('lists.more', { count }))),
      separator(),
      text(t('courseReload.refusedHint')),
    ]),
  ]);
}

export interface CourseReloadFailure {
  reason: CourseReadFailure;
  /** The worker's time limit, for a timeout. */
  timeoutSeconds: number;
  /** Also in the log line with the worker's own error. */
  errorId: string;
}

/** `/course reload` when reading the files failed (the worker timed out or crashed): nothing was stored. */
export function renderCourseReloadFailed(failure: CourseReloadFailure, t: Translate): Message {
  const body =
    failure.reason === 'timeout'
      ? t('courseReload.failedTimeout', { seconds: failure.timeoutSeconds })
      : t('courseReload.failedCrash');
  return componentsMessage([
    container(ACCENT.incorrect, [
      text(t('courseReload.failedHeader')),
      text(body),
      separator(),
      text(t('courseReload.failedHint', { errorId: failure.errorId })),
    ]),
  ]);
}
