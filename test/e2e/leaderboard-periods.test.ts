import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPayloadLimits } from '../../src/ui/limits.js';
import {
  CHANNEL_IDS,
  type CommandOption,
  type FakeUser,
  GUILD_ID,
  instructor,
  learner,
  makeLearner,
  option,
  otherLearner,
} from '../support/fake-discord/index.js';
import { rankLines, completeSteps as stepsDone } from './support/boards.js';
import { answerOf, type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

/** Wednesday 2 December 2026, 12:00 in Seoul. */
let now = Date.UTC(2026, 11, 2, 3, 0);
const hour = 3_600_000;
/** Thursday 26 November 2026 in Seoul: last week and last month. */
const lastWeek = Date.UTC(2026, 10, 26, 3, 0);
/** Monday 30 November 2026, 10:00 in Seoul: this week, but last month. */
const mondayNovember = Date.UTC(2026, 10, 30, 1, 0);

let harness: BotHarness;
const crowd = Array.from({ length: 12 }, (_, index) => makeLearner(300 + index));
const outsider = makeLearner(400);

beforeAll(async () => {
  harness = await startBotHarness({ app: { clock: { now: () => now } } });
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

async function run(
  user: FakeUser,
  name: string,
  options: CommandOption[] = [],
  extra: { subcommand?: string; channelId?: string } = {},
) {
  const sent = harness.fake.sendChatCommand({ name, options, user, ...extra });
  const answer = await answerOf(harness.fake, sent.id);
  // Boards are component messages within Discord's limits; refusals are plain notices.
  const body = answer.body as { flags?: number; components?: readonly unknown[] };
  if (body.components?.length) expect(checkPayloadLimits(body)).toEqual([]);
  return responseText(answer);
}

const board = (user: FakeUser, options: CommandOption[] = [], channelId?: string) =>
  run(user, 'leaderboard', options, channelId ? { channelId } : {});

/** Finishes steps of lesson 5.2 (10 points each), starting at step `from`. */
const completeSteps = (user: FakeUser, count: number, at: number, from = 0) =>
  stepsDone(harness, user, count, at, from);

describe('/leaderboard by period and season on the fake Discord', () => {
  it('counts this week (Monday first, Seoul time) and this month, with their dates', async () => {
    completeSteps(learner, 3, lastWeek);
    completeSteps(learner, 1, now - hour, 3);
    completeSteps(otherLearner, 2, mondayNovember);
    const week = await board(instructor, [option.string('period', 'week')]);
    expect(week).toContain('기간: 이번 주 (2026-11-30 ~ 2026-12-06)');
    expect(rankLines(week)).toEqual([
      `**1.** <@${otherLearner.user.id}> — 20점`,
      `**2.** <@${learner.user.id}> — 10점`,
    ]);
    const month = await board(instructor, [option.string('period', 'month')]);
    expect(month).toContain('기간: 이번 달 (2026년 12월)');
    expect(rankLines(month)).toEqual([`**1.** <@${learner.user.id}> — 10점`]);
    const all = await board(instructor);
    expect(all).toContain('기간: 전체 기간');
    expect(rankLines(all)).toEqual([
      `**1.** <@${learner.user.id}> — 40점`,
      `**2.** <@${otherLearner.user.id}> — 20점`,
    ]);
    const english = responseText(
      await answerOf(
        harness.fake,
        harness.fake.sendChatCommand({
          name: 'leaderboard',
          user: instructor,
          locale: 'en-US',
          options: [option.string('period', 'week')],
        }).id,
      ),
    );
    expect(english).toContain('Period: This week (2026-11-30 – 2026-12-06)');
  });

  it('has no season board until an instructor starts one; learners cannot start one', async () => {
    expect(await board(instructor, [option.string('period', 'season')])).toContain(
      '아직 시작한 시즌이 없어요',
    );
    const refused = await run(learner, 'season', [option.string('name', '몰래 시즌')], {
      subcommand: 'start',
    });
    expect(refused).toContain('강사만 쓸 수 있는 기능이에요');
    expect(harness.store.db.prepare('SELECT COUNT(*) AS n FROM seasons').get()).toEqual({ n: 0 });
  });

  it('starts a named season whose board counts only points earned since its start', async () => {
    const started = await run(instructor, 'season', [option.string('name', '겨울 *특강*')], {
      subcommand: 'start',
    });
    expect(started).toContain('새 시즌을 시작했어요: **겨울 \\*특강\\***');
    now += hour;
    completeSteps(otherLearner, 1, now, 2);
    const season = await board(instructor, [option.string('period', 'season')]);
    expect(season).toContain('기간: 시즌 겨울 \\*특강\\* (2026-12-02 ~)');
    expect(rankLines(season)).toEqual([`**1.** <@${otherLearner.user.id}> — 10점`]);

    const next = await run(instructor, 'season', [option.string('name', '봄 시즌')], { subcommand: 'start' });
    expect(next).toContain('새 시즌을 시작했어요: **봄 시즌**');
    expect(next).toContain('지난 시즌 **겨울 \\*특강\\*** 순위는 그대로 남고');
    now += hour;
    completeSteps(learner, 1, now, 4);
    expect(rankLines(await board(instructor, [option.string('period', 'season')]))).toEqual([
      `**1.** <@${learner.user.id}> — 10점`,
    ]);
    const ended = await run(instructor, 'season', [], { subcommand: 'end' });
    expect(ended).toContain('시즌을 마쳤어요: **봄 시즌**');
    now += hour;
    completeSteps(otherLearner, 1, now, 3);
    const last = await board(instructor, [option.string('period', 'season')]);
    expect(last).toContain('기간: 지난 시즌 봄 시즌 (2026-12-02 ~ 2026-12-02)');
    expect(rankLines(last)).toEqual([`**1.** <@${learner.user.id}> — 10점`]);
    expect(await run(instructor, 'season', [], { subcommand: 'end' })).toContain('진행 중인 시즌이 없어요');
  });

  it('shows a learner the top 10 of their own study group and their own place with the points to the next', async () => {
    harness.store.groups.create({
      guildId: GUILD_ID,
      channelId: CHANNEL_IDS.studyGroupA,
      name: '1조',
      createdBy: instructor.user.id,
      at: now,
    });
    for (const member of [learner, otherLearner, ...crowd]) {
      harness.store.groups.addMember({
        guildId: GUILD_ID,
        channelId: CHANNEL_IDS.studyGroupA,
        userId: member.user.id,
        at: now,
      });
    }
    // The crowd: 60, 60, 50, 50, … points this week, all above the learner's 50 (all time) except the last ones.
    crowd.forEach((member, index) => {
      completeSteps(member, 6 - Math.floor(index / 2), now - index);
    });
    const text = await board(learner);
    expect(text).toContain('범위: 스터디 그룹 1조');
    const lines = rankLines(text);
    expect(lines).toHaveLength(10);
    // Equal points: who reached them first (crowd[1] a moment before crowd[0]).
    expect(lines.slice(0, 3)).toEqual([
      `**1.** <@${crowd[1]!.user.id}> — 60점`,
      `**2.** <@${crowd[0]!.user.id}> — 60점`,
      `**3.** <@${learner.user.id}> — 50점`,
    ]);
    // The learner reached 50 before crowd[2] and crowd[3] did: third, 11 points short of passing 60.
    expect(text).toContain('🙋 내 순위: **3위** (그룹 14명 중) · 50점');
    expect(text).toContain('한 계단 올라가려면 **11점** 더 필요해요.');

    const week = await board(otherLearner, [option.string('period', 'week')], CHANNEL_IDS.studyGroupA);
    expect(week).toContain('기간: 이번 주');
    // otherLearner this week: 20 + 10 + 10 = 40, reached after the crowd's two 40s: behind 60, 60, 50, 50, 40, 40.
    expect(week).toContain('🙋 내 순위: **7위** (그룹 14명 중) · 40점');
    expect(week).toContain('한 계단 올라가려면 **1점** 더 필요해요.');
    expect(rankLines(week)).toHaveLength(10);
  });

  it('tells a learner at the top so, and one without points in the period that they have none yet', async () => {
    const solo = makeLearner(500);
    harness.store.groups.create({
      guildId: GUILD_ID,
      channelId: CHANNEL_IDS.studyGroupB,
      name: '2조',
      createdBy: instructor.user.id,
      at: now,
    });
    harness.store.groups.addMember({
      guildId: GUILD_ID,
      channelId: CHANNEL_IDS.studyGroupB,
      userId: solo.user.id,
      at: now,
    });
    expect(await board(solo)).toContain('이 기간에는 아직 점수가 없어요');
    completeSteps(solo, 1, now);
    expect(await board(solo)).toContain('지금 그룹 1위예요!');
  });

  it('refuses learners other scopes and the full board, and a learner without a group, on the server side', async () => {
    const group = await board(learner, [option.channel('group', CHANNEL_IDS.studyGroupB)]);
    expect(group).toContain('다른 스터디 그룹·레슨 범위와 CSV 내보내기는 강사 전용이에요');
    expect(rankLines(group)).toEqual([]);
    const lesson = await board(learner, [option.string('lesson', '5.2')]);
    expect(lesson).toContain('강사 전용이에요');
    expect(rankLines(lesson)).toEqual([]);
    const alone = await board(outsider);
    expect(alone).toContain('아직 스터디 그룹에 들어 있지 않아서');
    const odd = await board(instructor, [option.string('period', 'decade')]);
    expect(odd).toContain('기간은 이번 주, 이번 달, 시즌, 전체 기간 중에서 골라 주세요');
  });
});
