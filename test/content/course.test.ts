import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError, contentRelativePath, findEntry, loadCourse } from '../../src/content/index.js';
import { fixturesDir, lessonText, repoRoot, sampleText } from './helpers.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'content-course-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes `<dir>/lessons/*.md` and optionally `<dir>/course.yaml`; returns the lessons dir. */
async function courseDir(
  name: string,
  lessons: Record<string, string>,
  courseYaml?: string,
): Promise<string> {
  const lessonsDir = path.join(root, name, 'lessons');
  await mkdir(lessonsDir, { recursive: true });
  for (const [file, text] of Object.entries(lessons)) await writeFile(path.join(lessonsDir, file), text);
  if (courseYaml !== undefined) await writeFile(path.join(root, name, 'course.yaml'), courseYaml);
  return lessonsDir;
}

async function loadError(options: Parameters<typeof loadCourse>[0]): Promise<ContentError> {
  const error = await loadCourse(options).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ContentError)) throw new Error(`expected a ContentError, got ${String(error)}`);
  return error;
}

const SAMPLE = '05-02-push-image-to-docker-hub.md';
const goodCheck = `    check:
      repository: image-gallery
      tag: v1
      baseImage: diamol/base
      fixSteps:
        tag: step-3
        push: step-4
        publish: step-5
        build: null
`;

