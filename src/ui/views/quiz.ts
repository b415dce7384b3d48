import { blocksText } from '../../content/block-text.js';
import type { Lesson, QuizQuestion } from '../../content/model.js';
import { shortVersion } from '../../content/source.js';
import type { Translate } from '../../i18n/index.js';
import { lessonButtonIds } from '../buttons/lesson-buttons.js';
import { ACCENT, ButtonStyle, button, container, row, rows, separator, text } from '../components.js';
import { type ComponentsMessage, componentsMessage } from '../message.js';

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
export function renderQuizQuestion(args: QuizArgs & { questionIndex: number }): ComponentsMessage | null {
  const { lesson, questionIndex, ownerId, t } = args;
  const question = lesson.quiz[questionIndex];
  if (!question) return null;
  const ids = idsOf(lesson, ownerId);
  const intro = questionIndex === 0 ? blocksText(lesson.quizIntro, t) : '';
  const body = [intro, promptText(question, t), optionsText(question), `-# ${t('quiz.pick')}`]
    .filter(Boolean)
    .join('\n\n');
  const optionButtons = question.options.map((option) =>
    button(
      lessonButtonIds.answer.encode({ ...ids, question: questionIndex, option: option.key }),
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

/**
 * The answer to a question: correct or not, the right option, the explanation, and a button to
 * the next question (or to the score after the last). Null for an unknown question or option.
 */
export function renderQuizAnswer(
  args: QuizArgs & { questionIndex: number; chosenKey: string },
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
    verdict,
    promptText(question, t),
    t('quiz.answer', { key: correctOption.key, text: correctOption.text }),
    explanation ? `${t('quiz.explanation')}\n${explanation}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const isLast = questionIndex === lesson.quiz.length - 1;
  const next = button(
    lessonButtonIds.next.encode({ ...idsOf(lesson, ownerId), question: questionIndex + 1 }),
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

/** The end of a quiz: the score and a button to try again. */
export function renderQuizScore(args: QuizArgs & { correctCount: number }): ComponentsMessage {
  const { lesson, ownerId, t } = args;
  const total = lesson.quiz.length;
  const correct = Math.min(Math.max(Math.trunc(args.correctCount), 0), total);
  const percent = total > 0 ? Math.round((correct / total) * 100) : 0;
  const body = [
    t('quiz.score', { correct, total, percent }),
    correct === total ? t('quiz.perfect') : t('quiz.keepGoing'),
  ].join('\n');
  return componentsMessage([
    container(ACCENT.quiz, [
      text(t('quiz.scoreHeader', { lessonId: lesson.id })),
      separator(),
      text(body),
      row([button(lessonButtonIds.quiz.encode(idsOf(lesson, ownerId)), t('quiz.retry'))]),
    ]),
  ]);
}
