/**
 * docs/operating.md, run: every shell command in it must be listed here with how it is checked,
 * and the ones that can run on this machine are run as written — against the fake Discord, on a
 * temporary database, from the repository like an operator's checkout.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadEnvFile } from '../../src/ops/env-file.js';
import { answerOf, responseText } from '../e2e/support/bot-harness.js';
import { type FakeDiscord, option, startFakeDiscord } from '../support/fake-discord/index.js';
import { isolatedEnv, repoRoot, startProcess } from '../support/production.js';
import { parsePrometheusText, sampleValue } from '../support/prometheus.js';

const run = promisify(execFile);
const manual = readFileSync(path.join(repoRoot, 'docs/operating.md'), 'utf8');
const unitFile = readFileSync(path.join(repoRoot, 'deploy/docker-study-bot.service'), 'utf8');

/** Every command line of the manual's ```sh blocks. */
function manualCommands(): string[] {
  const commands: string[] = [];
  let inShell = false;
  for (const line of manual.split('\n')) {
    if (!inShell && line.trim() === '```sh') inShell = true;
    else if (inShell && line.trim() === '```') inShell = false;
    else if (inShell && line.trim() !== '' && !line.trim().startsWith('#')) commands.push(line.trim());
  }
  return commands;
}

/** Values of `key=` lines in the systemd unit, in order. */
function unitSetting(key: string): string[] {
  return unitFile
    .split('\n')
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1).trim());
}

/**
 * How each kind of command is checked. `here`: run by this file; otherwise the test file or
 * script that runs it (or, for docker and systemd, what they run), which must mention `marker`.
 */
const checks: { pattern: RegExp; where: string; marker: string }[] = [
  { pattern: /^npm ci$/, where: '.ci/run', marker: 'npm ci' },
  { pattern: /^npm run build$/, where: '.ci/run', marker: 'npm run build' },
  { pattern: /^cp \.env\.example \.env && chmod 600 \.env$/, where: 'here', marker: '' },
  { pattern: /^npm run deploy-commands( -- --dry-run)?$/, where: 'here', marker: '' },
  { pattern: /^npm run start:prod$/, where: 'here', marker: '' },
  { pattern: /^mkdir -p backups$/, where: 'here', marker: '' },
  { pattern: /^npm run db:(backup|restore) -- backups\/[\w.-]+\.sqlite$/, where: 'here', marker: '' },
  { pattern: /^curl -fsS http:\/\/127\.0\.0\.1:9464\/(healthz|metrics)$/, where: 'here', marker: '' },
  { pattern: /^node dist\/src\/ops\/healthcheck\.js$/, where: 'here', marker: '' },
  {
    pattern: /^docker compose (up -d --build|ps|logs -f bot|stop bot|start bot)$/,
    where: 'test/ops/container.test.ts',
    marker: 'compose.yaml',
  },
  {
    pattern:
      /^docker compose (exec|run --rm --no-deps) bot node dist\/src\/store\/cli\/(backup|restore)\.js \/data\/[\w.-]+$/,
    where: 'test/ops/container.test.ts',
    marker: 'dist/src/store/cli/restore.js',
  },
  {
    pattern: /^(sudo )?(systemctl|journalctl|useradd|cp deploy\/docker-study-bot\.service)\b/,
    where: 'here',
    marker: '',
  },
  { pattern: /^sudo systemctl (daemon-reload|enable --now|stop|start|restart)\b/, where: 'here', marker: '' },
  { pattern: /^git pull$/, where: 'not run: it needs your remote', marker: '' },
];

describe('the operator’s manual', () => {
  it('lists how every one of its commands is checked', () => {
    const commands = manualCommands();
    expect(commands.length).toBeGreaterThan(20);
    const unchecked = commands.filter((command) => !checks.some((check) => check.pattern.test(command)));
    expect(unchecked).toEqual([]);
    for (const check of checks.filter((each) => each.marker !== '')) {
      const text = readFileSync(path.join(repoRoot, check.where), 'utf8');
      expect(text, `${check.where} must run what "${check.pattern}" stands for`).toContain(check.marker);
    }
  });

  it('documents every setting the bot reads', () => {
    for (const variable of Object.keys(loadConfig({}))) expect(manual).toContain(`\`${variable}\``);
  });
});

