import type { AutocompleteChoice, Call } from './call.js';
import type { CommandArgs, CommandData } from './command-args.js';

/**
 * Who may run a command or press a button. `course-wide`: the action changes what every server
 * sees (the shared course), so only the home server's instructors and the owners may; such a
 * command is registered in the home server only.
 */
export type Access = 'everyone' | 'instructor' | 'course-wide';

/** A slash command: its typed data (what Discord registers) and its handlers. */
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
}

/** Ties a command's data to its handler with the argument type derived from the data. */
export function defineCommand<App, const Data extends CommandData>(
  module: CommandModule<App, Data>,
): CommandModule<App, Data> {
  return module;
}
