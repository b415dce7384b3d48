import { type FakeUser, GUILD_ID } from '../../support/fake-discord/index.js';
import type { BotHarness } from './bot-harness.js';

/** Finishes `count` steps of lesson 5.2 for a learner from step index `from` (10 points each), straight in the store. */
export function completeSteps(
  harness: BotHarness,
  user: FakeUser,
  count: number,
  at = Date.now(),
  from = 0,
): void {
  const lesson = harness.app.catalog.find('5.2')!.lesson;
  for (const step of lesson.steps.slice(from, from + count)) {
    harness.store.progress.completeStep({
      guildId: GUILD_ID,
      userId: user.user.id,
      lessonId: lesson.id,
      stepId: step.id,
      at,
    });
  }
}

/** Lines of a board, in order: "**1.** <@id> — 30점". */
export function rankLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\*\*\d+\.\*\* <@/.test(line));
}
