/**
 * Slash commands as messages name them: `lesson next`, `verify`, … A Discord command mention
 * (`</lesson next:ID>`) shows each learner the name in their own language and runs it when
 * clicked; it needs the command's id, learned after login from the registered commands.
 */
/** Every command path a message may name (a test keeps it equal to the registered commands). */
export const COMMAND_PATHS = [
  'lesson list',
  'lesson open',
  'lesson next',
  'quiz',
  'progress',
  'verify',
  'remind on',
  'remind off',
  'studygroup create',
  'studygroup list',
  'studygroup remove',
  'studygroup add',
  'studygroup rename',
  'studygroup move',
  'studygroup digest',
  'studygroup join',
  'studygroup leave',
  'course reload',
  'course roles set',
  'course roles clear',
  'course roles list',
  'course certificate',
  'leaderboard',
  'season start',
  'season end',
  'correct reset-lesson',
  'correct adjust-points',
  'correct release-docker-id',
  'stats',
] as const;

export type CommandPath = (typeof COMMAND_PATHS)[number];

const knownPaths: ReadonlySet<string> = new Set(COMMAND_PATHS);

/** Whether a `</…>` in a template names a command (and is not HTML such as `</details>`). */
export function isCommandPath(path: string): path is CommandPath {
  return knownPaths.has(path);
}

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
