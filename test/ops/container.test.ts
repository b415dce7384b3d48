/**
 * The container image, checked without a Docker engine (none runs here, and no base image can be
 * pulled): the Dockerfile is replayed step by step on a copy of the project — the build context
 * filtered by .dockerignore, its COPY and RUN steps in a folder per stage, `npm ci` stood in for
 * by a hard-linked copy of the installed node_modules and `npm prune` run offline — and the
 * runtime stage's CMD and HEALTHCHECK are started against the fake Discord.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { answerOf, responseText } from '../e2e/support/bot-harness.js';
import {
  dockerignoreFilter,
  type Instruction,
  parseAssignments,
  parseDockerfile,
  type Stage,
  splitFlags,
} from '../support/dockerfile.js';
import { startFakeDiscord } from '../support/fake-discord/index.js';
import { repoRoot, startProduction } from '../support/production.js';

const run = promisify(execFile);

/** One stage's file system: `root` stands for `/`, `workdir` is absolute inside the image. */
interface StageFs {
  root: string;
  workdir: string;
  env: Record<string, string>;
  user: string | undefined;
  volumes: string[];
  chowned: Map<string, string>;
  cmd: string[] | undefined;
  healthcheck: string[] | undefined;
  stopSignal: string | undefined;
}

const inImage = (stage: StageFs, target: string) =>
  path.join(stage.root, path.posix.isAbsolute(target) ? target : path.posix.join(stage.workdir, target));

/** The build context as `docker build .` sends it: every file .dockerignore lets through. */
function contextFiles(): string[] {
  const reaches = dockerignoreFilter(readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8'));
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(repoRoot, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.name === '.git' || entry.name === 'node_modules') {
        // Large and never wanted: they must be excluded, so check that without walking them.
        expect(reaches(child), `${child} must not reach the build context`).toBe(false);
        continue;
      }
      if (entry.isDirectory()) walk(child);
      else if (reaches(child)) files.push(child);
    }
  };
  walk('');
  return files;
}

/** COPY [--from=stage] src... dest, with Docker's rules for folders and a trailing slash. */
async function copy(
  stage: StageFs,
  args: string,
  stages: Map<string, StageFs>,
  context: string[],
): Promise<void> {
  const { flags, rest } = splitFlags(args);
  const parts = rest.split(/\s+/);
  const dest = parts.pop()!;
  const target = inImage(stage, dest);
  const from = flags.from === undefined ? undefined : stages.get(flags.from);
  if (flags.from !== undefined && !from) throw new Error(`COPY --from=${flags.from}: no such stage`);
  for (const source of parts) {
    if (from) {
      const origin = inImage(from, source);
      const into =
        dest.endsWith('/') && !statSync(origin).isDirectory()
          ? path.join(target, path.basename(origin))
          : target;
      mkdirSync(path.dirname(into), { recursive: true });
      if (existsSync(into)) throw new Error(`COPY --from into ${into}: already there`);
      // Hard links: the stages' files are never changed after this, and node_modules is large.
      await run('cp', ['-al', origin, into]);
      continue;
    }
    const wanted = source.replace(/\/+$/, '');
    const matched = context.filter((file) => file === wanted || file.startsWith(`${wanted}/`));
    if (matched.length === 0) throw new Error(`COPY ${source}: not in the build context (.dockerignore?)`);
    for (const file of matched) {
      const isFolderCopy = file !== wanted;
      const into = isFolderCopy
        ? path.join(target, file.slice(wanted.length + 1))
        : dest.endsWith('/')
          ? path.join(target, path.basename(file))
          : target;
      mkdirSync(path.dirname(into), { recursive: true });
      copyFileSync(path.join(repoRoot, file), into);
    }
  }
}

/** Reads an exec-form (JSON array) command, which the signal rules depend on. */
function execForm(args: string, what: string): string[] {
  const parsed = JSON.parse(args) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string'))
    throw new Error(
      `${what} must be in exec form (a JSON array), so no shell stands between Docker and node`,
    );
  return parsed;
}