describe('the manual’s commands, run', () => {
  let fake: FakeDiscord;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    dir = mkdtempSync(path.join(tmpdir(), 'dsb-manual-'));
    env = {
      ...isolatedEnv({
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DATABASE_PATH: path.join(dir, 'bot.sqlite'),
        HEALTH_PORT: '0',
      }),
      LANG: 'C.UTF-8',
    };
    await run('npm', ['run', '-s', 'build'], { cwd: repoRoot });
  }, 120_000);

  /** `npm run <script> -- <args>` from the checkout, with the test's environment. */
  const npmScript = (script: string, ...args: string[]) =>
    run('npm', ['run', '-s', script, '--', ...args], { cwd: repoRoot, env });

  afterAll(async () => {
    await fake?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('cp .env.example .env && chmod 600 .env gives a file the bot reads without warning', async () => {
    copyFileSync(path.join(repoRoot, '.env.example'), path.join(dir, '.env.example'));
    await run('sh', ['-c', 'cp .env.example .env && chmod 600 .env'], { cwd: dir });
    const target: NodeJS.ProcessEnv = {};
    expect(loadEnvFile(path.join(dir, '.env'), target)?.readableByOthers).toBe(false);
    expect(() => loadConfig(target)).not.toThrow();
  });

  it('npm run deploy-commands, dry and for real', async () => {
    const dry = await npmScript('deploy-commands', '--dry-run');
    expect(JSON.parse(dry.stdout)).toBeTruthy();
    expect(fake.commands()).toEqual([]);
    const deployed = await npmScript('deploy-commands');
    // It speaks the operator's language like the bot (this terminal's LANG is C: Korean).
    const registered = Number(/명령 (\d+)개를 등록했어요 \(모든 서버\(전역\)\)/.exec(deployed.stdout)?.[1]);
    expect(registered).toBeGreaterThan(0);
    expect(fake.commands()).toHaveLength(registered);
  });

  it('npm run start:prod, the health checks, a backup while it runs, Ctrl-C, then a restore', async () => {
    const bot = startProcess('npm', ['run', 'start:prod'], { cwd: repoRoot, env, detached: true });
    try {
      const listening = await bot.waitForLog((line) => line.msg === 'health and metrics listening');
      await bot.waitForLog((line) => line.msg === 'connected to Discord');
      await fake.waitForBot();
      const asked = fake.sendChatCommand({
        name: 'lesson',
        subcommand: 'open',
        options: [option.string('lesson', '5.2')],
      });
      expect(responseText(await answerOf(fake, asked.id))).toContain('5.2');

      // The manual's port is the image's 9464; here the bot picked a free one.
      const curl = (route: string) => run('curl', ['-fsS', `http://127.0.0.1:${listening.port}${route}`]);
      expect(JSON.parse((await curl('/healthz')).stdout)).toMatchObject({ status: 'ok' });
      const metrics = parsePrometheusText((await curl('/metrics')).stdout);
      expect(
        sampleValue(metrics, 'dsb_interactions_total', { type: 'command', command: 'lesson', outcome: 'ok' }),
      ).toBe(1);
      const check = await run(process.execPath, ['dist/src/ops/healthcheck.js'], {
        cwd: repoRoot,
        env: { ...env, HEALTH_PORT: String(listening.port) },
      });
      expect(check.stdout).toMatch(/^200 /);

      await run('mkdir', ['-p', 'backups'], { cwd: dir });
      const backup = await npmScript('db:backup', path.join(dir, 'backups/bot.sqlite'));
      expect(backup.stdout).toContain('✅ 백업 완료');

      // Ctrl-C at a terminal signals npm's whole process group; npm waits for the bot to drain.
      process.kill(-bot.child.pid!, 'SIGINT');
      await bot.exited;
      expect(bot.logs.at(-1)).toMatchObject({ msg: 'stopped' });
      expect(existsSync(`${env.DATABASE_PATH}-wal`) ? statSync(`${env.DATABASE_PATH}-wal`).size : 0).toBe(0);
    } finally {
      if (bot.child.exitCode === null && bot.child.signalCode === null)
        process.kill(-bot.child.pid!, 'SIGKILL');
    }

    const restored = await npmScript('db:restore', path.join(dir, 'backups/bot.sqlite'));
    expect(restored.stdout).toContain('✅ 복원 완료');
  }, 90_000);

  it('the systemd unit verifies, and its ExecStart runs the bot from its WorkingDirectory', async () => {
    const setting = unitSetting;
    const [execStart] = setting('ExecStart');
    const [workingDirectory] = setting('WorkingDirectory');
    expect(execStart).toBe('/usr/bin/node dist/src/main.js');
    expect(workingDirectory).toBe('/opt/docker-study-bot');
    expect(setting('KillSignal')).toEqual(['SIGTERM']);
    // Longer than the bot's own 10 s drain, so systemd never kills a bot that is finishing.
    expect(Number(setting('TimeoutStopSec')[0])).toBeGreaterThan(10);
    expect(setting('Restart')).toEqual(['on-failure']);
    const unitEnv = Object.fromEntries(
      setting('Environment').map((pair) => pair.split('=', 2) as [string, string]),
    );
    // The database's folder is the one the unit lets the bot write (the lock and WAL live there).
    expect(setting('ReadWritePaths')).toEqual([path.posix.dirname(unitEnv.DATABASE_PATH!)]);
    expect(setting('StateDirectory').map((name) => `/var/lib/${name}`)).toEqual(setting('ReadWritePaths'));

    const analyzer = await run('systemd-analyze', [
      'verify',
      path.join(repoRoot, 'deploy/docker-study-bot.service'),
    ]).then(
      (result) => result,
      (error: { code: string | number; stderr?: string }) =>
        error.code === 'ENOENT' ? undefined : { stdout: '', stderr: error.stderr ?? String(error.code) },
    );
    if (analyzer) expect(analyzer.stderr).toBe('');

    // ExecStart as systemd runs it: the program, from the checkout, with the unit's environment
    // (its database path moved into the temp folder).
    const [program, ...args] = execStart!.split(' ');
    expect(path.basename(program!)).toBe('node');
    const bot = startProcess(process.execPath, args, {
      cwd: repoRoot,
      env: { ...env, ...unitEnv, HEALTH_PORT: '0', DATABASE_PATH: path.join(dir, 'unit', 'bot.sqlite') },
    });
    try {
      await bot.waitForLog((line) => line.msg === 'connected to Discord');
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    }
  }, 60_000);
});
