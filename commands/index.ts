import type { AppContext } from '../src/app/context.js';
import { decodeLessonButton, type LessonPress } from '../src/bot/buttons.js';
import type { BotModules } from '../src/bot/dispatcher.js';
import { lesson, lessonButtons } from './lesson.js';
import { progress } from './progress.js';
import { quiz, quizButtons } from './quiz.js';
import { verify } from './verify.js';

/** Every slash command and button the bot answers, for Discord, the console and deploy-commands. */
export const botModules: BotModules<AppContext, LessonPress> = {
  commands: [lesson, quiz, progress, verify],
  buttons: [lessonButtons, quizButtons],
  decodeButton: decodeLessonButton,
};

export const commandData = botModules.commands.map((module) => module.data);
