/**
 * /course reload reads the lesson files in a worker thread: learners are answered while it reads,
 * and a read that hangs ends in an error report while the old course stays served. A named pipe
 * stands in for a lesson file that takes as long as the test wants (nothing timed is asserted).
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  cpSync,
  mkdtempSync,
  openSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppOptions } from '../../src/app/context.js';
import { lessonText } from '../content/helpers.js';
import { GUILD_ID, instructor, learner, option } from '../support/fake-discord/index.js';
import { answerOf, type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

const slowFile = '05-03-slow.md';
let harness: BotHarness | undefined;
let root: string | undefined;
let pipe: string | undefined;

afterEach(async () => {
  if (pipe) releasePipe(pipe);
  await harness?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
  harness = undefined;
  root = undefined;
  pipe = undefined;
});

/** The bot on a private copy of data/ whose course.yaml also lists a lesson that is a named pipe. */
async function startWithSlowLesson(app: AppOptions = {}) {
  root = mkdtempSync(path.join(tmpdir(), 'dsb-reload-worker-'));
  const lessonsDir = path.join(root, 'data', 'lessons');
  cpSync('data/lessons', lessonsDir, { recursive: true });
  cpSync('data/course.yaml', path.join(root, 'data', 'course.yaml'));
  // /course is for the home server's instructors: the fake's server is the home server here.
  harness = await startBotHarness({ env: { LESSONS_DIR: lessonsDir, DISCORD_GUILD_ID: GUILD_ID }, app });
  // Only now: start-up read the course before the pipe existed.
  writeFileSync(
    path.join(root, 'data', 'course.yaml'),
    `lessons:\n  - file: 05-02-push-image-to-docker-hub.md\n  - file: ${slowFile}\n`,
  );
  pipe = path.join(lessonsDir, slowFile);
  execFileSync('mkfifo', [pipe]);
  return { harness, pipe };
}

/** Lets a reader still blocked on the pipe go; nothing happens when nobody reads it. */
function releasePipe(file: string): void {
  try {
    closeSync(openSync(file, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // ENXIO: no reader.
  }
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}

async function startReload(bot: BotHarness) {
  const sent = bot.fake.sendChatCommand({ name: 'course', subcommand: 'reload', user: instructor });
  // The deferral comes at once; the worker is still reading (it waits on the pipe).
  await bot.fake.waitForResponse(sent.id, (response) => response.kind === 'callback' && response.type === 5);
  return sent;
}

async function learnerOpensLesson(bot: BotHarness): Promise<string> {
  const sent = bot.fake.sendChatCommand({
    name: 'lesson',
    subcommand: 'open',
    user: learner,
    options: [option.string('lesson', '5.2'), option.integer('step', 1)],
  });
  return responseText(await answerOf(bot.fake, sent.id));
}

describe('/course reload in a worker thread', () => {
  it('keeps answering learners while the files are read, then stores what was read', async () => {
    const { harness: bot, pipe: slow } = await startWithSlowLesson();
    const reload = await startReload(bot);

    expect(await learnerOpensLesson(bot)).toContain('5.2 도커 허브에 직접 빌드한 이미지 푸시하기');
    // The reload is still reading: its deferral is all the instructor has.
    expect(bot.fake.responsesFor(reload.id)).toHaveLength(1);
    expect(bot.app.catalog.find('5.3')).toBeUndefined();

    await writeFile(slow, lessonText('# 5.3 천천히 온 레슨\n\n## 단계\n\n본문이에요.\n'));
    const answer = responseText(await answerOf(bot.fake, reload.id));
    expect(answer).toContain('➕ 새 레슨 1개');
    expect(answer).toContain('**5.3** 천천히 온 레슨');
    expect(bot.app.catalog.find('5.3')?.lesson.title).toBe('천천히 온 레슨');
  });

  it('reports a read that hangs, keeps the old course and keeps answering', async () => {
    const { harness: bot } = await startWithSlowLesson({ courseReads: { timeoutMs: 3_000 } });
    const servedBefore = bot.app.catalog.list();
    const reload = await startReload(bot);

    const answer = responseText(await answerOf(bot.fake, reload.id));
    expect(answer).toContain('레슨 파일을 다시 읽지 못했어요');
    expect(answer).toContain(
      '레슨 파일을 읽는 작업이 3초 안에 끝나지 않아 멈췄어요. 지금 제공 중인 레슨은 그대로예요.',
    );
    const failure = bot.logs.find(
      (line) => line.msg === 'course reload failed: reading the files did not finish',
    );
    expect(failure).toMatchObject({ level: 50, reason: 'timeout', interactionId: reload.id });
    expect(answer).toContain(`오류 ID: \`${String(failure?.errorId)}\``);

    expect(bot.app.catalog.list()).toBe(servedBefore);
    expect(await learnerOpensLesson(bot)).toContain('5.2 도커 허브에 직접 빌드한 이미지 푸시하기');
    expect(bot.store.db.prepare('SELECT lesson_id FROM lessons').all()).toEqual([{ lesson_id: '5.2' }]);
  });

  it('reports a reading thread that runs out of memory, and the bot carries on', async () => {
    // Only a read in its own thread can hit that thread's heap limit.
    const { harness: bot } = await startWithSlowLesson({ courseReads: { maxHeapMb: 2 } });
    const reload = await startReload(bot);
    const answer = responseText(await answerOf(bot.fake, reload.id));
    expect(answer).toContain('레슨 파일을 읽는 작업이 중간에 멈췄어요. 지금 제공 중인 레슨은 그대로예요.');
    expect(
      bot.logs.find((line) => line.msg === 'course reload failed: reading the files did not finish'),
    ).toMatchObject({
      reason: 'crashed',
    });
    expect(await learnerOpensLesson(bot)).toContain('5.2 도커 허브에 직접 빌드한 이미지 푸시하기');
  });
});
