import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commandData } from '../../commands/index.js';
import { parseConsoleLine } from '../../src/console/parse-line.js';
import { type CommandData, readArgs } from '../../src/interactions/command-args.js';

const parse = (line: string) => parseConsoleLine(line, commandData);

/** The invocation of a parsed command line, with its options as a plain object for readable assertions. */
function invocationOf(line: string) {
  const parsed = parse(line);
  if (parsed.kind !== 'command') throw new Error(`not a command: ${JSON.stringify(parsed)}`);
  return {
    name: parsed.name,
    subcommand: parsed.invocation.subcommand,
    options: Object.fromEntries(parsed.invocation.options),
  };
}

describe('parseConsoleLine with the real command data', () => {
  it('reads a subcommand without options', () => {
    expect(invocationOf('/lesson next')).toEqual({ name: 'lesson', subcommand: 'next', options: {} });
    expect(invocationOf('  /lesson list  ')).toEqual({ name: 'lesson', subcommand: 'list', options: {} });
  });

  it('reads string and integer options of a subcommand', () => {
    expect(invocationOf('/lesson open lesson:5.2 step:3')).toEqual({
      name: 'lesson',
      subcommand: 'open',
      options: { lesson: '5.2', step: 3 },
    });
  });

  it('keeps a quoted value with spaces together and drops the quotes', () => {
    expect(invocationOf('/lesson open lesson:"5.2 도커 허브" step:1').options).toEqual({
      lesson: '5.2 도커 허브',
      step: 1,
    });
  });

  it('keeps colons after the first one in the value', () => {
    expect(invocationOf('/verify docker-id:someone tag:v1:rc').options).toEqual({
      'docker-id': 'someone',
      tag: 'v1:rc',
    });
  });

  it('reads a command without subcommands, with and without options', () => {
    expect(invocationOf('/progress')).toEqual({ name: 'progress', subcommand: null, options: {} });
    expect(invocationOf('/quiz lesson:5.2')).toEqual({
      name: 'quiz',
      subcommand: null,
      options: { lesson: '5.2' },
    });
  });

  it('reads a user option as an id or a mention', () => {
    const asId = invocationOf('/progress user:100000000000000010').options;
    expect(asId).toEqual({ user: { id: '100000000000000010', displayName: '100000000000000010' } });
    expect(invocationOf('/progress user:<@100000000000000010>').options).toEqual(asId);
    expect(invocationOf('/progress user:<@!100000000000000010>').options).toEqual(asId);
  });

  it('refuses an unknown command, naming it', () => {
    expect(parse('/dance')).toEqual({ kind: 'error', reason: 'unknown-command', detail: 'dance' });
  });

  it('refuses an unknown or missing subcommand', () => {
    const subcommands = ['list', 'open', 'next'];
    expect(parse('/lesson jump')).toEqual({
      kind: 'error',
      reason: 'unknown-subcommand',
      detail: 'jump',
      command: 'lesson',
      subcommands,
    });
    expect(parse('/lesson')).toEqual({
      kind: 'error',
      reason: 'unknown-subcommand',
      detail: '',
      command: 'lesson',
      subcommands,
    });
  });

  it('refuses unknown options and values of the wrong type', () => {
    for (const [line, detail] of [
      ['/lesson open lesson:5.2 page:2', 'page:2'],
      ['/lesson open lesson:5.2 step:two', 'step:two'],
      ['/lesson open lesson:5.2 step:2.5', 'step:2.5'],
      ['/lesson open 5.2', '5.2'],
      ['/lesson next step:1', 'step:1'],
      ['/progress user:alice', 'user:alice'],
      ['/progress user:12345', 'user:12345'],
    ] as const) {
      expect(parse(line), line).toEqual({ kind: 'error', reason: 'bad-option', detail });
    }
  });

  it('accepts a negative integer as an integer (range checks are the handler’s job)', () => {
    expect(invocationOf('/lesson open lesson:5.2 step:-1').options).toEqual({ lesson: '5.2', step: -1 });
  });

  it('reads a bare number as a button press', () => {
    expect(parse('2')).toEqual({ kind: 'press', button: 2 });
    expect(parse(' 12 ')).toEqual({ kind: 'press', button: 12 });
  });

  it('reads help, quit and empty lines', () => {
    for (const line of ['help', '/help', '?']) expect(parse(line)).toEqual({ kind: 'help' });
    for (const line of ['quit', 'exit', '/quit']) expect(parse(line)).toEqual({ kind: 'quit' });
    for (const line of ['', '   ', '\t']) expect(parse(line)).toEqual({ kind: 'empty' });
  });

  it('refuses text that is neither a command nor a number', () => {
    expect(parse('lesson next')).toEqual({ kind: 'error', reason: 'unknown-input', detail: 'lesson next' });
    expect(parse('2a')).toEqual({ kind: 'error', reason: 'unknown-input', detail: '2a' });
  });
});

