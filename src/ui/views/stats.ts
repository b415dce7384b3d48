import type { Lesson, LessonCheck } from '../../content/model.js';
import { allCatalogues, type MessageKey, type Translate } from '../../i18n/index.js';
import { judgesTheImage, lookupOutcomes } from '../../services/verification/image-lookup.js';
import type { Funnel, OutcomeCount, QuestionDistribution, SharedDigest } from '../../store/index.js';
import { ACCENT, clip, container, gallery, separator, text } from '../components.js';
import { escapeUserText } from '../escape.js';
import { fileNamePart } from '../file-names.js';
import { fitLines, listBudget } from '../fit-lines.js';
import { componentsMessage, type Message } from '../message.js';
import { formatDate } from '../pictures/format.js';
import { type PictureContext, renderFunnelPicture } from '../pictures/index.js';
import { PictureCache } from '../pictures/picture-cache.js';
import { progressBar } from '../progress-bar.js';
import { type ScopeView, scopeLabel } from './scope.js';
import { sharedDigestBudget, sharedDigestsSection } from './shared-digests.js';

/** What every /stats message starts with: the lesson and who is counted. */
export interface StatsHeading {
  lesson: Pick<Lesson, 'id' | 'title'>;
  /** Who is counted. */
  scope: ScopeView;
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** ASCII name of the picture attachment, e.g. `funnel-5-2.png`. */
export function funnelChartFileName(lessonId: string): string {
  return `funnel-${fileNamePart(lessonId, 'lesson')}.png`;
}

/** Funnels recently drawn: the same lesson, scope, numbers and day give the same picture. */
const funnelPictures = new PictureCache(32);

export interface FunnelStatsView extends StatsHeading {
  funnel: Funnel;
  /** When the numbers were read; the picture prints the day. */
  asOf: Date;
  serverName?: string | undefined;
}

/** The funnel picture, drawn only when something it shows changed. */
function funnelPicture(view: FunnelStatsView, context: PictureContext) {
  const input = {
    lesson: { id: view.lesson.id, title: view.lesson.title },
    scope:
      view.scope.groupName !== undefined
        ? { kind: 'group' as const, groupName: view.scope.groupName }
        : { kind: 'server' as const, serverName: view.serverName },
    opened: view.funnel.opened,
    steps: view.funnel.steps.map((step) => ({ title: step.title, learners: step.learners })),
  };
  const day = formatDate(view.asOf, context.locale, context.timeZone);
  return funnelPictures.get([context.locale, day, input], () =>
    renderFunnelPicture({ ...input, asOf: view.asOf }, context),
  );
}

/**
 * The step funnel: a text list with bars (searchable, readable without images) and the funnel
 * picture, whose description says the same for screen readers.
 */
export function renderFunnelStats(view: FunnelStatsView, context: PictureContext): Message {
  const { t } = context;
  const { funnel } = view;
  const scale = Math.max(funnel.opened, ...funnel.steps.map((step) => step.learners), 0);
  const lines = funnel.steps.map((step, index) =>
    t('boards.stats.funnelStep', {
      step: index + 1,
      bar: progressBar(step.learners, scale),
      learners: step.learners,
      percent: percent(step.learners, scale),
      title: clip(step.title, 60),
    }),
  );
  const header = [
    t('boards.stats.header', { lessonId: view.lesson.id, title: view.lesson.title }),
    t('boards.scope.line', { scope: scopeLabel(view.scope, t) }),
    t('boards.stats.opened', { opened: funnel.opened }),
  ].join('\n');
  if (lines.length === 0) {
    return componentsMessage([
      container(ACCENT.lesson, [text(header), separator(), text(t('boards.stats.noSteps'))]),
    ]);
  }
  const fileName = funnelChartFileName(view.lesson.id);
  const picture = funnelPicture(view, context);
  return componentsMessage(
    [
      container(ACCENT.lesson, [
        text(header),
        separator(),
        text(
          `${t('boards.stats.funnelTitle')}\n${fitLines(lines, '\n', (count) => t('lists.more', { count }))}`,
        ),
        gallery(fileName, picture.description),
      ]),
    ],
    [{ name: fileName, data: picture.png, contentType: 'image/png' }],
  );
}

/** The wrong option learners pressed most (every press counts), or null when nobody was wrong. */
function mostPickedWrong(question: QuestionDistribution): { key: string; count: number } | null {
  let best: { key: string; count: number } | null = null;
  for (const option of question.options) {
    if (option.correct || option.answers === 0) continue;
    if (!best || option.answers > best.count) best = { key: option.key, count: option.answers };
  }
  return best;
}

/** Quiz item analysis: per question, learners, first-try correct % and the favourite wrong option. */
export function renderQuizStats(
  view: StatsHeading & { lesson: Pick<Lesson, 'quiz'>; questions: readonly QuestionDistribution[] },
  t: Translate,
): Message {
  const prompts = new Map(view.lesson.quiz.map((question) => [question.id, question]));
  const lines = view.questions.map((question, index) => {
    const content = prompts.get(question.questionId);
    const params = {
      number: content?.number ?? index + 1,
      prompt: clip((content?.prompt ?? '').replace(/\s+/g, ' ').trim(), 80),
    };
    if (question.learners === 0) return t('boards.stats.quizUnanswered', params);
    const wrong = mostPickedWrong(question);
    return t('boards.stats.quizItem', {
      ...params,
      learners: question.learners,
      percent: percent(question.firstTryCorrect, question.learners),
      wrong: wrong ? t('boards.stats.quizWrong', wrong) : t('boards.stats.quizNoWrong'),
    });
  });
  return componentsMessage([
    container(ACCENT.quiz, [
      text(
        `${t('boards.stats.quizTitle', { lessonId: view.lesson.id })}\n${t('boards.scope.line', { scope: scopeLabel(view.scope, t) })}`,
      ),
      separator(),
      text(
        lines.length > 0
          ? fitLines(lines, '\n\n', (count) => t('lists.more', { count }))
          : t('boards.stats.noQuiz'),
      ),
    ]),
  ]);
}

/** The /verify title of a stored outcome code, when the catalogue has one. */
function titleKey(outcome: string): MessageKey | null {
  const key = `verify.title.${outcome}`;
  return key in allCatalogues.ko ? (key as MessageKey) : null;
}

/** An outcome in words: the title /verify itself shows for it (with the lesson's tag and base image). */
function outcomeTitle(outcome: string, check: LessonCheck | null, t: Translate): string {
  const key = titleKey(outcome);
  if (!key)
    return t('boards.stats.unknownOutcome', { outcome: escapeUserText(outcome, { max: 40, inCode: true }) });
  return t.loose({ key, params: { tag: check?.tag ?? 'v1', base: check?.baseImage ?? '-' } });
}

/**
 * A failure the learner's work caused. Outages, waits and refused input (kept by older
 * versions of the bot) are not; outcomes this version does not know are still shown.
 */
function isLearnerFailure(outcome: string): boolean {
  if (outcome === 'found') return false;
  return judgesTheImage(outcome) || !(lookupOutcomes as readonly string[]).includes(outcome);
}

/**
 * The most frequent /verify failures, most frequent first, how many checks passed, and the
 * images (digests) more than one learner verified.
 */
export function renderVerifyStats(
  view: StatsHeading & {
    outcomes: readonly OutcomeCount[];
    check: LessonCheck | null;
    shared: readonly SharedDigest[];
  },
  t: Translate,
): Message {
  const failures = view.outcomes.filter((outcome) => isLearnerFailure(outcome.outcome));
  const passed = view.outcomes.find((outcome) => outcome.outcome === 'found');
  const lines = failures.map((outcome) =>
    t('boards.stats.verifyReason', {
      title: outcomeTitle(outcome.outcome, view.check, t),
      attempts: outcome.attempts,
      learners: outcome.learners,
    }),
  );
  const body =
    lines.length > 0
      ? fitLines(lines, '\n', (count) => t('lists.more', { count }), listBudget - sharedDigestBudget)
      : t('boards.stats.verifyNone');
  return componentsMessage([
    container(ACCENT.lesson, [
      text(
        `${t('boards.stats.verifyTitle', { lessonId: view.lesson.id })}\n${t('boards.scope.line', { scope: scopeLabel(view.scope, t) })}`,
      ),
      separator(),
      text(body),
      ...(passed
        ? [text(t('boards.stats.verifyPassed', { attempts: passed.attempts, learners: passed.learners }))]
        : []),
      separator(),
      text(sharedDigestsSection(view.shared, t)),
    ]),
  ]);
}
