import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaderboardCommand } from '../../commands/leaderboard.js';
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

let harness: BotHarness;
const thirdLearner = makeLearner(1);

beforeAll(async () => {
  harness = await startBotHarness();
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

/** Runs /leaderboard and returns its final answer as the caller reads it. */
async function leaderboardAs(user: FakeUser, options: CommandOption[] = []) {
  const sent = harness.fake.sendChatCommand({ name: 'leaderboard', options, user });
  const answer = await answerOf(harness.fake, sent.id);
  expect(answer.status).toBeLessThan(300);
  const body = answer.body as { flags?: number; allowed_mentions?: unknown; components?: unknown[] };
  return {
    id: sent.id,
    answer,
    body,
    text: responseText(answer),
    ephemeral: ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
    first: harness.fake.responsesFor(sent.id)[0],
  };
}

/** Completes the first `count` steps of lesson 5.2 for a learner (10 points each). */
const completeSteps = (user: FakeUser, count: number, at = Date.now()) => stepsDone(harness, user, count, at);

function scoreRows() {
  return harness.store.db.prepare('SELECT user_id, points FROM learners ORDER BY user_id').all();
}

describe('/leaderboard on the fake Discord', () => {
  it('is registered for everyone (learners see their own group), with period, group, lesson and export options', () => {
    expect('default_member_permissions' in leaderboardCommand).toBe(false);
    expect(leaderboardCommand.options.map((entry) => entry.name)).toEqual([
      'period',
      'group',
      'lesson',
      'export',
    ]);
    expect(leaderboardCommand.options[0].choices.map((choice) => choice.value)).toEqual([
      'week',
      'month',
      'season',
      'all',
    ]);
    expect(leaderboardCommand.options[1]).toMatchObject({ type: 7, channel_types: [0] });
    expect(leaderboardCommand.options[2]).toMatchObject({ required: false, autocomplete: true });
  });

  it('says kindly that nobody has points yet', async () => {
    const result = await leaderboardAs(instructor);
    expect(result.ephemeral).toBe(true);
    expect(result.text).toContain('🏆 리더보드');
    expect(result.text).toContain('범위: 서버 전체');
    expect(result.text).toContain('아직 점수를 얻은 학습자가 없어요');
  });

  it('refuses a learner the CSV export, on the server side, and changes nothing', async () => {
    completeSteps(learner, 1);
    const before = scoreRows();
    const result = await leaderboardAs(learner, [option.boolean('export', true)]);
    expect(result.text).toContain('CSV 내보내기는 강사 전용이에요');
    expect(result.text).not.toContain('## 🏆 리더보드');
    expect(result.answer.files).toEqual([]);
    expect(scoreRows()).toEqual(before);
  });

  it('ranks learners by points with mentions that never ping', async () => {
    completeSteps(learner, 3);
    completeSteps(otherLearner, 1);
    completeSteps(thirdLearner, 2);
    const result = await leaderboardAs(instructor);
    expect(result.body.allowed_mentions).toEqual({ parse: [] });
    expect(rankLines(result.text)).toEqual([
      `**1.** <@${learner.user.id}> — 30점`,
      `**2.** <@${thirdLearner.user.id}> — 20점`,
      `**3.** <@${otherLearner.user.id}> — 10점`,
    ]);
    expect(result.text).toContain('상위 3명');
    expect(checkPayloadLimits(result.body)).toEqual([]);
  });

  it('answers in English for an English-speaking instructor', async () => {
    const sent = harness.fake.sendChatCommand({ name: 'leaderboard', user: instructor, locale: 'en-US' });
    const text = responseText(await answerOf(harness.fake, sent.id));
    expect(text).toContain('Scope: Whole server');
    expect(text).toContain(`<@${learner.user.id}> — 30 points`);
  });

  it('narrows to a study group’s members and names the group, escaped', async () => {
    harness.store.groups.create({
      guildId: GUILD_ID,
      channelId: CHANNEL_IDS.studyGroupA,
      name: '화요일*저녁*반',
      createdBy: instructor.user.id,
      at: Date.now(),
    });
    for (const member of [learner, otherLearner]) {
      harness.store.groups.addMember({
        guildId: GUILD_ID,
        channelId: CHANNEL_IDS.studyGroupA,
        userId: member.user.id,
        at: Date.now(),
      });
    }
    const result = await leaderboardAs(instructor, [option.channel('group', CHANNEL_IDS.studyGroupA)]);
    expect(result.text).toContain('범위: 스터디 그룹 화요일\\*저녁\\*반');
    expect(rankLines(result.text)).toEqual([
      `**1.** <@${learner.user.id}> — 30점`,
      `**2.** <@${otherLearner.user.id}> — 10점`,
    ]);
  });

  it('refuses a channel that is not a study group, politely', async () => {
    const result = await leaderboardAs(instructor, [option.channel('group', CHANNEL_IDS.studyGroupB)]);
    expect(result.text).toContain(
      `<#${CHANNEL_IDS.studyGroupB}> 채널은 스터디 그룹으로 등록되어 있지 않아요`,
    );
    expect(rankLines(result.text)).toEqual([]);
    const exported = await leaderboardAs(instructor, [
      option.channel('group', CHANNEL_IDS.studyGroupB),
      option.boolean('export', true),
    ]);
    expect(exported.first).toMatchObject({ kind: 'callback', type: 5 });
    expect(exported.text).toContain('스터디 그룹으로 등록되어 있지 않아요');
    expect(exported.answer.files).toEqual([]);
  });

  it('ranks by one lesson’s points, and refuses an unknown lesson', async () => {
    const lesson = await leaderboardAs(instructor, [option.string('lesson', '5.2')]);
    expect(lesson.text).toContain('범위: 레슨 5.2 도커 허브에 직접 빌드한 이미지 푸시하기');
    expect(rankLines(lesson.text)[0]).toBe(`**1.** <@${learner.user.id}> — 30점`);
    const unknown = await leaderboardAs(instructor, [option.string('lesson', '9.9 없는 강의')]);
    expect(rankLines(unknown.text)).toEqual([]);
    expect(unknown.text).toContain('9.9 없는 강의');
  });

  it('suggests lessons while the instructor types', async () => {
    const typing = harness.fake.sendAutocomplete({
      name: 'leaderboard',
      user: instructor,
      options: [option.focused('lesson', '도커')],
    });
    const answer = await harness.fake.waitForResponse(typing.id, (response) => response.kind === 'callback');
    expect(answer.body).toMatchObject({ choices: [{ value: '5.2' }] });
  });

  it('exports a CSV the instructor can download: BOM, CRLF, Korean headers, formulas defused', async () => {
    harness.store.claims.claim({
      guildId: GUILD_ID,
      userId: otherLearner.user.id,
      dockerId: '=cmd|calc',
      at: Date.now(),
      replace: true,
    });
    const result = await leaderboardAs(instructor, [option.boolean('export', true)]);
    expect(result.first).toMatchObject({ kind: 'callback', type: 5 });
    expect(result.answer.kind).toBe('edit-original');
    expect(result.text).toContain('CSV 파일에 3행');
    expect(rankLines(result.text)).toHaveLength(3);

    const message = harness.fake.originalMessage(result.id)!;
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment!.filename).toMatch(/^leaderboard-server-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(JSON.stringify(message.components)).toContain(`attachment://${attachment!.filename}`);

    const bytes = Buffer.from(await (await fetch(attachment!.url)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const [header, ...rows] = lines.slice(0, -1).map((line) => line.split(',').slice(1));
    expect(lines[0]!.split(',')[0]).toBe('기간');
    expect(lines[1]!.split(',')[0]).toBe('전체 기간');
    expect(header).toEqual([
      '순위',
      '디스코드 사용자 ID',
      '도커 ID',
      '범위 점수',
      '레슨 번호',
      '레슨 제목',
      '레슨 점수',
      '완료한 단계',
      '전체 단계',
      '퀴즈 첫 시도 정답',
      '퀴즈 정답',
      '퀴즈 문항',
      '이미지 인증',
      '레슨 완료 시각 (UTC)',
    ]);
    expect(rows.map((row) => [row[0], row[1], row[3], row[7], row[12]])).toEqual([
      ['1', learner.user.id, '30', '3', '아니요'],
      ['2', thirdLearner.user.id, '20', '2', '아니요'],
      ['3', otherLearner.user.id, '10', '1', '아니요'],
    ]);
    expect(rows[2]![2]).toBe("'=cmd|calc");
  });

  it('names the export after its scope', async () => {
    const result = await leaderboardAs(instructor, [
      option.channel('group', CHANNEL_IDS.studyGroupA),
      option.string('lesson', '5.2'),
      option.boolean('export', true),
    ]);
    const [attachment] = harness.fake.originalMessage(result.id)!.attachments;
    expect(attachment!.filename).toMatch(
      new RegExp(`^leaderboard-group-${CHANNEL_IDS.studyGroupA}-lesson-5-2-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const csv = Buffer.from(await (await fetch(attachment!.url)).arrayBuffer()).toString('utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('shows the top 25 of a large server within Discord’s limits; the CSV has everyone', async () => {
    const crowd = Array.from({ length: 60 }, (_, index) => makeLearner(100 + index));
    crowd.forEach((member, index) => {
      completeSteps(member, 1 + (index % 5), Date.now() + index);
    });
    const result = await leaderboardAs(instructor, [option.boolean('export', true)]);
    expect(checkPayloadLimits(result.body)).toEqual([]);
    expect(rankLines(result.text)).toHaveLength(25);
    expect(rankLines(result.text)[24]).toMatch(/^\*\*25\.\*\* <@\d+> — \d+점$/);
    const [attachment] = harness.fake.originalMessage(result.id)!.attachments;
    const csv = Buffer.from(await (await fetch(attachment!.url)).arrayBuffer()).toString('utf8');
    // 63 learners with points × the one lesson of the course, plus the header.
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(64);
  });
});
