import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botCommands, commandData } from '../../commands/index.js';
import { createApp } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import { consoleIds, identityOfId, parseIdentity } from '../../src/console/identities.js';
import { runConsole } from '../../src/console/run-console.js';
import { subcommandsOf } from '../../src/interactions/command-args.js';
import { Dispatcher } from '../../src/interactions/dispatcher.js';
import { createLogger } from '../../src/logger.js';
import { type ConsoleAnswer, consoleAnswers } from '../support/console-answers.js';
import { PARENTHESISED_PARTICLE } from '../support/korean.js';

/**
 * The console as its users drive it, in process: the real command modules, the real app on a
 * real SQLite file, lines in and text out (script mode, so each answer follows its echoed line).
 */
let dir: string;

async function consoleRun(
  as: string,
  lines: string[],
): Promise<{ stdout: string; answers: ConsoleAnswer[] }> {
  const config = loadConfig({
    DATABASE_PATH: path.join(dir, 'bot.sqlite'),
    LESSONS_DIR: 'data/lessons',
    // Nothing may leave 127.0.0.1: a closed port.
    DOCKER_REGISTRY_URL: 'http://127.0.0.1:9',
    DOCKER_HUB_API_URL: 'http://127.0.0.1:9',
    DOCKER_AUTH_HOSTS: '127.0.0.1',
  });
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await createApp(config, createLogger('warn', quiet));
  const dispatcher = new Dispatcher(app, botCommands);
  let stdout = '';
  const output = new Writable({
    write(chunk, _encoding, done) {
      stdout += String(chunk);
      done();
    },
  });
  const who = parseIdentity(as);
  if (!who) throw new Error(`not a console user: ${as}`);
  try {
    await runConsole(app, dispatcher, {
      as: who,
      input: Readable.from([`${[...lines, 'quit'].join('\n')}\n`]),
      output,
      echo: true,
    });
  } finally {
    await dispatcher.drain(5_000);
    app.close();
  }
  return { stdout, answers: consoleAnswers(stdout) };
}

/** The `k/7` a lesson page shows in its header, or null when the answer is no lesson page. */
const pageOf = (answer: ConsoleAnswer) => /· (\d)\/7\n/.exec(answer.text)?.[1] ?? null;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsb-console-users-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('console users', () => {
  it('gives learnerN and the instructor their own stable ids', () => {
    expect(parseIdentity('learner')).toEqual(parseIdentity('learner1'));
    expect(parseIdentity('learner1')?.id).toBe(consoleIds.learnerId);
    expect(parseIdentity('instructor')?.id).toBe(consoleIds.instructorId);
    const ids = ['learner1', 'learner2', 'learner3', 'learner9999', 'instructor'].map(
      (handle) => parseIdentity(handle)?.id,
    );
    expect(new Set(ids).size).toBe(5);
    for (const id of ids) expect(id).toMatch(/^\d{18}$/);
    expect(identityOfId(parseIdentity('learner42')!.id)?.handle).toBe('learner42');
    for (const wrong of ['learner0', 'learner10000', 'learner02', 'Learner2', 'teacher', '']) {
      expect(parseIdentity(wrong)).toBeNull();
    }
  });
});

