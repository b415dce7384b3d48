import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botCommands } from '../../commands/index.js';
import type { AppContext } from '../../src/app/context.js';
import { deployCommands, describePlan, registrationPlan } from '../../src/discord/deploy.js';
import { translator } from '../../src/i18n/index.js';
import { defineCommand } from '../../src/interactions/command-module.js';
import { noticeMessage } from '../../src/ui/message.js';
import { GUILD_ID, learner, option, startFakeDiscord } from '../support/fake-discord/index.js';
import { answerOf, type BotHarness, responseText, startBotHarness } from './support/bot-harness.js';

const run = promisify(execFile);

/** The slash commands of DESIGN.md's contract, by name: the bot registers exactly these. */
const contractCommands = [
  'correct',
  'course',
  'leaderboard',
  'lesson',
  'progress',
  'quiz',
  'remind',
  'season',
  'stats',
  'studygroup',
  'verify',
];

/** A command whose work takes longer than Discord's 3 s, without deferring by itself. */
const slowCommand = defineCommand({
  data: {
    name: 'slow-test',
    description: 'test only',
    options: [
      { type: ApplicationCommandOptionType.Integer, name: 'ms', description: 'how long', required: true },
    ],
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  access: 'everyone',
  async execute(_app: AppContext, call, args) {
    await sleep(args.ms);
    await call.respond.send(noticeMessage('slow answer'));
  },
});

describe('the bot runtime against the fake Discord', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness({ extraCommands: [slowCommand] });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('defers by itself when work outlasts a second, so the 3-second rule holds', async () => {
    const asked = harness.fake.sendChatCommand({ name: 'slow-test', options: [option.integer('ms', 3500)] });
    const final = await harness.fake.waitForResponse(
      asked.id,
      (response) => response.kind === 'edit-original',
    );
    const [first] = harness.fake.responsesFor(asked.id);
    expect(first?.kind).toBe('callback');
    expect(first?.type).toBe(5);
    expect((first!.body as { flags?: number }).flags).toBe(64);
    expect(responseText(final)).toContain('slow answer');
    expect(harness.fake.deadlineMisses).toEqual([]);
  });

  it('keeps answering after a gateway reconnect and resume', async () => {
    const before = harness.fake.sendChatCommand({ name: 'lesson', subcommand: 'list', user: learner });
    expect(responseText(await answerOf(harness.fake, before.id))).toContain('레슨 목록');

    await harness.fake.forceReconnect({ resumable: true });
    expect(harness.fake.gatewayLog.some((event) => event.direction === 'in' && event.op === 6)).toBe(true);

    const after = harness.fake.sendChatCommand({
      name: 'lesson',
      subcommand: 'open',
      user: learner,
      options: [option.string('lesson', '도커 허브'), option.integer('step', 3)],
    });
    expect(responseText(await answerOf(harness.fake, after.id))).toContain('Step 2: 도커 허브에 로그인');
  });

  it('suggests lessons and steps while the learner types (Korean included)', async () => {
    const typing = harness.fake.sendAutocomplete({
      name: 'lesson',
      subcommand: 'open',
      options: [option.focused('lesson', '허브')],
    });
    const choices = await harness.fake.waitForResponse(typing.id, (response) => response.type === 8);
    expect((choices.body as { choices: { name: string; value: string }[] }).choices).toEqual([
      { name: '5.2 도커 허브에 직접 빌드한 이미지 푸시하기', value: '5.2' },
    ]);

    const steps = harness.fake.sendAutocomplete({
      name: 'lesson',
      subcommand: 'open',
      options: [
        option.string('lesson', '5.2'),
        { ...option.focused('step', ''), type: ApplicationCommandOptionType.Integer },
      ],
    });
    const stepChoices = await harness.fake.waitForResponse(steps.id, (response) => response.type === 8);
    const names = (stepChoices.body as { choices: { name: string }[] }).choices.map((choice) => choice.name);
    expect(names).toHaveLength(7);
    expect(names[1]).toBe('2. Step 1: 환경 변수 설정');
  });

  it('logs one line per interaction with command, user, guild, latency and outcome, never the token', () => {
    const handled = harness.logs.filter((line) => line.msg === 'interaction handled');
    expect(handled.length).toBeGreaterThanOrEqual(3);
    expect(handled[0]).toMatchObject({ user: expect.any(String), guild: GUILD_ID, outcome: 'ok' });
    expect(typeof handled[0]?.latencyMs).toBe('number');
    expect(JSON.stringify(harness.logs)).not.toContain(harness.fake.token);
  });
});

