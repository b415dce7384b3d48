import type { AppContext } from '../src/app/context.js';
import {
  type ClaimPress,
  claimButtonPrefix,
  claimButtons,
  decodeClaimButton,
} from '../src/interactions/claim-button.js';
import type { BotModules } from '../src/interactions/dispatcher.js';
import { decodeLessonButton, type LessonPress } from '../src/interactions/lesson-button-decoding.js';
import { course } from './course.js';
import { leaderboard } from './leaderboard.js';
import { lesson, lessonButtons } from './lesson.js';
import { progress } from './progress.js';
import { quiz, quizButtons } from './quiz.js';
import { stats } from './stats.js';
import { studygroup } from './studygroup.js';
import { verify } from './verify.js';

/** Every slash command and button the bot answers, for Discord, the console and deploy-commands. */
export type BotPress = LessonPress | ClaimPress;

export const botModules: BotModules<AppContext, BotPress> = {
  commands: [lesson, quiz, progress, verify, studygroup, course, leaderboard, stats],
  buttons: [lessonButtons, quizButtons, claimButtons],
  decodeButton: (app, raw) =>
    raw.startsWith(claimButtonPrefix) ? decodeClaimButton(raw) : decodeLessonButton(app, raw),
};

export const commandData = botModules.commands.map((module) => module.data);
