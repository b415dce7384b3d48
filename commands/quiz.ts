import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Lesson } from '../src/content/model.js';
import { type Call, learnerOf } from '../src/interactions/call.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import type { PointsEarned } from '../src/services/learner-path.js';
import { lessonButtonIds } from '../src/ui/buttons/lesson-buttons.js';
import type { ComponentsMessage } from '../src/ui/message.js';
import { renderQuizAnswer, renderQuizQuestion, renderQuizScore } from '../src/ui/views/quiz.js';
import { lessonButton, lessonChoices, lessonOption, requireLesson } from './shared-lesson.js';
import { inServersOnly } from './shared-options.js';

export const quizCommand = {
  name: 'quiz',
  name_localizations: { ko: '퀴즈' },
  description: 'Answer a lesson’s practice questions',
  description_localizations: { ko: '레슨의 연습 문제 풀기' },
  ...inServersOnly,
  options: [lessonOption],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function question(
  call: Call,
  lesson: Lesson,
  questionIndex: number,
  run: { right?: number; earned?: PointsEarned | null } = {},
): ComponentsMessage {
  const payload = renderQuizQuestion({ lesson, questionIndex, ownerId: call.user.id, t: call.t, ...run });
  if (!payload) throw new UserFacingError('quiz.none', { lessonId: lesson.id });
  return payload;
}

/** "퀴즈 풀기" on a lesson's last page, and "다시 풀기" under the score: the first question. */
const startButton = lessonButton('quiz', lessonButtonIds.quiz, async (app, call, _press, { lesson }) => {
  // Pressed on the last page: reading it to the end completes its step (again changes nothing).
  const learner = learnerOf(call);
  const completion = app.lessons.finish(learner, lesson);
  await call.respond.update(question(call, lesson, 0, { earned: app.path.stepPoints(learner, completion) }));
});

/** An option of a question: the answer is kept (points for a first try) and explained. */
const answerButton = lessonButton('answer', lessonButtonIds.answer, async (app, call, press, { lesson }) => {
  const learner = learnerOf(call);
  const result = app.quiz.answer(learner, lesson, press.question, press.option);
  const payload = result
    ? renderQuizAnswer({
        lesson,
        questionIndex: press.question,
        chosenKey: press.option,
        ownerId: call.user.id,
        t: call.t,
        right: press.right,
        earned: app.path.answerPoints(learner, result),
      })
    : null;
  if (!payload) throw new UserFacingError('button.malformed');
  await call.respond.update(payload);
});

/** "다음 문제" after an answer; after the last question, the score. */
const nextButton = lessonButton('next', lessonButtonIds.next, async (app, call, press, { lesson }) => {
  if (press.question < lesson.quiz.length) {
    await call.respond.update(question(call, lesson, press.question, { right: press.right }));
    return;
  }
  const learner = learnerOf(call);
  const score = app.quiz.score(learner, lesson);
  await call.respond.update(
    renderQuizScore({
      lesson,
      ownerId: call.user.id,
      t: call.t,
      correctCount: press.right,
      firstTryCorrect: score.firstTryCorrect,
      next: app.path.afterQuiz(learner, lesson.id),
    }),
  );
});

export const quiz = defineCommand({
  data: quizCommand,
  access: 'everyone',
  buttons: [startButton, answerButton, nextButton],
  async execute(app: AppContext, call, args) {
    const { lesson } = requireLesson(app, args.lesson);
    await call.respond.send(question(call, lesson, 0));
  },
  async autocomplete(app: AppContext, _call, focused) {
    return lessonChoices(app, focused.value);
  },
});