/** A command that fails unexpectedly, to see the error boundary answer. */
const brokenCommand = defineCommand({
  data: {
    name: 'broken-test',
    description: 'test only',
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  access: 'everyone',
  async execute() {
    throw new Error('database exploded at /srv/secret/path');
  },
});

describe('the error boundary and graceful shutdown', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await startBotHarness({ extraCommands: [slowCommand, brokenCommand] });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('answers an unexpected failure with a friendly message and an error id that is in the log', async () => {
    const asked = harness.fake.sendChatCommand({ name: 'broken-test' });
    const answer = responseText(await answerOf(harness.fake, asked.id));
    const errorId = /오류 ID: ([0-9a-f]{8})/.exec(answer)?.[1];
    expect(errorId).toBeDefined();
    expect(answer).not.toContain('exploded');
    expect(answer).not.toContain('/srv/secret');
    const logged = harness.logs.find((line) => line.errorId === errorId);
    expect(logged).toMatchObject({ level: 50, msg: 'interaction failed', interactionId: asked.id });
    expect(JSON.stringify(logged)).toContain('database exploded');
  });

  it('on shutdown answers the interaction in flight, refuses new ones, then closes the database', async () => {
    const inFlight = harness.fake.sendChatCommand({
      name: 'slow-test',
      options: [option.integer('ms', 1500)],
    });
    await harness.fake.waitForResponse(inFlight.id, (response) => response.type === 5);
    const stopping = harness.bot.stop();
    const late = harness.fake.sendChatCommand({ name: 'lesson', subcommand: 'list' });
    expect(responseText(await answerOf(harness.fake, late.id))).toContain('봇이 재시작하고 있어요');
    await stopping;
    const finished = harness.fake
      .responsesFor(inFlight.id)
      .find((response) => response.kind === 'edit-original');
    expect(responseText(finished)).toContain('slow answer');
    expect(harness.store.db.open).toBe(false);
  });
});

