import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleIds } from '../../src/console/run-console.js';
import { consoleAnswers } from '../support/console-answers.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
// Each run starts tsx and the whole bot; on a loaded machine that can take a while.
const childTimeoutMs = 90_000;

/**
 * The learner's session, one line per command or button. The numbers are the ones the pages show
 * (`[n: label]`): on a lesson page ◀ is always 1 and ▶ always 2; Step 3's 👀 button is 3.
 */
const learnerScript = [
  '/lesson next', // 사전 준비
  '2', // ▶ → Step 1
  '2', // ▶ → Step 2
  '2', // ▶ → Step 3
  '2', // ▶ → Step 4
  '2', // ▶ → Step 5
  '2', // ▶ → 핵심 개념과 주요 명령어 정리
  '2', // 📝 퀴즈 풀기 → question 1
  '1', // A (wrong)
  '1', // 다음 문제 ▶ → question 2
  '2', // B (right)
  '1', // 🏁 결과 보기
  '/progress',
  '/lesson', // no subcommand
  '1', // the last answer (/progress) has no buttons: the score page's are gone
  `/progress user:${consoleIds.instructorId}`,
  'help',
  'quit',
  // Never read: quit ends the session.
  '/lesson next',
];

interface ConsoleRun {
  stdout: string;
  stderr: string;
  /** What was printed after each echoed script line, in order. */
  answers: { line: string; text: string }[];
}

let dir: string;
let databasePath: string;

