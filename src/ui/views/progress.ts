import type { Translate } from '../../i18n/index.js';
import type { CatalogEntry } from '../../services/catalog.js';
import type { Streak } from '../../services/progress.js';
import type { CorrectionRecord, DigestTwin, LearnerRank, LessonSummary } from '../../store/index.js';
import { ACCENT, ButtonStyle, button, container, row, separator, text } from '../components.js';
import { escapeUserText } from '../escape.js';
import { fitLines, listBudget } from '../fit-lines.js';
import { componentsMessage, type Message } from '../message.js';
import { progressBar } from '../progress-bar.js';
import { correctionHistoryBudget, correctionHistorySection } from './corrections.js';
import { digestTwinsSection, sharedDigestBudget } from './shared-digests.js';

export interface ProgressView {
  displayName: string;
  entries: readonly CatalogEntry[];
  summaries: readonly LessonSummary[];
  rank: LearnerRank | null;
  dockerId: string | null;
  /** The tag the Docker ID was proven with; null or absent for claims from before proofs. */
  proofTag?: string | null;
  /** Set when an instructor looks at another learner: offers to release their Docker ID. */
  releaseButtonId?: string | undefined;
  /** Instructors only: other learners who verified an image with the same digest. */
  digestTwins?: readonly DigestTwin[];
  /** Consecutive active weeks; absent: not shown. */
  streak?: Streak;
  /** The learner's latest corrections (the learner sees their own too: who changed what, and why). */
  corrections?: readonly CorrectionRecord[];
}

function streakLine(streak: Streak, t: Translate): string {
  if (streak.weeks === 0) return t('progress.streakNone');
  return streak.activeThisWeek
    ? t('progress.streak', { weeks: streak.weeks })
    : t('progress.streakKeepGoing', { weeks: streak.weeks, next: streak.weeks + 1 });
}

/** `/progress`: per lesson steps done, quiz score, verified; then points and rank. */
export function renderProgress(view: ProgressView, t: Translate): Message {
  const byLesson = new Map(view.summaries.map((summary) => [summary.lessonId, summary]));
  const lessons = view.entries.map(({ lesson }) => {
    const summary = byLesson.get(lesson.id);
    const stepsDone = summary?.stepsDone ?? 0;
    const stepsTotal = summary?.stepsTotal ?? lesson.steps.length;
    return t('progress.lesson', {
      lessonId: lesson.id,
      title: lesson.title,
      bar: progressBar(stepsDone, stepsTotal),
      stepsDone,
      stepsTotal,
      quizFirstTry: summary?.quizFirstTryCorrect ?? 0,
      quizCorrect: summary?.quizCorrect ?? 0,
      quizTotal: summary?.quizTotal ?? lesson.quiz.length,
      verified: t(summary?.verified ? 'progress.verified' : 'progress.notVerified'),
      points: summary?.points ?? 0,
    });
  });
  const standing = view.rank
    ? t('progress.rank', { points: view.rank.points, rank: view.rank.rank, outOf: view.rank.outOf })
    : t('progress.unranked');
  const dockerId = view.dockerId
    ? view.proofTag
      ? t('progress.dockerIdProven', {
          dockerId: escapeUserText(view.dockerId, { max: 40, inCode: true }),
          proofTag: escapeUserText(view.proofTag, { max: 40, inCode: true }),
        })
      : t('progress.dockerId', { dockerId: escapeUserText(view.dockerId, { max: 40, inCode: true }) })
    : '';
  const twins = digestTwinsSection(view.digestTwins ?? [], t);
  const history = correctionHistorySection(view.corrections ?? [], t);
  const lessonBudget =
    listBudget - (twins ? sharedDigestBudget : 0) - (history ? correctionHistoryBudget : 0);
  return componentsMessage([
    container(ACCENT.lesson, [
      text(t('progress.header', { name: escapeUserText(view.displayName, { max: 64 }) })),
      separator(),
      text(
        lessons.length > 0
          ? fitLines(lessons, '\n\n', (count) => t('lists.more', { count }), lessonBudget)
          : t('lessonList.empty'),
      ),
      separator(),
      text([standing, view.streak ? streakLine(view.streak, t) : '', dockerId].filter(Boolean).join('\n')),
      ...(twins ? [separator(), text(twins)] : []),
      ...(history ? [separator(), text(history)] : []),
      ...(view.releaseButtonId && view.dockerId
        ? [
            row([
              button(
                view.releaseButtonId,
                t('claims.releaseButton', { dockerId: view.dockerId }),
                ButtonStyle.Danger,
              ),
            ]),
          ]
        : []),
    ]),
  ]);
}