/** The Dockerfile's shell commands, each replayed the way it would run in the image. */
async function runShell(stage: StageFs, command: string): Promise<void> {
  const cwd = inImage(stage, '.');
  for (const step of command.split('&&').map((part) => part.trim())) {
    if (/^apt-get /.test(step) || step.startsWith('rm -rf /var/lib/apt/lists')) continue;
    if (/^npm ci\b/.test(step)) {
      // What `npm ci` installs from this lock file is what the checkout already has installed:
      // hard links make the copy cheap, and npm prune only unlinks, so the checkout stays as it is.
      // (The real folder, in case node_modules is a symlink: the copy must be a folder of its own.)
      await run('cp', [
        '-al',
        realpathSync(path.join(repoRoot, 'node_modules')),
        path.join(cwd, 'node_modules'),
      ]);
      // The one file npm rewrites in place, its hidden lock file, gets an inode of its own.
      const hiddenLock = path.join(cwd, 'node_modules/.package-lock.json');
      if (existsSync(hiddenLock)) {
        copyFileSync(hiddenLock, `${hiddenLock}.own`);
        renameSync(`${hiddenLock}.own`, hiddenLock);
      }
      continue;
    }
    if (/^npm prune\b/.test(step)) {
      await run('npm', [...step.split(/\s+/).slice(1), '--offline'], { cwd });
      continue;
    }
    if (/^npm run build$/.test(step) || /^find node_modules\//.test(step)) {
      await run('sh', ['-c', step], { cwd });
      continue;
    }
    const mkdir = /^mkdir -p (\/\S+)$/.exec(step);
    if (mkdir) {
      mkdirSync(inImage(stage, mkdir[1]!), { recursive: true });
      continue;
    }
    const chown = /^chown (\S+) (\/\S+)$/.exec(step);
    if (chown) {
      stage.chowned.set(chown[2]!, chown[1]!);
      continue;
    }
    throw new Error(`the Dockerfile runs "${step}", which this test does not know how to replay`);
  }
}

async function replayStage(stage: Stage, fs: StageFs, stages: Map<string, StageFs>, context: string[]) {
  for (const instruction of stage.instructions as Instruction[]) {
    switch (instruction.keyword) {
      case 'WORKDIR':
        fs.workdir = path.posix.resolve(fs.workdir, instruction.args);
        mkdirSync(inImage(fs, '.'), { recursive: true });
        break;
      case 'COPY':
        await copy(fs, instruction.args, stages, context);
        break;
      case 'RUN':
        await runShell(fs, instruction.args);
        break;
      case 'ENV':
        Object.assign(fs.env, parseAssignments(instruction.args));
        break;
      case 'USER':
        fs.user = instruction.args;
        break;
      case 'VOLUME':
        fs.volumes.push(...execForm(instruction.args, 'VOLUME'));
        break;
      case 'CMD':
        fs.cmd = execForm(instruction.args, 'CMD');
        break;
      case 'HEALTHCHECK': {
        const { rest } = splitFlags(instruction.args);
        if (!rest.startsWith('CMD ')) throw new Error('HEALTHCHECK must run a command');
        fs.healthcheck = execForm(rest.slice('CMD '.length), 'HEALTHCHECK CMD');
        break;
      }
      case 'STOPSIGNAL':
        fs.stopSignal = instruction.args;
        break;
      case 'EXPOSE':
        break;
      default:
        throw new Error(`line ${instruction.line}: ${instruction.keyword} is not replayed by this test`);
    }
  }
}

let workspace: string;
let stages: Stage[];
let runtime: StageFs;

