import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import {
  type ChannelArg,
  type CommandData,
  type RawInvocation,
  type RawOptionValue,
  subcommandsOf,
} from '../interactions/command-args.js';

export type ConsoleInput =
  | { kind: 'command'; name: string; invocation: RawInvocation }
  | { kind: 'press'; button: number }
  | { kind: 'switch'; handle: string }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'error'; reason: 'unknown-command' | 'bad-option' | 'unknown-input'; detail: string }
  | { kind: 'error'; reason: 'unknown-group'; detail: string }
  | { kind: 'error'; reason: 'too-long'; detail: string; max: number }
  | { kind: 'error'; reason: 'unknown-subcommand'; detail: string; command: string; subcommands: string[] };

interface OptionShape {
  type: ApplicationCommandOptionType;
  name: string;
  options?: readonly OptionShape[];
}

export const MAX_CONSOLE_LINE = 2000;

/** Finds the study group a channel option names by its name; undefined if none is called that. */
export type GroupByName = (name: string) => ChannelArg | undefined;

const SNOWFLAKE = /^\d{17,20}$/;

/** Splits on spaces, keeping "quoted values" together: `lesson:"5.2 도커"`. */
function tokens(line: string): string[] {
  return [...line.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map(([token]) => token.replaceAll('"', ''));
}

function valueFor(option: OptionShape, raw: string): RawOptionValue | undefined {
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return raw;
    case ApplicationCommandOptionType.Integer:
      return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    case ApplicationCommandOptionType.Number:
      return Number.isFinite(Number(raw)) && raw !== '' ? Number(raw) : undefined;
    case ApplicationCommandOptionType.Boolean:
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case ApplicationCommandOptionType.User: {
      const id = raw.replace(/^<@!?|>$/g, '');
      return SNOWFLAKE.test(id) ? { id, displayName: id } : undefined;
    }
    case ApplicationCommandOptionType.Channel: {
      const id = raw.replace(/^<#|>$/g, '');
      return SNOWFLAKE.test(id) ? { id, name: null } : undefined;
    }
    case ApplicationCommandOptionType.Role: {
      const id = raw.replace(/^<@&|>$/g, '');
      return SNOWFLAKE.test(id) ? { id, name: null, kind: 'role' } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Reads one console line the way Discord's client builds an interaction: `/lesson open
 * lesson:5.2 step:2` becomes the same invocation a slash command would; a number presses the
 * button with that number on the last answer.
 */
export function parseConsoleLine(
  line: string,
  commands: readonly CommandData[],
  groupByName: GroupByName = () => undefined,
): ConsoleInput {
  // Longer than any command with every option at its limit: refused before any pattern runs.
  if (line.length > MAX_CONSOLE_LINE) {
    return { kind: 'error', reason: 'too-long', detail: `${line.slice(0, 20)}…`, max: MAX_CONSOLE_LINE };
  }
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (/^\d+$/.test(trimmed)) return { kind: 'press', button: Number(trimmed) };
  if (trimmed === 'help' || trimmed === '/help' || trimmed === '?') return { kind: 'help' };
  if (trimmed === 'quit' || trimmed === 'exit' || trimmed === '/quit') return { kind: 'quit' };
  if (!trimmed.startsWith('/')) return { kind: 'error', reason: 'unknown-input', detail: trimmed };

  const [head = '', ...rest] = tokens(trimmed.slice(1));
  // `/as learner3`: the console's own line to change who is typing.
  if (head === 'as') return { kind: 'switch', handle: rest.join(' ') };
  const command = commands.find((candidate) => candidate.name === head);
  if (!command) return { kind: 'error', reason: 'unknown-command', detail: head };

  let declared = (command.options ?? []) as readonly OptionShape[];
  let subcommand: string | null = null;
  const offered = subcommandsOf(declared);
  if (offered.length > 0) {
    // A subcommand in a group is typed as two words: `/course roles list`.
    const chosen =
      offered.find((option) => option.name === rest[0]) ??
      offered.find((option) => option.name === `${rest[0]} ${rest[1]}`);
    if (!chosen) {
      const subcommands = offered.map((option) => option.name);
      return {
        kind: 'error',
        reason: 'unknown-subcommand',
        detail: rest[0] ?? '',
        command: command.name,
        subcommands,
      };
    }
    subcommand = chosen.name;
    declared = chosen.options as readonly OptionShape[];
    rest.splice(0, chosen.name.split(' ').length);
  }

  const options = new Map<string, RawOptionValue>();
  for (const token of rest) {
    const separator = token.indexOf(':');
    const name = separator > 0 ? token.slice(0, separator) : '';
    const option = declared.find((candidate) => candidate.name === name);
    const raw = token.slice(separator + 1);
    let value = option ? valueFor(option, raw) : undefined;
    // A channel named by its study group, as a learner knows it: `group:1조`.
    if (option?.type === ApplicationCommandOptionType.Channel && value === undefined && raw !== '') {
      value = groupByName(raw);
      if (value === undefined) return { kind: 'error', reason: 'unknown-group', detail: raw };
    }
    if (!option || value === undefined) return { kind: 'error', reason: 'bad-option', detail: token };
    options.set(name, value);
  }
  return { kind: 'command', name: command.name, invocation: { subcommand, options } };
}