describe('parseConsoleLine with boolean and channel options', () => {
  // The shipped commands have no boolean or channel option yet (/leaderboard will): a minimal
  // command of the same shape exercises those readers.
  const board: CommandData = {
    name: 'board',
    description: 'test-only',
    options: [
      { type: ApplicationCommandOptionType.Boolean, name: 'export', description: 'csv' },
      { type: ApplicationCommandOptionType.Channel, name: 'group', description: 'channel' },
      { type: ApplicationCommandOptionType.Number, name: 'ratio', description: 'number' },
    ],
  };
  const parseBoard = (line: string) => parseConsoleLine(line, [board]);

  it('reads true/false, channel mentions and numbers', () => {
    const parsed = parseBoard('/board export:true group:<#100000000000000002> ratio:0.5');
    expect(parsed.kind).toBe('command');
    if (parsed.kind !== 'command') return;
    expect(Object.fromEntries(parsed.invocation.options)).toEqual({
      export: true,
      group: { id: '100000000000000002', name: null },
      ratio: 0.5,
    });
    const off = parseBoard('/board export:false');
    expect(off.kind === 'command' && off.invocation.options.get('export')).toBe(false);
  });

  it('refuses other spellings of a boolean and non-numbers', () => {
    expect(parseBoard('/board export:yes')).toEqual({
      kind: 'error',
      reason: 'bad-option',
      detail: 'export:yes',
    });
    expect(parseBoard('/board ratio:abc')).toEqual({
      kind: 'error',
      reason: 'bad-option',
      detail: 'ratio:abc',
    });
    expect(parseBoard('/board ratio:')).toEqual({ kind: 'error', reason: 'bad-option', detail: 'ratio:' });
  });
});

describe('limits before any pattern', () => {
  it('refuses a line longer than any command could be, before reading it', () => {
    const line = `/lesson open lesson:${'"'.repeat(5000)}`;
    expect(parse(line)).toEqual({
      kind: 'error',
      reason: 'too-long',
      detail: `${line.slice(0, 20)}…`,
      max: 2000,
    });
  });

  it('holds string options to their declared length (Discord’s client does; the console must too)', () => {
    const lesson = commandData.find((command) => command.name === 'lesson')!;
    const invocation = (value: string) => ({ subcommand: 'open', options: new Map([['lesson', value]]) });
    expect(readArgs(lesson, invocation('가'.repeat(100)))).toMatchObject({ lesson: '가'.repeat(100) });
    // Lengths count code points: an emoji outside the BMP is one character, not two.
    expect(readArgs(lesson, invocation('🐳'.repeat(100)))).toMatchObject({ subcommand: 'open' });
    expect(() => readArgs(lesson, invocation('a'.repeat(101)))).toThrow(
      expect.objectContaining({ reason: 'wrong-length', option: 'lesson' }),
    );
  });

  it('reads a channel option as a study group’s name through the lookup, and names the unknown one', () => {
    const groups = (name: string) => (name === '1조' ? { id: '200000000000000001', name: '1조' } : undefined);
    const parsed = parseConsoleLine('/leaderboard group:1조 period:week', commandData, groups);
    expect(parsed).toMatchObject({ kind: 'command', name: 'leaderboard' });
    if (parsed.kind !== 'command') return;
    expect(Object.fromEntries(parsed.invocation.options)).toEqual({
      group: { id: '200000000000000001', name: '1조' },
      period: 'week',
    });
    expect(parseConsoleLine('/leaderboard group:2조', commandData, groups)).toEqual({
      kind: 'error',
      reason: 'unknown-group',
      detail: '2조',
    });
    // An id still wins, without a lookup; an empty value is a bad option, not a group.
    expect(invocationOf('/leaderboard group:<#123456789012345678>').options).toEqual({
      group: { id: '123456789012345678', name: null },
    });
    expect(parse('/leaderboard group:')).toMatchObject({ kind: 'error', reason: 'bad-option' });
  });

  it('reads `/as` as the console’s own line to switch user', () => {
    expect(parse('/as learner3')).toEqual({ kind: 'switch', handle: 'learner3' });
    expect(parse('/as')).toEqual({ kind: 'switch', handle: '' });
  });

  it('reads a role option as a role mention or id', () => {
    const parsed = parse('/course roles set milestone:lesson-verified role:<@&123456789012345678>');
    if (parsed.kind !== 'command') throw new Error(JSON.stringify(parsed));
    expect(parsed.invocation.options.get('role')).toEqual({
      id: '123456789012345678',
      name: null,
      kind: 'role',
    });
  });
});