describe('loadCourse', () => {
  it('loads the shipped course with the 5.2 check from data/course.yaml', async () => {
    const course = await loadCourse({ lessonsDir: path.join(repoRoot, 'data/lessons') });
    expect(course.entries).toHaveLength(1);
    const entry = findEntry(course, '5.2')!;
    expect(entry.lesson.file).toBe(SAMPLE);
    expect(entry.lesson.steps).toHaveLength(7);
    expect(entry.check).toEqual({
      repository: 'image-gallery',
      tag: 'v1',
      baseImage: 'diamol/base',
      fixSteps: { tag: 'step-3', push: 'step-4', publish: 'step-5', build: null },
      buildHint: '4장에서 diamol/base를 바탕으로 image-gallery 이미지를 빌드하는 실습을 다시 확인해 주세요.',
      buildCommand: 'docker image build -t image-gallery .',
    });
  });

  it('orders lessons by file name, without checks, when there is no course.yaml', async () => {
    const course = await loadCourse({ lessonsDir: path.join(fixturesDir, 'plain') });
    expect(course.entries.map((entry) => [entry.lesson.id, entry.lesson.title, entry.check])).toEqual([
      ['7.1', '첫 번째', null],
      ['7.2', '두 번째', null],
    ]);
  });

  it('follows the order of course.yaml', async () => {
    const lessonsDir = await courseDir(
      'ordered',
      {
        'a.md': lessonText('# 1.1 가\n\n## 섹션\n\n본문\n'),
        'b.md': lessonText('# 1.2 나\n\n## 섹션\n\n본문\n'),
      },
      'lessons:\n  - file: b.md\n  - file: a.md\n',
    );
    const course = await loadCourse({ lessonsDir });
    expect(course.entries.map((entry) => entry.lesson.id)).toEqual(['1.2', '1.1']);
  });

  it('collects every lesson problem with the lesson path and line', async () => {
    const dir = path.join(fixturesDir, 'malformed');
    const error = await loadError({ lessonsDir: dir });
    expect(String(error).split('\n')).toEqual([
      `${path.join(dir, '01-unclosed-details.md')}:11: \`<details>\`가 닫히지 않았어요. 끝에 \`</details>\`를 추가해 주세요.`,
      `${path.join(dir, '02-bad-quiz.md')}:5: front matter의 \`updateMode\`: \`upsert\`, \`insert\` 중 하나로 적어 주세요.`,
      `${path.join(dir, '02-bad-quiz.md')}:16: 문제 1에 정답이 없어요. \`**정답: B**\`를 적어 주세요.`,
      `${path.join(dir, '02-bad-quiz.md')}:29: 문제 2의 정답 E가 보기(A, B)에 없어요.`,
    ]);
    expect(error.file).toBe(path.join(dir, '01-unclosed-details.md'));
    expect(error.line).toBe(11);
  });

  it('reports course.yaml problems with their lines: unknown steps, missing and unlisted files', async () => {
    const lessonsDir = await courseDir(
      'bad-course',
      { [SAMPLE]: sampleText, 'extra.md': lessonText('# 1.1 가\n\n## 섹션\n\n본문\n') },
      `lessons:\n  - file: ${SAMPLE}\n${goodCheck.replace('push: step-4', 'push: step-9')}  - file: missing.md\n  - file: ${SAMPLE}\n`,
    );
    const courseFile = path.join(root, 'bad-course', 'course.yaml');
    const error = await loadError({ lessonsDir });
    expect(error.problems.map((entry) => [entry.file, entry.line, entry.key])).toEqual([
      [courseFile, 9, 'content.error.courseUnknownStep'],
      [courseFile, 12, 'content.error.courseMissingFile'],
      [courseFile, 13, 'content.error.courseDuplicateFile'],
      [courseFile, 2, 'content.error.courseUnlistedLesson'],
    ]);
    expect(error.problems[0]!.message).toBe(
      '레슨 5.2에 단계 `step-9`가 없어요. 있는 단계: 사전-준비, step-1, step-2, step-3, step-4, step-5, 핵심-개념과-주요-명령어-정리',
    );
  });

  it('validates course.yaml fields and YAML syntax', async () => {
    const badTag = await courseDir(
      'bad-tag',
      { [SAMPLE]: sampleText },
      `lessons:\n  - file: ${SAMPLE}\n${goodCheck.replace('tag: v1', 'tag: "v 1"')}`,
    );
    const fieldError = await loadError({ lessonsDir: badTag });
    expect(fieldError.problems.map((entry) => [entry.line, entry.params.field])).toEqual([
      [5, 'lessons.0.check.tag'],
    ]);

    // The repository and base image follow /verify's own rules (registry/names.ts), length first.
    const badImage = await courseDir(
      'bad-image',
      { [SAMPLE]: sampleText },
      `lessons:\n  - file: ${SAMPLE}\n${goodCheck
        .replace('repository: image-gallery', `repository: ${'a'.repeat(300)}`)
        .replace('baseImage: diamol/base', 'baseImage: Diamol/Base')}`,
    );
    const imageError = await loadError({ lessonsDir: badImage });
    expect(imageError.problems.map((entry) => entry.params.field)).toEqual([
      'lessons.0.check.repository',
      'lessons.0.check.baseImage',
    ]);
    const spacedDashes = await courseDir(
      'dashes',
      { [SAMPLE]: sampleText },
      `lessons:\n  - file: ${SAMPLE}\n${goodCheck.replace('repository: image-gallery', 'repository: image--gallery')}`,
    );
    await expect(loadCourse({ lessonsDir: spacedDashes })).resolves.toBeTruthy();

    const broken = await courseDir(
      'broken-yaml',
      { [SAMPLE]: sampleText },
      'lessons:\n  - file: [unclosed\n',
    );
    const yamlError = await loadError({ lessonsDir: broken });
    expect(yamlError.problems[0]).toMatchObject({
      key: 'content.error.courseYaml',
      file: path.join(root, 'broken-yaml', 'course.yaml'),
    });
  });

  it('reports a missing lessons folder, an empty one, duplicate lesson numbers and a missing explicit course file', async () => {
    expect((await loadError({ lessonsDir: path.join(root, 'nope') })).problems[0]!.key).toBe(
      'content.error.lessonsDirMissing',
    );
    const empty = await courseDir('empty', {});
    expect((await loadError({ lessonsDir: empty })).problems[0]!.key).toBe('content.error.noLessons');
    const twins = await courseDir('twins', {
      'a.md': lessonText('# 1.1 가\n\n## 섹션\n\n본문\n'),
      'b.md': lessonText('# 1.1 나\n\n## 섹션\n\n본문\n'),
    });
    expect((await loadError({ lessonsDir: twins })).problems.map((entry) => entry.message)).toEqual([
      '레슨 번호 1.1이 a.md에도 있어요. 레슨 번호는 겹치면 안 돼요.',
    ]);
    const explicit = await loadError({
      lessonsDir: path.join(fixturesDir, 'plain'),
      courseFile: path.join(root, 'none.yaml'),
    });
    expect(explicit.problems[0]!.key).toBe('content.error.courseYaml');
  });
});

describe('contentRelativePath', () => {
  it('names files relative to the content folder, and anything elsewhere by its name only', () => {
    const shown = contentRelativePath('/srv/course/data/lessons');
    expect(shown('/srv/course/data/lessons/05-02-x.md')).toBe('lessons/05-02-x.md');
    expect(shown('/srv/course/data/course.yaml')).toBe('course.yaml');
    expect(shown('/srv/course/data/lessons')).toBe('lessons');
    expect(shown('/etc/passwd')).toBe('passwd');
    expect(shown('/srv/course/data')).toBe('data');
    expect(contentRelativePath('data/lessons')('data/lessons/05-02-x.md')).toBe('lessons/05-02-x.md');
  });
});
