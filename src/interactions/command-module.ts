import type { Access } from './access.js';
import type { AnyButtonFamily } from './buttons.js';
import type { AutocompleteChoice, Call } from './call.js';
import type { CommandArgs, CommandData } from './command-args.js';

/** A slash command: its typed data (what Discord registers), its handlers and its buttons. */
export interface CommandModule<App, Data extends CommandData = CommandData> {
  data: Data;
  access: Access;
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
