/**
 * Runtime benchmarks (numbers, not pass/fail): interaction → first response, as the fake Discord
 * sees it (dispatch → first callback received), for the real bot on a real SQLite file:
 * - runtime.lessonOpenMedianMs / runtime.lessonOpenP99Ms: `/lesson open lesson:5.2`.
 * - runtime.nextPressMedianMs / runtime.nextPressP99Ms: a ▶ press on a freshly opened page (each
 *   press by a new learner, pages rotating, so every press moves forward and records a step).
 * - runtime.bareBotMedianMs: a bare discord.js client answering /ping with "pong" on its own fake,
 *   in the same run; runtime.ratio = lesson open median / bare bot median.
 *
 * `npx tsx bench/runtime.ts` prints the numbers as JSON; `npm run bench` includes them.
 */

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { decodeCustomId, payloadToText } from '../src/ui/index.js';
import { startBotHarness } from '../test/e2e/support/bot-harness.js';
import {
  type FakeDiscord,
  type FakeUser,
  learner,
  makeLearner,
  option,
} from '../test/support/fake-discord/index.js';
import { measureBareBot } from './support/bare-bot.js';
import { type LatencySummary, measureFirstResponse, summarize } from './support/measure.js';

const samples = 200;
const warmup = 20;
const lessonId = '5.2';
const lessonTitle = '도커 허브에 직접 빌드한 이미지 푸시하기';
/** Pages of lesson 5.2 that have a ▶ (the 7th has the quiz button instead). */
const pagesWithNext = 6;
const responseTimeoutMs = 15_000;

/** The real bot (real discord.js client, real SQLite file in a temp dir) on a fake Discord, silent. */
function startRealBot() {
  return startBotHarness({ quiet: true });
}

/** The bot's first callback to an interaction, failing loudly on an error answer so no bad sample counts. */
async function firstCallback(fake: FakeDiscord, interactionId: string) {
  const response = await fake.waitForResponse(interactionId, (r) => r.kind === 'callback', responseTimeoutMs);
  if (response.status >= 400) throw new Error(`interaction ${interactionId} was refused: ${response.status}`);
  return response;
}

/** Throws unless the interaction was answered with a lesson page, so error replies never count as samples. */
async function expectLessonPage(fake: FakeDiscord, interactionId: string) {
  const response = await firstCallback(fake, interactionId);
  const text = payloadToText({ components: fake.lastMessageFor(interactionId)?.components ?? [] }).text;
  if (response.type !== 4 || !text.includes(lessonTitle))
    throw new Error(`interaction ${interactionId} was not answered with a page of ${lessonId}`);
}

/** Opens a page of lesson 5.2 for `user` and returns the stored message with its ▶ button. */
async function openPage(fake: FakeDiscord, user: FakeUser, step: number) {
  const opened = fake.sendChatCommand({
    name: 'lesson',
    subcommand: 'open',
    user,
    options: [option.string('lesson', lessonId), option.integer('step', step)],
  });
  await expectLessonPage(fake, opened.id);
  const message = fake.lastMessageFor(opened.id);
  const forward = payloadToText({ components: message?.components ?? [] }).buttons.find((button) => {
    const decoded = decodeCustomId(button.customId);
    return button.label.includes('▶') && decoded.ok && decoded.value.kind === 'page';
  });
  if (!message || !forward) throw new Error(`page ${step} of ${lessonId} has no ▶ button`);
  return { message, forward };
}

/**
 * Each sample: a new learner opens a page (not timed), then presses its ▶ (timed). Pages
 * rotate through the lesson so the presses cover every step's ▶.
 */
async function measureNextPress(fake: FakeDiscord, count: number): Promise<LatencySummary> {
  let learnerNumber = 0;
  const once = async () => {
    learnerNumber += 1;
    const user = makeLearner(learnerNumber);
    const { message, forward } = await openPage(fake, user, ((learnerNumber - 1) % pagesWithNext) + 1);
    const started = performance.now();
    const pressed = fake.pressButton({ customId: forward.customId, message, user });
    const response = await firstCallback(fake, pressed.id);
    const elapsed = performance.now() - started;
    if (response.type !== 7) throw new Error(`▶ answered with callback type ${response.type}, not an update`);
    return elapsed;
  };
  for (let i = 0; i < warmup; i += 1) await once();
  const latencies: number[] = [];
  for (let i = 0; i < count; i += 1) latencies.push(await once());
  return summarize(latencies);
}

export async function runRuntimeBench(): Promise<Record<string, number>> {
  const bot = await startRealBot();
  let lessonOpen: LatencySummary;
  let nextPress: LatencySummary;
  try {
    const openIds: string[] = [];
    lessonOpen = await measureFirstResponse(
      bot.fake,
      () => {
        const opened = bot.fake.sendChatCommand({
          name: 'lesson',
          subcommand: 'open',
          user: learner,
          options: [option.string('lesson', lessonId)],
        });
        openIds.push(opened.id);
        return opened;
      },
      samples,
      { warmup, timeoutMs: responseTimeoutMs },
    );
    for (const id of openIds) await expectLessonPage(bot.fake, id);
    nextPress = await measureNextPress(bot.fake, samples);
  } finally {
    await bot.stop();
  }
  const bare = await measureBareBot({ samples, warmup });
  return {
    'runtime.lessonOpenMedianMs': lessonOpen.medianMs,
    'runtime.lessonOpenP99Ms': lessonOpen.p99Ms,
    'runtime.nextPressMedianMs': nextPress.medianMs,
    'runtime.nextPressP99Ms': nextPress.p99Ms,
    'runtime.bareBotMedianMs': bare.medianMs,
    'runtime.ratio': Math.round((lessonOpen.medianMs / bare.medianMs) * 100) / 100,
    'runtime.samples': samples,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(JSON.stringify(await runRuntimeBench(), null, 2));
}
