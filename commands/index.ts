import type { AnyCommand } from '../src/interactions/command-module.js';
import type { AppContext } from '../src/services/app-context.js';
import { correct } from './correct.js';
import { course } from './course.js';
import { leaderboard } from './leaderboard.js';
import { lesson } from './lesson.js';
import { progress } from './progress.js';
import { quiz } from './quiz.js';
import { remind } from './remind.js';
import { season } from './season.js';
import { stats } from './stats.js';
import { studygroup } from './studygroup.js';
import { verify } from './verify.js';

/**
 * Every slash command the bot answers, each with the buttons its messages carry: for Discord, the
 * console and deploy-commands. Only the entries (src/main.ts, src/app/service.ts, src/cli/) import it.
 */
export const botCommands: readonly AnyCommand<AppContext>[] = [
  lesson,
  quiz,
  progress,
  verify,
  remind,
  studygroup,
  course,
  leaderboard,
  season,
  correct,
  stats,
];

export const commandData = botCommands.map((module) => module.data);