describe('the console behaves like Discord', () => {
  let learner: { stdout: string; answers: ConsoleAnswer[] };
  let instructor: { stdout: string; answers: ConsoleAnswer[] };
  let second: { stdout: string; answers: ConsoleAnswer[] };
  const learner2Id = parseIdentity('learner2')!.id;

  beforeAll(async () => {
    learner = await consoleRun('learner2', [
      '/lesson next', // 1/7
      '2', // ▶ 2/7
      '2', // ▶ 3/7
      '2', // ▶ 4/7 (its 👀 button is 3)
      '3', // 👀 펼쳐 보기: a reveal, no buttons of its own
      '2', // ▶ still pressable: 5/7
      '1', // ◀ 4/7
      '2', // ▶ 5/7
      '2', // ▶ 6/7
      'help',
      '/leaderboard group:1조', // no study group yet
    ]);
    instructor = await consoleRun('instructor', [
      'help',
      '/studygroup create name:1조',
      `/studygroup add user:${learner2Id}`,
      '/leaderboard group:1조',
      '/leaderboard group:2조',
      '/as learner3',
      '/lesson next',
      '/as learner10000',
      '/course reload', // still learner3: refused
      '/as instructor',
      '/stats group:1조',
    ]);
    second = await consoleRun('learner', ['/as learner2', '/progress']);
  }, 120_000);

  it('prints who is typing with their id, and the instructor’s id, at start', () => {
    expect(learner.stdout).toContain(`로컬 콘솔 (학습자2, ID ${learner2Id})`);
    expect(learner.stdout).toContain(`강사(ID ${consoleIds.instructorId})`);
    expect(instructor.stdout).toContain(`로컬 콘솔 (강사, ID ${consoleIds.instructorId})`);
    expect(second.stdout).toContain(`로컬 콘솔 (학습자1, ID ${consoleIds.learnerId})`);
  });

  it('keeps ◀ at 1 and ▶ at 2 on every page, and a reveal leaves the page’s buttons pressable', () => {
    const pages = learner.answers.slice(0, 9);
    expect(pages.map(pageOf)).toEqual(['1', '2', '3', '4', null, '5', '4', '5', '6']);
    expect(pages[0]!.text).toContain('(1 / 7) [2: 다음 ▶]');
    for (const page of [1, 2, 3, 5, 6, 7, 8]) {
      expect(pages[page]!.text).toMatch(/\[1: ◀ 이전\] \(\d \/ 7\) \[2: 다음 ▶\]/);
    }
    expect(pages[3]!.text).toContain('[3: 👀 펼쳐 보기]');
    expect(pages[4]!.text).not.toContain('번 버튼이 없어요');
    expect(pages[4]!.text).not.toMatch(/\[\d+: /);
  });

  it('lists every command a learner may run, with its options and their kinds, and none of the instructors’', () => {
    const help = learner.answers[9]!.text;
    expect(help).toContain('쓸 수 있는 명령 (학습자):');
    expect(help).toContain('/lesson open lesson:<글자> [step:<정수>] — ');
    expect(help).toContain(
      '/leaderboard [period:<week|month|season|all>] [group:<채널 ID·스터디 그룹 이름>]',
    );
    expect(help).toContain('/progress [user:<사용자 ID·@멘션>]');
    expect(help).toContain('/studygroup join — ');
    for (const instructorOnly of [
      '/course ',
      '/stats',
      '/season ',
      '/correct ',
      '/studygroup create',
      '🔒',
    ]) {
      expect(help).not.toContain(instructorOnly);
    }
    expect(help).toContain('1 = ◀ 이전, 2 = ▶ 다음');
  });

  it('lists every instructor command and subcommand, generated from the command data', () => {
    const help = instructor.answers[0]!.text;
    const paths = commandData.flatMap((command) => {
      const subcommands = subcommandsOf((command.options ?? []) as Parameters<typeof subcommandsOf>[0]);
      return subcommands.length > 0
        ? subcommands.map((sub) => `/${command.name} ${sub.name}`)
        : [`/${command.name}`];
    });
    expect(paths.length).toBeGreaterThan(20);
    const listed = help.split('\n').map((line) => line.trim().split(/ (?:[a-z0-9-]+:|\[|—)/)[0]);
    for (const commandPath of paths) expect(listed).toContain(commandPath);
    expect(help).toContain('쓸 수 있는 명령 (강사: 🔒 표시는 강사 전용):');
    expect(help).toMatch(/\/stats .*🔒/);
    expect(help).toMatch(/\/course reload — .*🔒/);
  });

  it('takes a study group’s name for a channel option, and says clearly when none matches', () => {
    expect(learner.answers[10]!.text).toContain(
      '`1조`라는 스터디 그룹이 없어요. 아직 스터디 그룹이 하나도 없어요: 강사가 `/studygroup create name:1조` 명령으로 만들 수 있어요.',
    );
    const [, created, added, board, unknown] = instructor.answers.map((answer) => answer.text);
    expect(created).toContain('1조');
    expect(added).toContain('학습자2');
    expect(board).toContain('학습자2');
    expect(board).not.toContain('알 수 없는 입력');
    expect(unknown).toBe(
      '`2조`라는 스터디 그룹이 없어요. 채널 옵션에는 스터디 그룹 이름이나 채널 ID를 써 주세요. 지금 있는 스터디 그룹: 1조\n',
    );
    expect(instructor.answers[10]!.text).not.toContain('스터디 그룹이 없어요');
  });

  it('switches user while running with `/as`, refusing names it does not know', () => {
    const [switched, lesson, wrong, refused, back] = instructor.answers
      .slice(5, 10)
      .map((answer) => answer.text);
    expect(switched).toBe(`이제 학습자3으로 입력해요. (ID ${parseIdentity('learner3')!.id})\n`);
    expect(lesson).toContain('1/7');
    expect(wrong).toContain('`learner10000`은 콘솔 사용자가 아니에요.');
    expect(refused).toContain('강사만');
    expect(back).toBe(`이제 강사로 입력해요. (ID ${consoleIds.instructorId})\n`);
    // learner2's progress is theirs across runs: the pages read as learner2 are stored.
    expect(second.answers[1]!.text).toContain('단계 5/7');
  });

  it('writes no parenthesised particle', () => {
    for (const run of [learner, instructor, second]) expect(run.stdout).not.toMatch(PARENTHESISED_PARTICLE);
  });
});
