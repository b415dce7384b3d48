import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Translate } from '../i18n/index.js';
import { type Access, accessRefusal } from '../interactions/access.js';
import type { Caller } from '../interactions/call.js';
import type { CommandData } from '../interactions/command-args.js';
import { MAX_CONSOLE_LEARNER } from './identities.js';

interface HelpOption {
  type: ApplicationCommandOptionType;
  name: string;
  description: string;
  description_localizations?: Partial<Record<string, string | null>> | null;
  required?: boolean;
  choices?: readonly { value: string | number }[];
  options?: readonly HelpOption[];
}

const KIND_KEYS = {
  [ApplicationCommandOptionType.String]: 'console.kind.text',
  [ApplicationCommandOptionType.Integer]: 'console.kind.integer',
  [ApplicationCommandOptionType.Number]: 'console.kind.number',
  [ApplicationCommandOptionType.Boolean]: 'console.kind.boolean',
  [ApplicationCommandOptionType.User]: 'console.kind.user',
  [ApplicationCommandOptionType.Channel]: 'console.kind.channel',
  [ApplicationCommandOptionType.Role]: 'console.kind.role',
} as const;

function described(item: HelpOption | CommandData, locale: 'ko' | 'en'): string {
  return (locale === 'ko' ? item.description_localizations?.ko : null) ?? item.description;
}

/** `lesson:<글자>` for a required option, `[step:<정수>]` for an optional one; choices listed. */
function optionUsage(option: HelpOption, t: Translate): string {
  const key = KIND_KEYS[option.type as keyof typeof KIND_KEYS];
  const kind = option.choices?.length
    ? option.choices.map((choice) => choice.value).join('|')
    : key
      ? t(key)
      : '?';
  const usage = `${option.name}:<${kind}>`;
  return option.required ? usage : `[${usage}]`;
}

function line(path: string, options: readonly HelpOption[], description: string, t: Translate): string {
  return `  /${[path, ...options.map((option) => optionUsage(option, t))].join(' ')} — ${description}`;
}

/** Who may run `command subcommand` (null: no subcommand), by the rules the dispatcher checks. */
export type AccessOf = (command: string, subcommand: string | null) => Access | null;

/**
 * Every command the console's user may run, each subcommand on its own line with its options
 * and their kinds, from the same command data and access rules Discord gets: the help can never
 * fall behind. Instructors see theirs marked 🔒.
 */
export function commandHelp(
  commands: readonly CommandData[],
  accessOf: AccessOf,
  who: Caller,
  t: Translate,
): string {
  const lines: string[] = [];
  const add = (
    path: string,
    subcommand: string | null,
    item: HelpOption | CommandData,
    options: readonly HelpOption[],
  ) => {
    const access = accessOf(path.split(' ')[0]!, subcommand);
    if (access === null || accessRefusal(access, who) !== null) return;
    const marker = access === 'everyone' ? '' : ` ${t('console.help.instructorOnly')}`;
    lines.push(line(path, options, `${described(item, who.locale === 'ko' ? 'ko' : 'en')}${marker}`, t));
  };
  for (const command of commands) {
    const options = (command.options ?? []) as readonly HelpOption[];
    const nested = options.filter(
      (option) =>
        option.type === ApplicationCommandOptionType.Subcommand ||
        option.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (nested.length === 0) add(command.name, null, command, options);
    for (const option of nested) {
      if (option.type === ApplicationCommandOptionType.Subcommand) {
        add(`${command.name} ${option.name}`, option.name, option, option.options ?? []);
        continue;
      }
      for (const sub of option.options ?? []) {
        const subcommand = `${option.name} ${sub.name}`;
        add(`${command.name} ${subcommand}`, subcommand, sub, sub.options ?? []);
      }
    }
  }
  return [
    t(who.isInstructor ? 'console.help.commandsInstructor' : 'console.help.commandsLearner'),
    ...lines,
    t('console.help.console', { max: MAX_CONSOLE_LEARNER }),
  ].join('\n');
}
