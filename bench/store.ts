/**
 * Store benchmarks (numbers, not pass/fail):
 * - store.completionsPerSec: step completions with their points update, one transaction each
 *   (as the bot records them); store.rawInsertsPerSec is the machine's single-insert baseline
 *   in the same file, measured in rounds alternating with the completions.
 * - store.leaderboardTop25Ms / store.rankMs / store.groupTop25Ms: mean query time on a server
 *   of 100,000 learners with 1,000,000 step completions.
 * - store.dbBytes: that database's size on disk.
 * - boards.weekTop25Ms: `/leaderboard period:week` for an instructor (service + view) on that server
 *   with every learner active this week; boards.learnerWeekMs: a learner's own group board of the
 *   week with their rank and the points to the next place.
 * - stats.renderMs: /stats on that server (the three messages' queries and views, the funnel
 *   picture included) as an instructor sees it when the numbers did not change since the last
 *   look (the picture comes from the cache); stats.renderUncachedMs with a picture drawn anew every
 *   time, and stats.queriesMs for the queries alone (read from the counters of migration 009);
 *   stats.groupQueriesMs: the queries of `/stats group:` for the bench's 50-member study group.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { translator } from '../src/i18n/index.js';
import { BoardService } from '../src/services/boards.js';
import { openStore, type Store } from '../src/store/index.js';
import { renderLeaderboard } from '../src/ui/views/leaderboard.js';
import { renderFunnelStats, renderQuizStats, renderVerifyStats } from '../src/ui/views/stats.js';
import { guildId, makeCourse, makeLesson, user } from '../test/store/factory.js';

const learnerCount = 100_000;
const completionCount = 1_000_000;
const stepsPerLesson = 10;
const lessonIds = ['5.1', '5.2'];

function course() {
  const steps = Array.from({ length: stepsPerLesson }, (_, index) => `step-${index + 1}`);
  return makeCourse(...lessonIds.map((id) => makeLesson({ id, steps, questions: { q1: 'A', q2: 'B' } })));
}

/** A small deterministic generator, so every run builds the same data set. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Completions recorded in the order a class would: learner by learner, lesson by lesson, step by step. */
function* completionEvents(count: number) {
  let done = 0;
  for (let n = 0; done < count; n += 1) {
    for (const lessonId of lessonIds) {
      for (let step = 1; step <= stepsPerLesson && done < count; step += 1) {
        yield { guildId, userId: user(n), lessonId, stepId: `step-${step}`, at: done };
        done += 1;
      }
    }
  }
}

/**
 * Step completions (each its own transaction, as the bot records them) and the machine's
 * baseline — single-row inserts, one implicit transaction each, same file and settings —
 * measured in alternating rounds, so both see the same load on a shared machine.
 */
function measureCompletionsAndRawInserts(store: Store, count: number, rounds = 6) {
  store.db.exec('CREATE TABLE bench_raw (guild_id TEXT, user_id TEXT, at INTEGER)');
  const insert = store.db.prepare('INSERT INTO bench_raw VALUES (?, ?, ?)');
  const events = completionEvents(count);
  const perRound = Math.ceil(count / rounds);
  let completionMs = 0;
  let rawMs = 0;
  let rawDone = 0;
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    for (let n = 0; n < perRound; n += 1) {
      const event = events.next();
      if (event.done) break;
      store.progress.completeStep(event.value);
    }
    const between = performance.now();
    for (let n = 0; n < perRound; n += 1, rawDone += 1) insert.run(guildId, user(rawDone), rawDone);
    completionMs += between - started;
    rawMs += performance.now() - between;
  }
  return { completionsPerSec: count / (completionMs / 1000), rawInsertsPerSec: rawDone / (rawMs / 1000) };
}

/**
 * Bulk-loads learners, lesson scores and completions in one transaction, writing the points
 * tables directly with the values the scoring rules would have produced (the schema's
 * triggers fill the points buckets).
 */