async function runConsoleScript(lines: string[], role?: 'instructor'): Promise<ConsoleRun> {
  const scriptPath = path.join(dir, `script-${role ?? 'learner'}.txt`);
  writeFileSync(scriptPath, `${lines.join('\n')}\n`);
  const args = ['src/main.ts', '--console', '--script', scriptPath, ...(role ? ['--as', role] : [])];
  const { stdout, stderr } = await run(tsx, args, {
    cwd: repoRoot,
    timeout: childTimeoutMs,
    env: {
      ...process.env,
      DISCORD_TOKEN: '',
      DATABASE_PATH: databasePath,
      LESSONS_DIR: 'data/lessons',
      // Nothing may leave 127.0.0.1: a closed port.
      DOCKER_REGISTRY_URL: 'http://127.0.0.1:9',
      DOCKER_HUB_API_URL: 'http://127.0.0.1:9',
      DOCKER_AUTH_HOSTS: '127.0.0.1',
    },
  });
  return { stdout, stderr, answers: consoleAnswers(stdout) };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsb-console-'));
  databasePath = path.join(dir, 'bot.sqlite');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the local console, run as `npm start -- --console --script FILE`', () => {
  let learner: ConsoleRun;

  beforeAll(async () => {
    learner = await runConsoleScript(learnerScript);
  }, childTimeoutMs + 10_000);

  it('answers every script line in order, without stack traces', () => {
    expect(learner.stdout).toContain(`로컬 콘솔 (학습자1, ID ${consoleIds.learnerId})`);
    expect(learner.stdout).toContain(databasePath);
    expect(learner.answers.map((answer) => answer.line)).toEqual(learnerScript.slice(0, -1));
    expect(learner.answers.at(-1)).toEqual({ line: 'quit', text: '' });
    expect(learner.stderr).not.toMatch(/\n\s+at /);
    expect(learner.stdout).not.toMatch(/\n\s+at /);
  });

  it('walks lesson 5.2 page by page with the ▶ numbers, every step title in order', () => {
    const pages = learner.answers.slice(0, 7).map((answer) => answer.text);
    const titles = [
      '사전 준비',
      'Step 1: 환경 변수 설정',
      'Step 2: 도커 허브에 로그인',
      'Step 3: 이미지에 올바른 참조 부여하기',
      'Step 4: 도커 허브에 푸시',
      'Step 5: 도커 허브에서 확인',
      '핵심 개념과 주요 명령어 정리',
    ];
    titles.forEach((title, index) => {
      const page = pages[index]!;
      expect(page).toContain('5.2 도커 허브에 직접 빌드한 이미지 푸시하기');
      expect(page).toContain(`${index + 1}/7`);
      expect(page).toMatch(new RegExp(`^## .*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    });
    // The numbers pressed in the script are the ▶ of each page, as the page shows them.
    expect(pages[0]).toContain('[2: 다음 ▶]');
    expect(pages[1]).toContain('[1: ◀ 이전] (2 / 7) [2: 다음 ▶]');
    expect(pages[3]).toContain('[3: 👀 펼쳐 보기]');
    expect(pages[3]).toContain('[1: ◀ 이전] (4 / 7) [2: 다음 ▶]');
    expect(pages[6]).toContain('[2: 📝 퀴즈 풀기]');
    expect(pages[4]).toContain('docker image push $dockerId/image-gallery:v1');
  });

  it('runs the quiz: a wrong answer with the right one and its explanation, then a right one, then the score', () => {
    const [question1, wrong, question2, right, score] = learner.answers
      .slice(7, 12)
      .map((answer) => answer.text);
    expect(question1).toContain('문제 1/2');
    expect(question1).toContain('[1: A] [2: B] [3: C] [4: D]');

    expect(wrong).toContain('❌');
    expect(wrong).toContain('고른 답은 **A**');
    expect(wrong).toContain('정답: **B. 본인의 계정명**');
    expect(wrong).toContain('`계정명/이미지명:태그` 형식이 필수입니다');

    expect(question2).toContain('문제 2/2');
    expect(question2).toContain('IMAGE ID가 같은 두 개의 이미지');

    expect(right).toContain('✅ 정답이에요!');
    expect(right).toContain('정답: **B. 한 개만큼만 차지한다**');
    expect(right).toContain('태그는 단순히 이름(별명)일 뿐이므로');

    expect(score).toContain('5.2 퀴즈 결과');
    expect(score).toContain('이번 풀이: 2문제 중 **1문제** 정답 (50%)');
  });

  it('shows /progress with all 7 steps, the quiz and 90 points', () => {
    const progress = learner.answers[12]!.text;
    expect(progress).toContain('단계 7/7');
    expect(progress).toContain('퀴즈 첫 시도 정답 1/2');
    expect(progress).toContain('90점');
    expect(progress).toContain('총 **90점**');
  });

  it('answers a missing subcommand and a button that is no longer shown in Korean, and carries on', () => {
    expect(learner.answers[13]!.text).toContain('`/lesson` 뒤에 list, open, next 중 하나를 붙여 주세요');
    expect(learner.answers[14]!.text).toContain('1번 버튼이 없어요');
    // The run went on to the next line and answered it.
    expect(learner.answers[15]!.text.trim()).not.toBe('');
  });

  it('prints the help with command examples', () => {
    expect(learner.answers[16]!.text).toContain('명령 예시');
    expect(learner.answers[16]!.text).toContain('/lesson open lesson:5.2 step:3');
  });

  it('refuses another learner’s progress to a learner', () => {
    expect(learner.answers[15]!.text).toContain('다른 학습자의 진도는 강사만');
    expect(learner.answers[15]!.text).not.toContain('단계');
  });

  it('stored the 7 completed steps in the SQLite file', () => {
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare('SELECT lesson_id, step_id FROM step_completions WHERE guild_id = ? AND user_id = ?')
        .all(consoleIds.guildId, consoleIds.learnerId) as { lesson_id: string; step_id: string }[];
      expect(rows).toHaveLength(7);
      expect(new Set(rows.map((row) => row.lesson_id))).toEqual(new Set(['5.2']));
      expect(new Set(rows.map((row) => row.step_id)).size).toBe(7);
    } finally {
      db.close();
    }
  });

  it(
    'with --as instructor, shows the learner’s progress from the same database',
    async () => {
      const instructor = await runConsoleScript(
        ['/progress', `/progress user:${consoleIds.learnerId}`],
        'instructor',
      );
      expect(instructor.stdout).toContain(`로컬 콘솔 (강사, ID ${consoleIds.instructorId})`);
      const [own, learnerProgress] = instructor.answers.map((answer) => answer.text);
      expect(own).toBeDefined();
      expect(own).not.toContain('90점');
      expect(learnerProgress).not.toContain('강사만');
      expect(learnerProgress).toContain('단계 7/7');
      expect(learnerProgress).toContain('90점');
    },
    childTimeoutMs + 10_000,
  );
});

describe('npm start flags', () => {
  const start = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        tsx,
        ['src/main.ts', ...args],
        { cwd: repoRoot, timeout: childTimeoutMs },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
      );
    });

  it('--help prints the usage; a wrong flag says which, with the usage, and no stack trace', async () => {
    const help = await start(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      '사용법: npm start -- [--console] [--as learnerN|instructor] [--script 파일]',
    );
    const wrong = await start(['--bogus']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('알 수 없는 옵션이에요: --bogus');
    expect(wrong.stderr).toContain('사용법:');
    expect(wrong.stderr).not.toContain('ERR_PARSE_ARGS');
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
  });
});
