/**
 * Start-up with malformed content: the real createApp on a real SQLite file and a copy of data/
 * that each test edits as an author would between restarts.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppContext, createApp } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import { ContentError, loadCourse } from '../../src/content/index.js';
import { createLogger } from '../../src/logger.js';
import { lessonText } from '../content/helpers.js';

const sampleFile = '05-02-push-image-to-docker-hub.md';
let root: string;
let lessonsDir: string;
let courseFile: string;
let original: string;
let originalCourse: string;
const apps: AppContext[] = [];

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'dsb-start-up-'));
  lessonsDir = path.join(root, 'data', 'lessons');
  courseFile = path.join(root, 'data', 'course.yaml');
  cpSync('data/lessons', lessonsDir, { recursive: true });
  cpSync('data/course.yaml', courseFile);
  original = readFileSync(path.join(lessonsDir, sampleFile), 'utf8');
  originalCourse = readFileSync(courseFile, 'utf8');
});
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
  rmSync(root, { recursive: true, force: true });
});

/** Starts the app as `npm start` would (same database every time); returns it and its log lines. */
async function start() {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({
    DATABASE_PATH: path.join(root, 'bot.sqlite'),
    LESSONS_DIR: lessonsDir,
    DOCKER_REGISTRY_URL: 'http://127.0.0.1:9',
    DOCKER_HUB_API_URL: 'http://127.0.0.1:9',
    DOCKER_AUTH_HOSTS: '127.0.0.1',
  });
  const app = await createApp(config, createLogger('info', sink));
  apps.push(app);
  return { app, logs };
}

function restart(app: AppContext) {
  app.close();
  apps.splice(apps.indexOf(app), 1);
  return start();
}

const writeLesson = (file: string, text: string) => writeFileSync(path.join(lessonsDir, file), text);
const newLesson = lessonText('# 5.3 새 레슨\n\n## 단계\n\n새 본문이에요.\n');
/** course.yaml listing the new lesson after the sample. */
const withNewLesson = () => `${originalCourse}  - file: 05-03-new.md\n`;

/** The sample with the closing fence of its last code block deleted, and that block's first line. */
function unclosedSample(): { text: string; line: number } {
  const lastClose = original.lastIndexOf('\n```\n');
  const text = original.slice(0, lastClose) + original.slice(lastClose + 4);
  return { text, line: text.slice(0, text.lastIndexOf('```', lastClose)).split('\n').length };
}

describe('start-up with malformed content', () => {
  it('serves the last stored version of a malformed lesson, loads the others and logs file:line', async () => {
    const first = await start();
    const stored = first.app.catalog.find('5.2')!;

    const broken = unclosedSample();
    writeLesson(sampleFile, broken.text);
    writeLesson('05-03-new.md', newLesson);
    writeFileSync(courseFile, withNewLesson());
    const { app, logs } = await restart(first.app);

    expect(app.catalog.list().map((entry) => entry.lesson.id)).toEqual(['5.2', '5.3']);
    expect(app.catalog.find('5.2')!.lesson).toEqual(stored.lesson);
    expect(app.catalog.find('5.2')!.check).toEqual(stored.check);
    expect(app.catalog.find('5.3')!.lesson.title).toBe('새 레슨');
    const problem = logs.find((line) => line.problem === 'content.error.unclosedFence');
    expect(problem).toMatchObject({ level: 40, file: path.join(lessonsDir, sampleFile), line: broken.line });
    expect(problem?.msg).toBe(
      `${path.join(lessonsDir, sampleFile)}:${broken.line}: 여기서 시작한 코드 블록이 닫히지 않았어요. 코드가 끝나는 곳에 \`\` \`\`\` \`\` 줄을 추가해 주세요.`,
    );
    expect(logs.find((line) => line.msg === 'course loaded with problems')).toMatchObject({
      lessons: ['5.2', '5.3'],
      added: 1,
      keptStored: ['5.2'],
      notServed: [],
      keptCourseOrder: false,
      problems: 1,
    });
    // content:check (all or nothing) still fails on the same folder.
    await expect(loadCourse({ lessonsDir })).rejects.toBeInstanceOf(ContentError);
  });

  it('keeps the stored order and checks when course.yaml is malformed, and still updates good lessons', async () => {
    writeLesson('05-03-new.md', newLesson);
    writeFileSync(courseFile, withNewLesson());
    const first = await start();
    const checkBefore = first.app.catalog.find('5.2')!.check;
    expect(checkBefore?.repository).toBe('image-gallery');

    writeFileSync(courseFile, withNewLesson().replace('tag: v1', 'tag: [v1'));
    writeLesson(sampleFile, original.replace('무료 계정 생성', '무료 계정 만들기'));
    writeLesson('05-04-unlisted.md', lessonText('# 5.4 순서를 모르는 레슨\n\n## 단계\n\n본문\n'));
    const { app, logs } = await restart(first.app);

    expect(app.catalog.list().map((entry) => entry.lesson.id)).toEqual(['5.2', '5.3']);
    expect(app.catalog.find('5.2')!.check).toEqual(checkBefore);
    expect(JSON.stringify(app.catalog.find('5.2')!.lesson)).toContain('무료 계정 만들기');
    expect(app.catalog.find('5.4')).toBeUndefined();
    const yamlProblem = logs.find((line) => line.file === courseFile);
    expect(yamlProblem).toMatchObject({ level: 40, problem: 'content.error.courseYaml' });
    expect(String(yamlProblem?.msg)).toMatch(new RegExp(`^${courseFile}:\\d+: course.yaml을 읽을 수 없어요`));
    expect(logs.find((line) => line.msg === 'course loaded with problems')).toMatchObject({
      updated: 1,
      keptCourseOrder: true,
      notServed: ['05-04-unlisted.md'],
    });
  });

  it('refuses to start when nothing at all can be served, listing every problem', async () => {
    writeLesson(sampleFile, unclosedSample().text);
    const failure = await start().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ContentError);
    expect((failure as ContentError).problems.map((entry) => entry.key)).toEqual([
      'content.error.unclosedFence',
    ]);
  });
});
