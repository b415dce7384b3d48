import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot, sampleText } from '../content/helpers.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a content CLI the way `npm run` does (npx tsx …) from the repository root. */
function run(
  script: 'check' | 'preview',
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', `src/cli/content-${script}.ts`, ...args],
      { cwd: repoRoot, env: { ...process.env, LESSONS_DIR: '', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'content-cli-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('content:check', { timeout: 180_000 }, () => {
  it('summarises the shipped course and exits 0', async () => {
    const result = await run('check');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^05-02-push-image-to-docker-hub\.md: 5\.2 도커 허브에 직접 빌드한 이미지 푸시하기 — 단계 7개 · 페이지 7개 · 퀴즈 2문제 · 가장 큰 페이지 \d+\/4000자 \(페이지 \d\)$/m,
    );
    expect(result.stdout).toContain(
      '/verify: image-gallery:v1 · 베이스 이미지 diamol/base · 고칠 단계 tag→step-3, push→step-4, publish→step-5, build→없음',
    );
    expect(result.stdout).toContain('✅ 레슨 1개 모두 문제 없어요.');
  });

  it('tells an author each broken lesson in Korean at the line to fix', async () => {
    const dir = 'test/fixtures/lessons/author-walkthrough';
    const result = await run('check', [], { LESSONS_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `${dir}/01-missing-title.md:1: front matter의 \`title\`: 값이 없어요. 이 항목을 적어 주세요.`,
      // The quote opened on line 2 is never closed.
      `${dir}/02-yaml-error.md:2: front matter의 YAML 문법이 맞지 않아요. 20번째 글자 근처에 닫는 따옴표나 괄호가 빠졌어요.`,
      // At the **정답: F** line, not at the question.
      `${dir}/03-wrong-answer.md:23: 문제 1의 정답 F가 보기(A, B)에 없어요.`,
      // At the second file's `#` title.
      `${dir}/05-duplicate.md:7: 레슨 번호 8.4가 04-first.md에도 있어요. 레슨 번호는 겹치면 안 돼요.`,
      '❌ 문제 4건을 고쳐 주세요.',
    ]);
    expect(result.stdout + result.stderr).not.toMatch(/[A-Za-z]+ (input|option|expected)/);
  });

  it('prints file:line for each problem of a malformed lessons dir and exits 1', async () => {
    const dir = path.join('test/fixtures/lessons/malformed');
    const result = await run('check', [], { LESSONS_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `ℹ️ ${path.join(dir, '..', 'course.yaml')}이 없어서 레슨을 파일 이름 순서로 읽고`,
    );
    expect(result.stderr.trim().split('\n')).toEqual([
      `${dir}/01-unclosed-details.md:11: \`<details>\`가 닫히지 않았어요. 끝에 \`</details>\`를 추가해 주세요.`,
      `${dir}/02-bad-quiz.md:5: front matter의 \`updateMode\`: \`upsert\`, \`insert\` 중 하나로 적어 주세요.`,
      `${dir}/02-bad-quiz.md:16: 문제 1에 정답이 없어요. \`**정답: B**\`를 적어 주세요.`,
      `${dir}/02-bad-quiz.md:29: 문제 2의 정답 E가 보기(A, B)에 없어요.`,
      '❌ 문제 4건을 고쳐 주세요.',
    ]);
  });

  it('orders a folder without course.yaml by file name, with no checks', async () => {
    const result = await run('check', [], { LESSONS_DIR: path.join(fixturesDir, 'plain') });
    expect(result.code).toBe(0);
    const summaries = result.stdout.split('\n').filter((line) => line.includes(' — 단계 '));
    expect(summaries.map((line) => line.split(' — ')[0])).toEqual([
      'a-first.md: 7.1 첫 번째',
      'b-second.md: 7.2 두 번째',
    ]);
    expect(result.stdout).toContain('/verify: 검사 없음');
  });

  it('points at the course.yaml line naming an unknown step', async () => {
    const lessonsDir = path.join(root, 'course', 'lessons');
    await mkdir(lessonsDir, { recursive: true });
    await writeFile(path.join(lessonsDir, 'lesson.md'), sampleText);
    await writeFile(
      path.join(root, 'course', 'course.yaml'),
      'lessons:\n  - file: lesson.md\n    check:\n      repository: image-gallery\n      tag: v1\n      fixSteps:\n        tag: step-7\n        push: step-4\n        publish: step-5\n',
    );
    const result = await run('check', [], { LESSONS_DIR: lessonsDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${path.join(root, 'course', 'course.yaml')}:7: 레슨 5.2에 단계 \`step-7\`이 없어요.`,
    );
  });
});

describe('content:preview', { timeout: 180_000 }, () => {
  it('prints every page, reveal and quiz answer of 5.2 as a learner reads it', async () => {
    const result = await run('preview', ['5.2']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    for (let page = 1; page <= 7; page += 1) expect(out).toContain(`═══ 페이지 ${page}/7 ═══`);
    expect(out).toContain('(1 / 7) [1: 다음 ▶]');
    expect(out).toContain('[1: ◀ 이전] (7 / 7) [2: 📝 퀴즈 풀기]');
    expect(out).toContain(
      '─── 페이지 4의 「👆 왜 같은 IMAGE ID를 가질까요?」 [👀 펼쳐 보기] 버튼을 누르면 ───\n💡 **👆 왜 같은 IMAGE ID를 가질까요?**',
    );
    expect(out).toContain('═══ 퀴즈 문제 2/2 ═══');
    expect(out).toContain('─── 문제 1에서 보기 A를 고르면 ───\n📝 **5.2 · 🎮 연습 문제** · 문제 1/2');
    expect(out).toContain('[1: A] [2: B] [3: C] [4: D]');
    expect(out).toContain('이번 풀이: 2문제 중 **1문제** 정답 (50%)');
    expect(out.indexOf('═══ 페이지 7/7 ═══')).toBeLessThan(out.indexOf('═══ 퀴즈 문제 1/2 ═══'));
  });

  it('explains an unknown lesson and a missing argument', async () => {
    const unknown = await run('preview', ['9.9']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('레슨 9.9를 찾을 수 없어요. 있는 레슨: 5.2');
    const missing = await run('preview');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('사용법: npm run content:preview -- <레슨 번호> (예: 5.2)');
  });

  it('previews lessons from LESSONS_DIR', async () => {
    const result = await run('preview', ['7.2'], { LESSONS_DIR: path.join(fixturesDir, 'plain') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('두 번째 레슨 본문입니다.');
    expect(result.stdout).toContain('(1 / 1) [1: ✅ 완료]');
  });
});
