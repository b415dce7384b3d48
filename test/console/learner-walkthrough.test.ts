import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleAnswer, consoleAnswers } from '../support/console-answers.js';
import { PARENTHESISED_PARTICLE } from '../support/korean.js';
import {
  type CourseFixtures,
  pushCourseFixtures,
  pushProofTag,
  startRegistry,
  type TestRegistry,
} from '../support/registry/index.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const childTimeoutMs = 120_000;

let dir: string;
let registry: TestRegistry;
let fixtures: CourseFixtures;

type Answer = ConsoleAnswer;

/** Runs the console on one database with a script; the answers follow each echoed line. */
async function consoleRun(lines: string[], name: string): Promise<{ stdout: string; answers: Answer[] }> {
  const scriptPath = path.join(dir, `${name}.txt`);
  writeFileSync(scriptPath, `${lines.join('\n')}\nquit\n`);
  const { stdout } = await run(tsx, ['src/main.ts', '--console', '--script', scriptPath], {
    cwd: repoRoot,
    timeout: childTimeoutMs,
    env: {
      ...process.env,
      DISCORD_TOKEN: '',
      DATABASE_PATH: path.join(dir, 'bot.sqlite'),
      LESSONS_DIR: 'data/lessons',
      // The real registry on 127.0.0.1; Docker Hub's web API is a closed port.
      DOCKER_REGISTRY_URL: registry.url,
      DOCKER_AUTH_HOSTS: registry.authHosts.join(','),
      DOCKER_HUB_API_URL: 'http://127.0.0.1:9',
      VERIFY_COOLDOWN_SECONDS: '0',
    },
  });
  return { stdout, answers: consoleAnswers(stdout) };
}

let first: { stdout: string; answers: Answer[] };
let second: { stdout: string; answers: Answer[] };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'study-bot-walk-'));
  registry = await startRegistry();
  fixtures = await pushCourseFixtures(registry);
  const dockerId = fixtures.single.dockerId;
  first = await consoleRun(
    [
      '/lesson next', // 사전 준비
      '2', // ▶ Step 1 (▶ is 2 on every page)
      '2', // ▶ Step 2
      '2', // ▶ Step 3
      '2', // ▶ Step 4 (Step 3's 👀 button is 3)
      '2', // ▶ Step 5
      '2', // ▶ 핵심 개념과 주요 명령어 정리
      '2', // 📝 퀴즈 풀기 → question 1 (the last step is done)
      '1', // A: wrong
      '1', // 다음 문제 ▶
      '2', // B: right on the first try
      '1', // 🏁 결과 보기
      '1', // 🔁 다시 풀기
      '2', // B: right on a retry
      '1', // 다음 문제 ▶
      '2', // B: right again (no new points)
      '1', // 🏁 결과 보기
      `/verify docker-id:${dockerId}`,
    ],
    'first',
  );
  const proofTag = /:(verify-[0-9a-z]{6})\b/.exec(first.stdout)?.[1];
  if (!proofTag) throw new Error(`no proof tag asked for:\n${first.stdout}`);
  await pushProofTag(registry, fixtures.single, proofTag);
  second = await consoleRun([`/verify docker-id:${dockerId}`, '/lesson next'], 'second');
}, 300_000);

afterAll(async () => {
  await registry?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a learner walks lesson 5.2 in the console', () => {
  it('is told every step’s points with the running total', () => {
    const steps = first.answers.slice(1, 7).map((answer) => answer.text);
    steps.forEach((text, index) => {
      expect(text).toContain(`-# ✅ 앞 단계를 마쳤어요. **+10점** (총 ${(index + 1) * 10}점)`);
    });
    // The quiz button on the last page completes the last step too.
    expect(first.answers[7]!.text).toContain('✅ 앞 단계를 마쳤어요. **+10점** (총 70점)');
  });

  it('gets the quiz points: nothing for a wrong answer, +20 first try, +5 retry and the +30 completion bonus', () => {
    const [wrong, , right, score] = first.answers.slice(8, 12).map((answer) => answer.text);
    expect(wrong).toContain('❌ 아쉬워요. 고른 답은 **A**예요.');
    expect(wrong).not.toContain('점** (총');
    expect(right).toContain('🎯 첫 시도에 맞혔어요. **+20점** (총 90점)');
    expect(score).toContain('이번 풀이: 2문제 중 **1문제** 정답 (50%)');
    expect(score).toContain('첫 시도 기록: 2문제 중 1문제 정답.');
    // The lesson has an unverified check: the next step is /verify, named as the client names it.
    expect(score).toContain('`/인증` 명령으로 인증해 보세요. 인증하면 +50점을 받아요.');
    expect(score).toContain('[1: 🔁 다시 풀기]');

    const [retried, , again, retryScore] = first.answers.slice(13, 17).map((answer) => answer.text);
    expect(retried).toContain(
      '🔁 다시 풀어서 맞혔어요. **+5점** (총 95점)\n🏁 레슨 5.2의 단계와 퀴즈를 모두 끝냈어요! 완료 보너스 **+30점** (총 125점)',
    );
    expect(again).toContain('✅ 정답이에요!');
    expect(again).not.toContain('점** (총');
    expect(retryScore).toContain('이번 풀이: 2문제 중 **2문제** 정답 (100%)');
    expect(retryScore).toContain('🎉 이번에는 모두 맞혔어요!');
    expect(retryScore).toContain('첫 시도 기록: 2문제 중 1문제 정답.');
  });

  it('verifies against the real registry: +50 with the total, then the course is done', () => {
    const asked = first.answers[17]!.text;
    expect(asked).toContain('🔑 이 도커 ID가 내 것인지 한 번만 확인할게요');
    const [verified, next] = second.answers.map((answer) => answer.text);
    expect(verified).toContain('✅ 도커 허브에서 이미지를 확인했어요!');
    expect(verified).toContain('🐳 인증을 마쳤어요. **+50점** (총 175점)');
    expect(verified).toContain('🎓 코스의 모든 레슨을 끝냈어요! 전체 기록은 `/진도` 명령으로 볼 수 있어요.');
    expect(next).toContain('🎓 코스를 모두 마쳤어요!');
    expect(next).toContain(
      '**5.2** 도커 허브에 직접 빌드한 이미지 푸시하기 · 단계 7/7 · 퀴즈 첫 시도 정답 1/2 · ✅ 인증 완료',
    );
    expect(next).toContain('총 **175점**');
    expect(next).toContain('`/레슨 열기` 명령으로');
  });

  it('shows no parenthesised particle and no raw command mention anywhere', () => {
    for (const output of [first.stdout, second.stdout]) {
      expect(output).not.toMatch(PARENTHESISED_PARTICLE);
      expect(output).not.toMatch(/<\/[^>]+:\d+>/);
    }
  });
});
