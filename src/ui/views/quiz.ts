import { blocksText } from '../../content/block-text.js';
import type { Lesson, QuizQuestion } from '../../content/model.js';
import { shortVersion } from '../../content/source.js';
import type { Translate } from '../../i18n/index.js';
import type { NextStep, PointsEarned } from '../../services/learner-path.js';
import { pointsTable } from '../../store/index.js';
import { lessonButtonIds } from '../buttons/lesson-buttons.js';
import { ACCENT, ButtonStyle, button, container, row, rows, separator, text } from '../components.js';
import { type ComponentsMessage, componentsMessage } from '../message.js';
import { nextStepSection } from './next-step.js';
import { pointsLines } from './points.js';

interface QuizArgs {
  lesson: Lesson;
  ownerId: string;
  t: Translate;
}

function idsOf(lesson: Lesson, ownerId: string) {
  return { lessonId: lesson.id, ownerId, version: shortVersion(lesson.contentHash) };
}

function headerOf(lesson: Lesson, questionIndex: number, t: Translate): string {
  return t('quiz.header', {
    lessonId: lesson.id,
    quizTitle: lesson.quizTitle ?? '',
    number: questionIndex + 1,
    total: lesson.quiz.length,
  });
}

function promptText(question: QuizQuestion, t: Translate): string {
  return [`**Q${question.number}.** ${question.prompt}`, blocksText(question.context, t)]
    .filter(Boolean)
    .join('\n\n');
}

function optionsText(question: QuizQuestion): string {
  return question.options.map((option) => `**${option.key}.** ${option.text}`).join('\n');
}

/** A question with one button per option; null when the lesson has no such question. */
export function renderQuizQuestion(
  args: QuizArgs & {
    questionIndex: number;
    /** Right answers earlier in this run. */
    right?: number;
    /** Points the press that opened the quiz earned (reading the last step to its end). */
    earned?: PointsEarned | null;
  },
): ComponentsMessage | null {
  const { lesson, questionIndex, ownerId, t } = args;
  const right = runCount(args.right, questionIndex);
  const question = lesson.quiz[questionIndex];
  if (!question) return null;
  const ids = idsOf(lesson, ownerId);
  const intro = questionIndex === 0 ? blocksText(lesson.quizIntro, t) : '';
  const earned = pointsLines(args.earned, lesson.id, t).join('\n');
  const body = [earned, intro, promptText(question, t), optionsText(question), `-# ${t('quiz.pick')}`]
    .filter(Boolean)
    .join('\n\n');
  const optionButtons = question.options.map((option) =>
    button(
      lessonButtonIds.answer.encode({ ...ids, question: questionIndex, option: option.key, right }),
      option.key,
      ButtonStyle.Primary,
    ),
  );
  return componentsMessage([
    container(ACCENT.quiz, [
      text(headerOf(lesson, questionIndex, t)),
      separator(),
      text(body),
      ...rows(optionButtons),
    ]),
  ]);
}

/** A run's count of right answers as a button carried it: at most the questions asked so far. */
function runCount(value: number | undefined, asked: number): number {
  return Math.min(Math.max(Math.trunc(value ?? 0), 0), asked);
}

/**
 * The answer to a question: correct or not, the points it earned with the new total, the right
 * option, the explanation, and a button to the next question (or to the score after the last).
 * Null for an unknown question or option.
 */
export function renderQuizAnswer(
  args: QuizArgs & {
    questionIndex: number;
    chosenKey: string;
    /** Right answers earlier in this run. */
    right?: number;
    earned?: PointsEarned | null;
  },
): ComponentsMessage | null {
  const { lesson, questionIndex, chosenKey, ownerId, t } = args;
  const question = lesson.quiz[questionIndex];
  const correctOption = question?.options.find((option) => option.key === question.answer);
  if (!question || !correctOption || !question.options.some((option) => option.key === chosenKey))
    return null;
  const correct = chosenKey === question.answer;
  const verdict = correct ? t('quiz.correct') : t('quiz.incorrect', { key: chosenKey });
  const explanation = blocksText(question.explanation, t);
  const body = [
    [verdict, ...pointsLines(args.earned, lesson.id, t)].join('\n'),
    promptText(question, t),
    t('quiz.answer', { key: correctOption.key, text: correctOption.text }),
    explanation ? `${t('quiz.explanation')}\n${explanation}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const isLast = questionIndex === lesson.quiz.length - 1;
  const next = button(
    lessonButtonIds.next.encode({
      ...idsOf(lesson, ownerId),
      question: questionIndex + 1,
      right: runCount(args.right, questionIndex) + (correct ? 1 : 0),
    }),
    isLast ? t('quiz.showScore') : t('quiz.next'),
    ButtonStyle.Primary,
  );
  return componentsMessage([
    container(correct ? ACCENT.correct : ACCENT.incorrect, [
      text(headerOf(lesson, questionIndex, t)),
      separator(),
      text(body),
      row([next]),
    ]),
  ]);
}

export interface QuizScoreArgs extends QuizArgs {
  /** Right answers in this run of the quiz. */
  correctCount: number;
  /** Right first tries over every run (what the first-try score counts); omitted in previews. */
  firstTryCorrect?: number;
  /** Where the learner goes from here (omitted in previews). */
  next?: NextStep | null;
}

/**
 * The end of a quiz: this run's score and the first-try score apart, a word for a perfect run
 * (a perfect retry included), what comes next, and a button to try again.
 */
export function renderQuizScore(args: QuizScoreArgs): ComponentsMessage {
  const { lesson, ownerId, t } = args;
  const total = lesson.quiz.length;
  const correct = runCount(args.correctCount, total);
  const percent = total > 0 ? Math.round((correct / total) * 100) : 0;
  const firstTry = args.firstTryCorrect === undefined ? undefined : runCount(args.firstTryCorrect, total);
  const perfectWord =
    firstTry === undefined || firstTry === total ? t('quiz.perfect') : t('quiz.perfectRetry');
  const next = args.next ? nextStepSection(args.next, ownerId, t) : null;
  const body = [
    [
      t('quiz.attemptScore', { correct, total, percent }),
      correct === total ? perfectWord : t('quiz.keepGoing'),
    ].join('\n'),
    firstTry === undefined
      ? ''
      : t('quiz.firstTryScore', {
          correct: firstTry,
          total,
          firstTryPoints: pointsTable.quizFirstTryCorrect,
          retryPoints: pointsTable.quizLaterCorrect,
        }),
    next?.text ?? '',
  ].filter(Boolean);
  return componentsMessage([
    container(ACCENT.quiz, [
      text(t('quiz.scoreHeader', { lessonId: lesson.id })),
      separator(),
      text(body.join('\n\n')),
      row([
        button(lessonButtonIds.quiz.encode(idsOf(lesson, ownerId)), t('quiz.retry')),
        ...(next?.buttons ?? []),
      ]),
    ]),
  ]);
}
