import {
  cpSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import type { SyncReport } from '../../src/store/index.js';
import { decodeCustomId } from '../../src/ui/index.js';
import { checkPayloadLimits } from '../../src/ui/limits.js';
import { renderCourseRefused, renderCourseReloaded } from '../../src/ui/views/course-reload.js';
import {
  type FakeUser,
  GUILD_ID,
  instructor,
  learner,
  makeLearner,
  OTHER_GUILD_ID,
  option,
} from '../support/fake-discord/index.js';
import {
  answerOf,
  type BotHarness,
  buttonsOf,
  responseText,
  startBotHarness,
} from './support/bot-harness.js';

const lessonFile = '05-02-push-image-to-docker-hub.md';
const extraFile = '05-03-reload-test.md';

let harness: BotHarness;
let dataDir: string;
let lessonsDir: string;
let originalLesson: string;
let originalCourse: string;
/** A plain member (no instructor rights anywhere) whose id is in OWNER_USER_IDS. */
const owner = makeLearner(80, 'course_owner');

beforeAll(async () => {
  // A private copy of data/: the tests edit lessons and course.yaml as an author would.
  const root = mkdtempSync(path.join(tmpdir(), 'dsb-course-'));
  dataDir = path.join(root, 'data');
  lessonsDir = path.join(dataDir, 'lessons');
  cpSync('data/lessons', lessonsDir, { recursive: true });
  cpSync('data/course.yaml', path.join(dataDir, 'course.yaml'));
  originalLesson = readFileSync(path.join(lessonsDir, lessonFile), 'utf8');
  originalCourse = readFileSync(path.join(dataDir, 'course.yaml'), 'utf8');
  harness = await startBotHarness({
    env: { LESSONS_DIR: lessonsDir, DISCORD_GUILD_ID: GUILD_ID, OWNER_USER_IDS: owner.user.id },
  });
}, 60_000);

afterAll(async () => {
  await harness?.stop();
  if (dataDir) rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

const learnerRef = { guildId: GUILD_ID, userId: learner.user.id };

/** Runs /course reload; returns the first callback (the deferral) and the final answer's text. */
async function reload(user: FakeUser = instructor, locale = 'ko', guildId = GUILD_ID) {
  const sent = harness.fake.sendChatCommand({ name: 'course', subcommand: 'reload', user, locale, guildId });
  const answer = await answerOf(harness.fake, sent.id);
  const [first] = harness.fake.responsesFor(sent.id);
  const message = harness.fake.lastMessageFor(sent.id);
  return {
    first,
    text: responseText(answer),
    ephemeral: ((message?.flags ?? 0) & 64) === 64,
    limits: checkPayloadLimits(answer.body as Parameters<typeof checkPayloadLimits>[0]),
  };
}

function writeLesson(text: string) {
  writeFileSync(path.join(lessonsDir, lessonFile), text);
}

/** The sample lesson with a sixth step before its summary section. */
function lessonWithStep6(): string {
  const summary = '## 🏷️ 핵심 개념과 주요 명령어 정리';
  expect(originalLesson).toContain(summary);
  return originalLesson.replace(
    summary,
    `### Step 6: 푸시한 이미지 실행해 보기\n\n다른 컴퓨터에서 \`docker container run\`으로 실행해 봅니다.\n\n<br/>\n\n${summary}`,
  );
}

function servedLesson() {
  const entry = harness.app.catalog.find('5.2');
  if (!entry) throw new Error('lesson 5.2 is not served');
  return entry.lesson;
}

function completionRows() {
  return harness.store.db
    .prepare('SELECT step_id AS stepId FROM step_completions WHERE user_id = ? ORDER BY step_id')
    .all(learner.user.id);
}

async function progressText(): Promise<string> {
  const sent = harness.fake.sendChatCommand({ name: 'progress', user: learner });
  return responseText(await answerOf(harness.fake, sent.id));
}

async function openPage(step: number): Promise<APIMessage> {
  const sent = harness.fake.sendChatCommand({
    name: 'lesson',
    subcommand: 'open',
    user: learner,
    options: [option.string('lesson', '5.2'), option.integer('step', step)],
  });
  await answerOf(harness.fake, sent.id);
  const page = harness.fake.lastMessageFor(sent.id);
  if (!page) throw new Error('no lesson page');
  return page;
}

function forwardButton(page: APIMessage): string {
  const found = buttonsOf(page).find((button) => {
    const decoded = decodeCustomId(button.customId);
    return button.label.includes('▶') && decoded.ok && decoded.value.kind === 'page';
  });
  if (!found) throw new Error(`no ▶ on: ${responseText(page)}`);
  return found.customId;
}

describe('/course reload on the fake Discord', () => {
  it('defers, then says nothing changed when the files are as stored', async () => {
    const answer = await reload();
    expect(answer.first).toMatchObject({ kind: 'callback', type: 5 });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('레슨 내용을 다시 불러왔어요');
    expect(answer.text).toContain('바뀐 내용이 없어요. 레슨 1개가 그대로 제공돼요.');
    expect(answer.limits).toEqual([]);
  });

  it('reports an added step and keeps the learner’s progress', async () => {
    const lesson = servedLesson();
    for (const step of lesson.steps.slice(0, 3)) {
      harness.store.progress.completeStep({
        ...learnerRef,
        lessonId: '5.2',
        stepId: step.id,
        at: Date.now(),
      });
    }
    const rowsBefore = completionRows();
    expect(await progressText()).toContain('단계 3/7');

    writeLesson(lessonWithStep6());
    const answer = await reload();
    expect(answer.text).toContain('✏️ 바뀐 레슨 1개');
    expect(answer.text).toContain('**5.2** 도커 허브에 직접 빌드한 이미지 푸시하기: 단계 추가 `step-6`');
    expect(answer.text).not.toContain('단계 삭제');
    expect(answer.limits).toEqual([]);

    expect(servedLesson().steps.map((step) => step.id)).toContain('step-6');
    expect(completionRows()).toEqual(rowsBefore);
    expect(await progressText()).toContain('단계 3/8');
    const opened = await openPage(7);
    expect(responseText(opened)).toContain('Step 6: 푸시한 이미지 실행해 보기');
  });

  it('refuses a malformed lesson with file:line, stores nothing and keeps serving the old course', async () => {
    const page = await openPage(1);
    const servedBefore = servedLesson();
    const storedBefore = harness.store.db.prepare('SELECT content_hash FROM lessons').all();

    const broken = lessonWithStep6().replace(
      '### Step 6:',
      '### Step 2: 다시 로그인\n\n같은 번호의 단계가 또 있어요.\n\n### Step 6:',
    );
    writeLesson(broken);
    const duplicateLine = broken.split('\n').indexOf('### Step 2: 다시 로그인') + 1;
    const answer = await reload();
    expect(answer.first).toMatchObject({ kind: 'callback', type: 5 });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('레슨 파일에 문제가 있어 다시 불러오지 않았어요');
    expect(answer.text).toContain(
      `lessons/${lessonFile}:${duplicateLine}: \`Step 2\`가 두 번 나와요. 단계 번호는 한 번씩만 써 주세요.`,
    );
    // The server's absolute path stays on the server.
    expect(answer.text).not.toContain(dataDir);
    expect(answer.limits).toEqual([]);

    expect(servedLesson()).toBe(servedBefore);
    expect(harness.store.db.prepare('SELECT content_hash FROM lessons').all()).toEqual(storedBefore);
    // A page the learner opened before the failed reload still turns.
    const pressed = harness.fake.pressButton({ customId: forwardButton(page), message: page, user: learner });
    const turned = await answerOf(harness.fake, pressed.id);
    expect(turned.type).toBe(7);
    expect(responseText(turned)).not.toContain('레슨 내용이 바뀌었어요');
    expect(responseText(turned)).toContain('5.2 도커 허브에 직접 빌드한 이미지 푸시하기');
  });

  it('lists every problem, course.yaml included, in the instructor’s language', async () => {
    writeFileSync(path.join(dataDir, 'course.yaml'), originalCourse.replace('tag: v1', "tag: 'v 1!'"));
    const courseLine =
      readFileSync(path.join(dataDir, 'course.yaml'), 'utf8')
        .split('\n')
        .findIndex((line) => line.includes('v 1!')) + 1;
    const answer = await reload(instructor, 'en-US');
    expect(answer.text).toContain('The lesson files have problems: nothing was reloaded');
    expect(answer.text).toContain('`Step 2` appears twice');
    expect(answer.text).toContain(`course.yaml:${courseLine}: `);
    expect(answer.text).toContain('Fix the 2 problems below');
    writeFileSync(path.join(dataDir, 'course.yaml'), originalCourse);
  });

  it('refuses learners and changes nothing', async () => {
    writeLesson(originalLesson);
    const answer = await reload(learner);
    expect(answer.first).toMatchObject({ kind: 'callback', type: 4 });
    expect(answer.text).toContain('강사만 쓸 수 있는 기능');
    expect(servedLesson().steps.map((step) => step.id)).toContain('step-6');
  });

  it('refuses an instructor of another server: the course is shared, nothing is reloaded', async () => {
    // The file no longer has step 6, but the served course still does until a reload.
    const servedBefore = servedLesson();
    expect(servedBefore.steps.map((step) => step.id)).toContain('step-6');
    const answer = await reload(instructor, 'ko', OTHER_GUILD_ID);
    expect(answer.first).toMatchObject({ kind: 'callback', type: 4 });
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toContain('홈 서버의 강사나 봇 운영자만 쓸 수 있어요');
    expect(servedLesson()).toBe(servedBefore);
    const english = await reload(instructor, 'en-US', OTHER_GUILD_ID);
    expect(english.text).toContain('only instructors of the home server and the bot’s owners');
    expect(servedLesson()).toBe(servedBefore);
  });

  it('lets an owner reload from any server, without instructor rights there', async () => {
    const answer = await reload(owner, 'ko', OTHER_GUILD_ID);
    expect(answer.first).toMatchObject({ kind: 'callback', type: 5 });
    expect(answer.text).toContain('단계 삭제 `step-6`');
    expect(servedLesson().steps.map((step) => step.id)).not.toContain('step-6');
    // Back to where the next test starts: step 6 served, but not in the file.
    writeLesson(lessonWithStep6());
    expect((await reload()).text).toContain('단계 추가 `step-6`');
    writeLesson(originalLesson);
  });

  /** A refused reload names `expected`, and no path of the server. */
  async function expectRefusalNaming(expected: string) {
    const answer = await reload();
    expect(answer.text).toContain(expected);
    expect(answer.text).not.toContain(dataDir);
    expect(answer.text).not.toContain(tmpdir());
  }

  it('names unreadable files and a missing folder relative to the content folder, never by server path', async () => {
    // The lessons folder is in the system's temp folder, outside the project. Node's own
    // messages name absolute paths ("ENOENT: no such file or directory, open '/tmp/…'").
    const dangling = path.join(lessonsDir, '09-09-gone.md');
    symlinkSync(path.join(dataDir, 'nowhere.md'), dangling);
    try {
      await expectRefusalNaming('lessons/09-09-gone.md: 파일을 읽을 수 없어요: ENOENT');
    } finally {
      unlinkSync(dangling);
    }

    const away = `${lessonsDir}.away`;
    renameSync(lessonsDir, away);
    try {
      await expectRefusalNaming('lessons: 레슨 폴더 lessons');
    } finally {
      renameSync(away, lessonsDir);
    }
  });

  it('reports removed steps, new, skipped (insert mode) and retired lessons', async () => {
    writeFileSync(
      path.join(lessonsDir, extraFile),
      [
        '---',
        "title: '다시 불러오기 시험 강의'",
        "authorNick: '관리자'",
        "createdAt: '2026-11-29'",
        "updateMode: 'insert'",
        '---',
        '',
        '# 5.3 다시 불러오기 시험 강의',
        '',
        '## 실습',
        '',
        '### Step 1: 첫 단계',
        '',
        '첫 단계 내용이에요.',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(dataDir, 'course.yaml'), `${originalCourse}\n  - file: ${extraFile}\n`);
    const added = await reload();
    expect(added.text).toContain('단계 삭제 `step-6`');
    expect(added.text).toContain('➕ 새 레슨 1개');
    expect(added.text).toContain('**5.3** 다시 불러오기 시험 강의 · 단계 1개 · 문제 0개');
    expect(await progressText()).toContain('단계 3/7');

    const extraPath = path.join(lessonsDir, extraFile);
    writeFileSync(extraPath, readFileSync(extraPath, 'utf8').replace('첫 단계 내용', '고친 내용'));
    const skipped = await reload();
    expect(skipped.text).toContain('⏭️ 건너뛴 레슨');
    expect(skipped.text).toContain('`5.3`');
    expect(skipped.text).toContain('그대로인 레슨 1개**: `5.2`');

    unlinkSync(extraPath);
    writeFileSync(path.join(dataDir, 'course.yaml'), originalCourse);
    const retired = await reload();
    expect(retired.text).toContain('📦 목록에서 빠진 레슨');
    expect(retired.text).toContain('`5.3`');
    expect(harness.app.catalog.find('5.3')).toBeUndefined();
  });

  it('keeps huge reports and long problem lists within Discord’s limits', () => {
    const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, n) => `${prefix}-${n}`);
    const change = (n: number) => ({
      lessonId: `9.${n}`,
      stepsAdded: ids('새-단계', 40),
      stepsRemoved: ids('옛-단계', 40),
      questionsAdded: ids('q', 30),
      questionsRemoved: ids('oldq', 30),
    });
    const report: SyncReport = {
      added: Array.from({ length: 100 }, (_, n) => change(n)),
      updated: Array.from({ length: 100 }, (_, n) => change(n + 100)),
      unchanged: ids('8', 200),
      skipped: ids('7', 200),
      retired: ids('6', 200),
    };
    const problems = Array.from({ length: 400 }, (_, n) => ({
      file: path.join(lessonsDir, `lesson-${n}.md`),
      line: n + 1,
      key: 'content.error.courseYaml' as const,
      params: { detail: '아주 긴 설명 '.repeat(60) },
      message: '',
    }));
    for (const locale of ['ko', 'en'] as const) {
      const t = translator(locale);
      const reloaded = renderCourseReloaded({ report, titleOf: () => '제목 '.repeat(100) }, t);
      expect(checkPayloadLimits(reloaded)).toEqual([]);
      const refused = renderCourseRefused(problems, (file) => path.basename(file), t);
      expect(checkPayloadLimits(refused)).toEqual([]);
      expect(JSON.stringify(refused)).toContain('lesson-0.md:1: ');
      expect(JSON.stringify(refused)).toContain(locale === 'ko' ? '외 ' : 'more');
    }
  });
});
