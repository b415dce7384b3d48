/**
 * Memory of one bot process (numbers, not pass/fail), in MiB of resident set size read from
 * /proc while the process runs; each the median of three fresh processes per bot, the two bots
 * alternating so both see the same machine load (RSS after a burst swings by ±15% with GC timing):
 * - runtime.rssAfterReadyMiB / runtime.rssAfter10kMiB: the production start (`npm run build`,
 *   then `node dist/src/main.js` with health and metrics on) once connected, and while answering
 *   10,000 `/lesson open` commands from 1,000 learners (16 in flight at a time): the mean of the
 *   readings every 100 interactions over the last 2,000, and one at the end.
 * - runtime.bareRssAfterReadyMiB / runtime.bareRssAfter10kMiB: a bare discord.js bot on plain
 *   node (bench/support/bare-bot-process.mjs) answering the same commands with "pong", same run.
 * - runtime.rssRatio = rssAfter10kMiB / bareRssAfter10kMiB (target ≤ 1.3).
 * - runtime.interactionsPerSec: the production start's answers per second during the 10,000.
 *
 * `npx tsx bench/memory.ts` prints the numbers as JSON; `npm run bench` includes them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  type FakeDiscord,
  makeLearner,
  option,
  startFakeDiscord,
} from '../test/support/fake-discord/index.js';
import {
  buildProduction,
  isolatedEnv,
  type ProductionProcess,
  repoRoot,
  startProduction,
} from '../test/support/production.js';

const interactions = 10_000;
const learners = 1_000;
const inFlight = 16;
const lessonSteps = 7;

const rounds = 3;

/** Resident set size of a running process, from the kernel's own accounting. */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line.split(/\s+/)[1]) / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const tenth = (value: number) => Math.round(value * 10) / 10;

/** RSS is sampled every this many interactions over the last fifth of the run. */
const sampleEvery = 100;

/**
 * Sends `interactions` commands, `inFlight` at a time, each waiting for its first answer.
 * Returns the rate and the mean RSS over the last fifth of the run: a single reading lands
 * anywhere in the GC cycle, the mean of twenty is the steady state.
 */
async function drive(fake: FakeDiscord, pid: number): Promise<{ perSecond: number; rss: number }> {
  let next = 0;
  const samples: number[] = [];
  const started = performance.now();
  const worker = async () => {
    while (next < interactions) {
      const n = next;
      next += 1;
      if (n >= interactions * 0.8 && n % sampleEvery === 0) samples.push(rssMiB(pid));
      const asked = fake.sendChatCommand({
        name: 'lesson',
        subcommand: 'open',
        user: makeLearner((n % learners) + 1),
        options: [option.string('lesson', '5.2'), option.integer('step', (n % lessonSteps) + 1)],
      });
      const answer = await fake.waitForResponse(asked.id, (response) => response.kind === 'callback', 30_000);
      if (answer.status >= 400) throw new Error(`interaction ${asked.id} was refused: ${answer.status}`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const perSecond = interactions / ((performance.now() - started) / 1000);
  samples.push(rssMiB(pid));
  return { perSecond, rss: samples.reduce((sum, value) => sum + value, 0) / samples.length };
}

async function measure(start: (fake: FakeDiscord) => ProductionProcess) {
  const fake = await startFakeDiscord();
  const bot = start(fake);
  try {
    await bot.waitForLog((line) => line.msg === 'connected to Discord');
    await fake.waitForBot();
    const afterReady = rssMiB(bot.child.pid!);
    const { perSecond, rss: after10k } = await drive(fake, bot.child.pid!);
    bot.child.kill('SIGTERM');
    const { code } = await bot.exited;
    if (code !== 0) throw new Error(`the bot exited with ${code}:\n${bot.text()}`);
    return { afterReady, after10k, perSecond };
  } finally {
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await fake.stop();
  }
}

export async function runMemoryBench(): Promise<Record<string, number>> {
  const build = await buildProduction();
  const dir = mkdtempSync(path.join(tmpdir(), 'dsb-memory-'));
  try {
    const startReal = (fake: FakeDiscord, round: number) =>
      startProduction(
        build.appDir,
        isolatedEnv({
          DISCORD_TOKEN: fake.token,
          DISCORD_API_URL: fake.apiUrl,
          DATABASE_PATH: path.join(dir, `bot-${round}.sqlite`),
          HEALTH_PORT: '0',
        }),
      );
    const startBare = (fake: FakeDiscord) =>
      startProduction(repoRoot, isolatedEnv({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }), [
        'bench/support/bare-bot-process.mjs',
      ]);
    const real: Awaited<ReturnType<typeof measure>>[] = [];
    const bare: Awaited<ReturnType<typeof measure>>[] = [];
    for (let round = 0; round < rounds; round += 1) {
      real.push(await measure((fake) => startReal(fake, round)));
      bare.push(await measure(startBare));
    }
    const of = (runs: typeof real, key: 'afterReady' | 'after10k' | 'perSecond') =>
      median(runs.map((run) => run[key]));
    return {
      'runtime.rssAfterReadyMiB': tenth(of(real, 'afterReady')),
      'runtime.rssAfter10kMiB': tenth(of(real, 'after10k')),
      'runtime.bareRssAfterReadyMiB': tenth(of(bare, 'afterReady')),
      'runtime.bareRssAfter10kMiB': tenth(of(bare, 'after10k')),
      'runtime.rssRatio': Math.round((of(real, 'after10k') / of(bare, 'after10k')) * 100) / 100,
      'runtime.interactionsPerSec': Math.round(of(real, 'perSecond')),
      'runtime.bareInteractionsPerSec': Math.round(of(bare, 'perSecond')),
    };
  } finally {
    build.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(JSON.stringify(await runMemoryBench(), null, 2));
}
