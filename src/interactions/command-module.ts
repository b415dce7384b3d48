import type { Access } from './access.js';
import type { AnyButtonFamily } from './buttons.js';
import type { AutocompleteChoice, Call } from './call.js';
import type { CommandArgs, CommandData } from './command-args.js';

/** A slash command: its typed data (what Discord registers), its handlers and its buttons. */
export interface CommandModule<App, Data extends CommandData = CommandData> {
  data: Data;
  /** Who may run it; `subcommandAccess` overrides it for single subcommands. */
  access: Access;
  /**
   * Subcommands (`reload`, or a whole group such as `roles`) that need other access than the
   * command: checked on the server like `access`; a `course-wide` subcommand is also left out of
   * global registration (see the deploy plan).
   */
  subcommandAccess?: Readonly<Record<string, Access>>;
  execute(app: App, call: Call, args: CommandArgs<Data>): Promise<void>;
  /** Choices for the focused option; `options` holds what the user typed so far. */
  autocomplete?(
    app: App,
    call: Call,
    focused: { name: string; value: string },
    options: ReadonlyMap<string, unknown>,
  ): Promise<AutocompleteChoice[]>;
  /** The buttons this command's messages carry. */
  buttons?: readonly AnyButtonFamily<App>[];
}

// biome-ignore lint/suspicious/noExplicitAny: each command has its own data type
export type AnyCommand<App> = CommandModule<App, any>;

/** Ties a command's data to its handler with the argument type derived from the data. */
export function defineCommand<App, const Data extends CommandData>(
  module: CommandModule<App, Data>,
): CommandModule<App, Data> {
  return module;
}

/** The access rule for an invocation: its subcommand's (or its group's), else the command's. */
export function accessFor(
  module: Pick<CommandModule<unknown>, 'access' | 'subcommandAccess'>,
  subcommand: string | null,
): Access {
  if (subcommand === null || !module.subcommandAccess) return module.access;
  const group = subcommand.split(' ')[0] ?? subcommand;
  return module.subcommandAccess[subcommand] ?? module.subcommandAccess[group] ?? module.access;
}
