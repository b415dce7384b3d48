/**
 * Slash commands as messages name them: `lesson next`, `verify`, … A Discord command mention
 * (`</lesson next:ID>`) shows each learner the name in their own language and runs it when
 * clicked; it needs the command's id, learned after login from the registered commands.
 */
export type CommandPath =
  | 'lesson list'
  | 'lesson open'
  | 'lesson next'
  | 'quiz'
  | 'progress'
  | 'verify'
  | 'leaderboard'
  | 'stats'
  | 'studygroup create'
  | 'studygroup list'
  | 'studygroup remove'
  | 'studygroup add'
  | 'course reload';

/** The ids of the registered commands by top-level name; empty until they are learned. */
export class CommandDirectory {
  private ids = new Map<string, string>();

  /** Replaces what is known with the application's registered commands (name → id). */
  learn(commands: readonly { name: string; id: string }[]): void {
    this.ids = new Map(commands.map((command) => [command.name, command.id]));
  }

  idOf(name: string): string | undefined {
    return this.ids.get(name);
  }

  /** `</lesson next:ID>`; plain `/lesson next` in code marks while the id is unknown. */
  mention(path: CommandPath): string {
    const id = this.idOf(path.split(' ')[0] ?? path);
    return id ? `</${path}:${id}>` : `\`/${path}\``;
  }
}

/** A directory that knows no ids: plain command names (tools, tests, start-up). */
export const noCommandIds = new CommandDirectory();