describe('deploy-commands', () => {
  // /course is global too, without its course-wide `reload` (per-server roles and certificates stay).
  const globalCommands = contractCommands;
  const names = (commands: readonly { name: string }[]) => commands.map((command) => command.name).sort();

  it('with a home server registers every command there, /course included, uploading only on change', async () => {
    const fake = await startFakeDiscord();
    try {
      const target = { token: fake.token, apiUrl: fake.apiUrl };
      const plan = registrationPlan(botCommands, GUILD_ID);
      const first = await deployCommands(target, plan);
      expect(first).toEqual({ scope: 'guild', guildId: GUILD_ID, changed: true, names: expect.any(Array) });
      expect(names(fake.commands(GUILD_ID))).toEqual(contractCommands);
      // Registered to the guild instead of globally: nothing global, so no server lists a command twice.
      expect(fake.commands()).toEqual([]);
      const stored = fake.commands(GUILD_ID) as unknown as RESTPostAPIChatInputApplicationCommandsJSONBody[];
      for (const command of stored) {
        expect(command.name_localizations?.ko).toBeTruthy();
        expect(command.description_localizations?.ko).toBeTruthy();
      }
      const lesson = stored.find((command) => command.name === 'lesson')!;
      expect(lesson.options?.map((subcommand) => subcommand.name)).toEqual(['list', 'open', 'next']);

      const puts = () => fake.requests.filter((request) => request.method === 'PUT').length;
      const putsBefore = puts();
      const second = await deployCommands(target, plan);
      expect(second.changed).toBe(false);
      expect(puts()).toBe(putsBefore);
    } finally {
      await fake.stop();
    }
  });

  it('without a home server registers every command globally, /course without reload, which goes nowhere', async () => {
    const fake = await startFakeDiscord();
    try {
      const target = { token: fake.token, apiUrl: fake.apiUrl };
      const plan = registrationPlan(botCommands, undefined);
      const result = await deployCommands(target, plan);
      expect(result).toMatchObject({ scope: 'global', changed: true });
      expect(names(fake.commands())).toEqual(globalCommands);
      expect(fake.commands(GUILD_ID)).toEqual([]);
      const course = (fake.commands() as unknown as RESTPostAPIChatInputApplicationCommandsJSONBody[]).find(
        (command) => command.name === 'course',
      )!;
      expect(course.options?.map((option) => option.name)).toEqual(['roles', 'certificate']);
      expect(describePlan(plan, translator('en'))).toEqual([
        `global (every server): ${plan.commands.map((command) => `/${command.name}`).join(', ')}`,
        'not registered (DISCORD_GUILD_ID is not set): /course reload',
      ]);
    } finally {
      await fake.stop();
    }
  });

  it('the npm script honours DISCORD_API_URL and DISCORD_GUILD_ID; --dry-run says where each command goes', async () => {
    const fake = await startFakeDiscord();
    try {
      // An operator whose terminal speaks English (the default is Korean: see the next test).
      const env = {
        ...process.env,
        LANG: 'en_US.UTF-8',
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_GUILD_ID: '',
      };
      const deployed = await run('npx', ['tsx', 'src/cli/deploy-commands.ts'], { env });
      expect(deployed.stdout).toContain(
        `Registered ${globalCommands.length} commands for all servers (global)`,
      );
      expect(deployed.stdout).toContain('/course reload is registered nowhere: set DISCORD_GUILD_ID');
      expect(names(fake.commands())).toEqual(globalCommands);

      const home = await run('npx', ['tsx', 'src/cli/deploy-commands.ts'], {
        env: { ...env, DISCORD_GUILD_ID: GUILD_ID },
      });
      expect(home.stdout).toContain(
        `Registered ${contractCommands.length} commands for the home server ${GUILD_ID}`,
      );
      expect(names(fake.commands(GUILD_ID))).toEqual(contractCommands);

      const dry = await run('npx', ['tsx', 'src/cli/deploy-commands.ts', '--dry-run'], {
        env: { ...env, DISCORD_GUILD_ID: GUILD_ID },
      });
      const printed = JSON.parse(dry.stdout) as {
        scope: string;
        guildId: string;
        commands: { name: string }[];
      };
      expect(printed).toMatchObject({ scope: 'guild', guildId: GUILD_ID });
      expect(names(printed.commands)).toEqual(contractCommands);
      expect(dry.stderr).toContain(`home server ${GUILD_ID} only (DISCORD_GUILD_ID, instant): /lesson`);
    } finally {
      await fake.stop();
    }
  }, 120_000);

  it('speaks Korean to an operator whose terminal is not English, as the bot’s start-up does', async () => {
    const env = { ...process.env, LANG: 'C.UTF-8', DISCORD_TOKEN: '', DISCORD_GUILD_ID: GUILD_ID };
    const dry = await run('npx', ['tsx', 'src/cli/deploy-commands.ts', '--dry-run'], { env });
    expect(dry.stderr).toContain(`홈 서버 ${GUILD_ID}에만 등록 (DISCORD_GUILD_ID, 바로 반영): /lesson`);
    expect(dry.stderr).toContain('전역(모든 서버): 등록하거나 바꾸는 명령 없음');
    const refused = await run('npx', ['tsx', 'src/cli/deploy-commands.ts'], { env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain('DISCORD_TOKEN이 설정되지 않았어요');
  }, 120_000);
});
