import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { AppContext } from '../src/app/context.js';
import type { Lesson } from '../src/content/model.js';
import type { Call } from '../src/interactions/call.js';
import { defineCommand } from '../src/interactions/command-module.js';
import type { ButtonModule } from '../src/interactions/dispatcher.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { LessonPress } from '../src/interactions/lesson-button-decoding.js';
import { renderQuizAnswer, renderQuizQuestion, renderQuizScore } from '../src/ui/index.js';
import type { Message } from '../src/ui/message.js';
import { lessonChoices, requireLesson } from './lesson.js';
import { inServersOnly, lessonOption } from './shared-options.js';

export const quizCommand = {
  name: 'quiz',
  name_localizations: { ko: '퀴즈' },
  description: 'Answer a lesson’s practice questions',
  description_localizations: { ko: '강의 연습 문제 풀기' },
  ...inServersOnly,
  options: [lessonOption],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function question(call: Call, lesson: Lesson, questionIndex: number): Message {
  const payload = renderQuizQuestion({ lesson, questionIndex, ownerId: call.user.id, t: call.t });
  if (!payload) throw new UserFacingError('quiz.none', { lessonId: lesson.id });
  return payload;
}

export const quiz = defineCommand({
  data: quizCommand,
  access: 'everyone',
  async execute(app: AppContext, call, args) {
    const { lesson } = requireLesson(app, args.lesson);
    await call.respond.send(question(call, lesson, 0));
  },
  async autocomplete(app: AppContext, _call, focused) {
    return lessonChoices(app, focused.value);
  },
});

/** Starting the quiz from a lesson's last page, answering, and moving to the next question. */
export const quizButtons: ButtonModule<AppContext, LessonPress> = {
  kinds: ['quiz', 'answer', 'next'],
  access: 'everyone',
  async handle(app, call, press) {
    const learner = { guildId: call.guildId, userId: call.user.id };
    const { lesson } = press.entry;
    switch (press.kind) {
      case 'quiz':
        // Pressed on the last page: reading it to the end completes its step.
        app.lessons.finish(learner, lesson);
        await call.respond.update(question(call, lesson, 0));
        return;
      case 'answer': {
        const result = app.quiz.answer(learner, lesson, press.question, press.option);
        const payload = result
          ? renderQuizAnswer({
              lesson,
              questionIndex: press.question,
              chosenKey: press.option,
              ownerId: call.user.id,
              t: call.t,
            })
          : null;
        if (!result || !payload) throw new UserFacingError('button.malformed');
        await call.respond.update(payload);
        return;
      }
      case 'next': {
        if (press.question >= lesson.quiz.length) {
          const score = app.quiz.score(learner, lesson);
          await call.respond.update(
            renderQuizScore({
              lesson,
              ownerId: call.user.id,
              t: call.t,
              correctCount: score.firstTryCorrect,
            }),
          );
          return;
        }
        await call.respond.update(question(call, lesson, press.question));
        return;
      }
      default:
        throw new UserFacingError('button.malformed');
    }
  },
};