/** Wednesday 2 December 2026 in Seoul: the bench's "now"; every learner's points are from its week. */
const benchNow = Date.UTC(2026, 11, 2, 3, 0);
const weekStart = Date.UTC(2026, 10, 29, 15, 0);

function buildLargeDataSet(store: Store): void {
  const next = random(42);
  const insertLearner = store.db.prepare(
    `INSERT INTO learners (guild_id, user_id, points, points_reached_at, last_lesson_id, last_active_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertLessonScore = store.db.prepare(
    `INSERT INTO lesson_scores (guild_id, user_id, lesson_id, points, points_reached_at, steps_done)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertCompletion = store.db.prepare(
    `INSERT INTO step_completions (guild_id, user_id, lesson_id, step_id, completed_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const perLearner = completionCount / learnerCount;
  store.db.transaction(() => {
    for (let n = 0; n < learnerCount; n += 1) {
      const userId = user(n);
      const reachedAt = weekStart + Math.floor(next() * (benchNow - weekStart));
      // Every learner has perLearner completions, split unevenly between the two lessons.
      const inFirst = Math.floor(next() * (perLearner + 1));
      const quizPoints = Math.floor(next() * 9) * 5;
      insertLearner.run(guildId, userId, perLearner * 10 + quizPoints, reachedAt, lessonIds[0], reachedAt);
      for (const [lessonId, steps] of [
        [lessonIds[0], inFirst],
        [lessonIds[1], perLearner - inFirst],
      ] as const) {
        for (let step = 1; step <= steps; step += 1) {
          insertCompletion.run(guildId, userId, lessonId, `step-${step}`, reachedAt);
        }
        if (steps > 0) insertLessonScore.run(guildId, userId, lessonId, steps * 10, reachedAt, steps);
      }
    }
    // The ledger and period scores as the awards would have written them (one row per lesson score).
    store.db.exec(`INSERT INTO points_ledger (guild_id, user_id, lesson_id, kind, points, at)
      SELECT guild_id, user_id, lesson_id, 'backfill', points, points_reached_at FROM lesson_scores`);
    store.db.exec(`INSERT INTO points_ledger (guild_id, user_id, lesson_id, kind, points, at)
      SELECT l.guild_id, l.user_id, NULL, 'backfill', l.points - SUM(s.points), l.points_reached_at
      FROM learners l JOIN lesson_scores s ON s.guild_id = l.guild_id AND s.user_id = l.user_id
      GROUP BY l.guild_id, l.user_id HAVING l.points <> SUM(s.points)`);
    const { week, month } = store.calendar.keysOf(benchNow);
    for (const period of [week, month]) {
      store.db.exec(`INSERT INTO period_scores (guild_id, period, lesson_id, user_id, points, points_reached_at)
        SELECT guild_id, '${period}', '', user_id, points, points_reached_at FROM learners
        UNION ALL
        SELECT guild_id, '${period}', lesson_id, user_id, points, points_reached_at FROM lesson_scores`);
    }
  })();
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.exec('ANALYZE');
}

function meanMs(iterations: number, run: (iteration: number) => void): number {
  const started = performance.now();
  for (let iteration = 0; iteration < iterations; iteration += 1) run(iteration);
  return (performance.now() - started) / iterations;
}

export async function runStoreBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'store-bench-'));
  try {
    const small = openStore(join(dir, 'completions.sqlite'));
    small.lessons.sync(course());
    const { completionsPerSec, rawInsertsPerSec } = measureCompletionsAndRawInserts(small, 30_000);
    small.close();

    const path = join(dir, 'large.sqlite');
    const large = openStore(path);
    large.lessons.sync(course());
    buildLargeDataSet(large);
    const dbBytes = statSync(path).size;

    const group = { guildId, channelId: '300000000000000001' };
    large.groups.create({ ...group, name: 'bench', createdBy: user(0), at: 0 });
    for (let n = 0; n < 50; n += 1) large.groups.addMember({ ...group, userId: user(n * 1_999), at: 0 });

    const pick = random(7);
    const leaderboardTop25Ms = meanMs(200, () => large.leaderboard.top({ guildId, limit: 25 }));
    const rankMs = meanMs(500, () =>
      large.leaderboard.rank({ guildId, userId: user(Math.floor(pick() * learnerCount)) }),
    );
    const lessonRankMs = meanMs(500, () =>
      large.leaderboard.rank({ guildId, lessonId: '5.1', userId: user(Math.floor(pick() * learnerCount)) }),
    );
    const groupTop25Ms = meanMs(200, () =>
      large.leaderboard.top({ guildId, groupChannelId: group.channelId, limit: 25 }),
    );
    const boards = new BoardService(large, { now: () => benchNow });
    const t = translator('ko');
    const instructor = { guildId, userId: user(learnerCount + 1), isInstructor: true };
    const weekTop25Ms = meanMs(200, () => {
      const answer = boards.board(instructor, { period: 'week', channelId: group.channelId });
      if (answer.kind !== 'board' || answer.learners.length !== 25) throw new Error('bench: no week board');
      renderLeaderboard({ scope: {}, period: answer.period, learners: answer.learners }, t);
    });
    const learnerWeekMs = meanMs(200, (iteration) => {
      const viewer = { guildId, userId: user((iteration % 50) * 1_999), isInstructor: false };
      const answer = boards.board(viewer, { period: 'week', channelId: group.channelId });
      if (answer.kind !== 'board' || !answer.own?.rank) throw new Error('bench: no learner board');
      renderLeaderboard({ scope: {}, period: answer.period, learners: answer.learners, own: answer.own }, t);
    });
    const stats = measureStats(large, group.channelId);
    const storedCompletions = (
      large.db.prepare('SELECT COUNT(*) AS n FROM step_completions').get() as { n: number }
    ).n;
    large.close();
    return {
      'store.completionsPerSec': Math.round(completionsPerSec),
      'store.rawInsertsPerSec': Math.round(rawInsertsPerSec),
      'store.leaderboardTop25Ms': round(leaderboardTop25Ms),
      'store.rankMs': round(rankMs),
      'store.lessonRankMs': round(lessonRankMs),
      'store.groupTop25Ms': round(groupTop25Ms),
      'store.dbBytes': dbBytes,
      'boards.weekTop25Ms': round(weekTop25Ms),
      'boards.learnerWeekMs': round(learnerWeekMs),
      'store.benchCompletionRows': storedCompletions,
      ...stats,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * /stats for lesson 5.1 on the 100,000-learner server, as commands/stats.ts builds it: the
 * service's queries, then the three views (the funnel picture drawn, or taken from the cache).
 */
function measureStats(store: Store, groupChannelId: string): Record<string, number> {
  const boards = new BoardService(store, { now: () => 1_750_000_000_000 });
  const context = { t: translator('ko'), locale: 'ko' as const };
  const lesson = { id: '5.1', title: '도커 이미지 만들기', quiz: [] };
  const render = (day: number) => {
    const stats = boards.lessonStats({ guildId, lessonId: lesson.id });
    const heading = { lesson, scope: {} };
    renderFunnelStats({ ...heading, funnel: stats.funnel, asOf: new Date(day * 86_400_000) }, context);
    renderQuizStats({ ...heading, questions: stats.questions }, context.t);
    renderVerifyStats({ ...heading, outcomes: stats.outcomes, check: null, shared: stats.shared }, context.t);
  };
  render(0);
  const queriesMs = meanMs(20, () => boards.lessonStats({ guildId, lessonId: lesson.id }));
  const groupQueriesMs = meanMs(20, () =>
    boards.lessonStats({ guildId, lessonId: lesson.id, groupChannelId }),
  );
  const renderMs = meanMs(20, () => render(0));
  // A new day is a new picture: nothing comes from the cache.
  const renderUncachedMs = meanMs(20, (iteration) => render(iteration + 1));
  return {
    'stats.renderMs': round(renderMs),
    'stats.renderUncachedMs': round(renderUncachedMs),
    'stats.queriesMs': round(queriesMs),
    'stats.groupQueriesMs': round(groupQueriesMs),
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
