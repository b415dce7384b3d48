import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

/**
 * Handler arguments derived from a command's typed data: the data object is the single source
 * of truth for names, types and which options are required, both for Discord and the console.
 */

/** A user option, as resolved by Discord (or by the console). */
export interface UserArg {
  id: string;
  displayName: string;
}

/** A channel option. */
export interface ChannelArg {
  id: string;
  name: string | null;
}

/** A role option. */
export interface RoleArg {
  id: string;
  name: string | null;
  /** Set on a role option: tells it apart from a channel or user option of the same shape. */
  kind: 'role';
}

interface OptionShape {
  readonly type: ApplicationCommandOptionType;
  readonly name: string;
  readonly required?: boolean;
  readonly options?: readonly OptionShape[];
  readonly min_length?: number;
  readonly max_length?: number;
}

type ValueOf<Option extends OptionShape> = Option['type'] extends ApplicationCommandOptionType.String
  ? string
  : Option['type'] extends ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number
    ? number
    : Option['type'] extends ApplicationCommandOptionType.Boolean
      ? boolean
      : Option['type'] extends ApplicationCommandOptionType.User
        ? UserArg
        : Option['type'] extends ApplicationCommandOptionType.Channel
          ? ChannelArg
          : Option['type'] extends ApplicationCommandOptionType.Role
            ? RoleArg
            : never;

type OptionsArgs<Options> = Options extends readonly OptionShape[]
  ? {
      [Option in Options[number] as Option['name']]: Option['required'] extends true
        ? ValueOf<Option>
        : ValueOf<Option> | undefined;
    }
  : Record<never, never>;

type SubcommandOf<Options> = Extract<
  Options extends readonly OptionShape[] ? Options[number] : never,
  { readonly type: ApplicationCommandOptionType.Subcommand }
>;

type GroupOf<Options> = Extract<
  Options extends readonly OptionShape[] ? Options[number] : never,
  { readonly type: ApplicationCommandOptionType.SubcommandGroup }
>;

type SubcommandArgs<Options, Prefix extends string> = {
  [Name in SubcommandOf<Options>['name']]: { subcommand: `${Prefix}${Name}` } & OptionsArgs<
    Extract<SubcommandOf<Options>, { readonly name: Name }>['options']
  >;
}[SubcommandOf<Options>['name']];

/** A group's subcommands are named `group sub`, e.g. `roles set`. */
type GroupArgs<Options> = {
  [Group in GroupOf<Options>['name']]: SubcommandArgs<
    Extract<GroupOf<Options>, { readonly name: Group }>['options'],
    `${Group} `
  >;
}[GroupOf<Options>['name']];

/** `{ subcommand: 'open'; lesson: string; step: number | undefined } | { subcommand: 'list' } | …` */
export type CommandArgs<Command extends { readonly options?: readonly OptionShape[] }> = [
  SubcommandOf<Command['options']> | GroupOf<Command['options']>,
] extends [never]
  ? OptionsArgs<Command['options']>
  : SubcommandArgs<Command['options'], ''> | GroupArgs<Command['options']>;

/** Every subcommand a command offers, those in groups named `group sub`, with their options. */
export function subcommandsOf(
  options: readonly OptionShape[],
): { name: string; options: readonly OptionShape[] }[] {
  return options.flatMap((option) => {
    if (option.type === ApplicationCommandOptionType.Subcommand) {
      return [{ name: option.name, options: option.options ?? [] }];
    }
    if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
      return (option.options ?? []).map((sub) => ({
        name: `${option.name} ${sub.name}`,
        options: sub.options ?? [],
      }));
    }
    return [];
  });
}

export type CommandData = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** One option value as an adapter (Discord or console) found it. */
export type RawOptionValue = string | number | boolean | UserArg | ChannelArg | RoleArg;

/** What an adapter must supply: the chosen subcommand and the given option values by name. */
export interface RawInvocation {
  subcommand: string | null;
  options: ReadonlyMap<string, RawOptionValue>;
}

export class ArgumentError extends Error {
  override name = 'ArgumentError';
  constructor(
    readonly reason:
      | 'unknown-subcommand'
      | 'missing-option'
      | 'wrong-type'
      | 'unknown-option'
      | 'wrong-length',
    readonly option: string,
    /** For `wrong-length`: the declared length range, so the refusal can say it. */
    readonly length?: { min: number; max: number },
  ) {
    super(`${reason}: ${option}`);
  }
}

function matchesType(type: ApplicationCommandOptionType, value: RawOptionValue): boolean {
  switch (type) {
    case ApplicationCommandOptionType.String:
      return typeof value === 'string';
    case ApplicationCommandOptionType.Integer:
      return typeof value === 'number' && Number.isInteger(value);
    case ApplicationCommandOptionType.Number:
      return typeof value === 'number' && Number.isFinite(value);
    case ApplicationCommandOptionType.Boolean:
      return typeof value === 'boolean';
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Channel:
      return typeof value === 'object' && value !== null && 'id' in value && !('kind' in value);
    case ApplicationCommandOptionType.Role:
      return typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'role';
    default:
      return false;
  }
}

/**
 * A string option's declared length, checked again before any handler sees the value: Discord's
 * client enforces it, but the console does not, and a value typed against an older registration
 * may not have been held to it. Lengths count code points, so nothing Discord accepted is
 * refused. (Number ranges are left to handlers, which explain them better.)
 */
function checkDeclaredLength(option: OptionShape, value: RawOptionValue): void {
  if (typeof value !== 'string') return;
  const max = option.max_length ?? Number.POSITIVE_INFINITY;
  const min = option.min_length ?? 0;
  // A code point is one or two UTF-16 units: past twice the limit there is nothing to count.
  const length = value.length > 2 * max ? value.length : [...value].length;
  if (length < min || length > max) {
    throw new ArgumentError('wrong-length', option.name, { min: Math.max(min, 1), max });
  }
}

/** Checks an invocation against the command data and builds the typed arguments. */
export function readArgs<Command extends CommandData>(
  command: Command,
  invocation: RawInvocation,
): CommandArgs<Command> {
  const topOptions = (command.options ?? []) as readonly OptionShape[];
  const subcommands = subcommandsOf(topOptions);
  let declared = topOptions;
  const args: Record<string, unknown> = {};
  if (subcommands.length > 0) {
    const chosen = subcommands.find((option) => option.name === invocation.subcommand);
    if (!chosen) throw new ArgumentError('unknown-subcommand', invocation.subcommand ?? '');
    declared = chosen.options ?? [];
    args.subcommand = chosen.name;
  }
  for (const name of invocation.options.keys()) {
    if (!declared.some((option) => option.name === name)) throw new ArgumentError('unknown-option', name);
  }
  for (const option of declared) {
    const value = invocation.options.get(option.name);
    if (value === undefined) {
      if (option.required) throw new ArgumentError('missing-option', option.name);
      args[option.name] = undefined;
      continue;
    }
    if (!matchesType(option.type, value)) throw new ArgumentError('wrong-type', option.name);
    checkDeclaredLength(option, value);
    args[option.name] = value;
  }
  return args as CommandArgs<Command>;
}