beforeAll(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'dsb-image-'));
  stages = parseDockerfile(readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8'));
  const context = contextFiles();
  const built = new Map<string, StageFs>();
  for (const stage of stages) {
    const fs: StageFs = {
      root: path.join(workspace, stage.name),
      workdir: '/',
      env: {},
      user: undefined,
      volumes: [],
      chowned: new Map(),
      cmd: undefined,
      healthcheck: undefined,
      stopSignal: undefined,
    };
    mkdirSync(fs.root, { recursive: true });
    built.set(stage.name, fs);
    await replayStage(stage, fs, built, context);
  }
  runtime = built.get(stages.at(-1)!.name)!;
}, 300_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('the Dockerfile', () => {
  it('gets a build context without secrets, databases, dependencies or builds from the checkout', () => {
    const reaches = dockerignoreFilter(readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8'));
    for (const kept of [
      '.env',
      'data/bot.sqlite',
      'data/bot.sqlite-wal',
      'data/bot.sqlite.lock',
      'dist/src/main.js',
    ])
      expect(reaches(kept), kept).toBe(false);
    for (const sent of [
      'src/main.ts',
      'commands/index.ts',
      'data/course.yaml',
      'data/lessons/a.md',
      'package-lock.json',
    ])
      expect(reaches(sent), sent).toBe(true);
  });

  it('builds on the official Node 20 slim image in two stages, and runs node as PID 1 as a non-root user', () => {
    expect(stages.map((stage) => [stage.name, stage.base])).toEqual([
      ['build', 'node:20-slim'],
      ['runtime', 'node:20-slim'],
    ]);
    expect(runtime.cmd).toEqual(['node', 'dist/src/main.js']);
    expect(runtime.stopSignal ?? 'SIGTERM').toBe('SIGTERM');
    expect(runtime.user).toBe('node');
    // The database is on a volume the bot's user owns.
    const databaseFolder = path.posix.dirname(runtime.env.DATABASE_PATH!);
    expect(runtime.volumes).toContain(databaseFolder);
    expect(runtime.chowned.get(databaseFolder)).toBe('node:node');
    expect(runtime.healthcheck).toEqual(['node', 'dist/src/ops/healthcheck.js']);
  });

  it('ships the compiled bot, production dependencies only and the course — nothing else from the checkout', () => {
    const app = inImage(runtime, '.');
    expect(readdirSync(app).sort()).toEqual(['data', 'dist', 'node_modules', 'package.json']);
    expect(readdirSync(path.join(app, 'data')).sort()).toEqual(['course.yaml', 'lessons']);
    expect(readdirSync(path.join(app, 'data/lessons'))).toContain('05-02-push-image-to-docker-hub.md');
    expect(existsSync(path.join(app, 'dist/src/main.js'))).toBe(true);
    const modules = path.join(app, 'node_modules');
    for (const devOnly of ['typescript', 'vitest', 'tsx', '@biomejs/biome', 'fast-check', 'recheck'])
      expect(existsSync(path.join(modules, devOnly)), devOnly).toBe(false);
    for (const needed of ['better-sqlite3', 'discord.js', 'prom-client', '@napi-rs/canvas'])
      expect(existsSync(path.join(modules, needed)), needed).toBe(true);
  });

  it('keeps Pretendard’s OTF fonts (and licence) and drops its web formats; the canvas draws Hangul with them', async () => {
    const fonts = path.join(inImage(runtime, '.'), 'node_modules/pretendard/dist');
    const files = readdirSync(fonts, { recursive: true }).map(String);
    expect(files.filter((file) => file.endsWith('.otf'))).toHaveLength(9);
    expect(files).toContain('LICENSE.txt');
    expect(files.filter((file) => /\.(woff2?|css)$/.test(file))).toEqual([]);
    const script = [
      "import { GlobalFonts, createCanvas } from '@napi-rs/canvas';",
      "GlobalFonts.registerFromPath('node_modules/pretendard/dist/public/static/Pretendard-Regular.otf', 'Pretendard');",
      'const canvas = createCanvas(200, 60); const context = canvas.getContext("2d");',
      "context.font = '32px Pretendard'; context.fillText('도커', 10, 45);",
      'const pixels = context.getImageData(0, 0, 200, 60).data;',
      'let ink = 0; for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) ink += 1;',
      'console.log(ink);',
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: inImage(runtime, '.'),
    });
    expect(Number(stdout)).toBeGreaterThan(100);
  });

  it('starts what CMD runs against the fake Discord; the HEALTHCHECK command reports healthy', async () => {
    const fake = await startFakeDiscord();
    // The image's environment, with its absolute paths inside the replayed file system and the
    // health port on loopback (a free one); the token as compose's env_file would give it.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      ...Object.fromEntries(
        Object.entries(runtime.env).map(([key, value]) => [
          key,
          value.startsWith('/') ? inImage(runtime, value) : value,
        ]),
      ),
      HEALTH_HOST: '127.0.0.1',
      HEALTH_PORT: '0',
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DOCKER_REGISTRY_URL: 'http://127.0.0.1:9',
      DOCKER_HUB_API_URL: 'http://127.0.0.1:9',
      DOCKER_AUTH_HOSTS: '127.0.0.1',
    };
    const [command, ...args] = runtime.cmd!;
    expect(command).toBe('node');
    const bot = startProduction(inImage(runtime, '.'), env, args);
    try {
      const listening = await bot.waitForLog((line) => line.msg === 'health and metrics listening');
      await bot.waitForLog((line) => line.msg === 'connected to Discord');
      await fake.waitForBot();
      const asked = fake.sendChatCommand({ name: 'lesson', subcommand: 'list' });
      expect(responseText(await answerOf(fake, asked.id))).toContain('5.2');

      const [checkCommand, ...checkArgs] = runtime.healthcheck!;
      expect(checkCommand).toBe('node');
      const check = await run(process.execPath, checkArgs, {
        cwd: inImage(runtime, '.'),
        env: { ...env, HEALTH_PORT: String(listening.port) },
      });
      expect(check.stdout).toMatch(/^200 \{"status":"ok"/);
      expect(existsSync(env.DATABASE_PATH!)).toBe(true);

      // The manual's backup in a container: the compiled script (the image has no tsx), on the volume.
      const volume = path.dirname(env.DATABASE_PATH!);
      const inContainer = (...args: string[]) =>
        run(process.execPath, args, { cwd: inImage(runtime, '.'), env });
      expect((await inContainer('dist/src/store/cli/backup.js', `${volume}/backup.sqlite`)).stdout).toContain(
        '✅',
      );

      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      // With the bot gone, the health check fails (Docker would mark the container unhealthy).
      const down = await run(process.execPath, checkArgs, {
        cwd: inImage(runtime, '.'),
        env: { ...env, HEALTH_PORT: String(listening.port) },
      }).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
      expect(down).toBe(1);

      // …and the restore, with the bot stopped.
      expect(
        (await inContainer('dist/src/store/cli/restore.js', `${volume}/backup.sqlite`)).stdout,
      ).toContain('✅');
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await fake.stop();
    }
  });
});

describe('compose.yaml', () => {
  it('runs the image with the .env file, the database volume, a restart policy and the health check', () => {
    const compose = parseYaml(readFileSync(path.join(repoRoot, 'compose.yaml'), 'utf8')) as {
      services: Record<string, Record<string, unknown>>;
      volumes: Record<string, unknown>;
    };
    const bot = compose.services.bot!;
    expect(bot.env_file).toBe('.env');
    expect(bot.restart).toBe('unless-stopped');
    const environment = bot.environment as Record<string, string>;
    const [volumeName, mountPoint] = String((bot.volumes as string[])[0]).split(':');
    expect(Object.keys(compose.volumes)).toContain(volumeName);
    expect(path.posix.dirname(environment.DATABASE_PATH!)).toBe(mountPoint);
    expect(runtime.volumes).toContain(mountPoint);
    expect(bot.ports).toEqual([`127.0.0.1:${environment.HEALTH_PORT}:${environment.HEALTH_PORT}`]);
    expect((bot.healthcheck as { test: string[] }).test).toEqual(['CMD', ...runtime.healthcheck!]);
  });
});
