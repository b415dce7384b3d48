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

/** A command or option as registered: its name and, for Korean clients, its Korean name. */
export interface NamedCommandPart {
  readonly name: string;
  readonly name_localizations?: Partial<Record<string, string | null>> | null;
  readonly options?: readonly unknown[];
}

function localName(part: NamedCommandPart, locale: 'ko' | 'en'): string {
  return (locale === 'ko' ? part.name_localizations?.ko : null) ?? part.name;
}

/** `lesson next` → `레슨 계속` for Korean clients: the name a client shows for a command path. */
export function localizedCommandPath(
  path: string,
  commands: readonly NamedCommandPart[],
  locale: 'ko' | 'en',
): string {
  const [top, ...rest] = path.split(' ');
  const command = commands.find((candidate) => candidate.name === top);
  if (!command) return path;
  const parts = [localName(command, locale)];
  let options = (command.options ?? []) as readonly NamedCommandPart[];
  for (const word of rest) {
    const option = options.find((candidate) => candidate.name === word);
    parts.push(option ? localName(option, locale) : word);
    options = (option?.options ?? []) as readonly NamedCommandPart[];
  }
  return parts.join(' ');
}

/**
 * The commands by top-level name: their ids once learned from the registered commands (empty
 * until then), and their localized names from the bot's command data for the plain fallback.
 */
export class CommandDirectory {
  private ids = new Map<string, string>();

  /** `commands`: the bot's command data, so that a name without an id is still the reader's own. */
  constructor(private readonly commands: readonly NamedCommandPart[] = []) {}

  /** Replaces what is known with the application's registered commands (name → id). */
  learn(commands: readonly { name: string; id: string }[]): void {
    this.ids = new Map(commands.map((command) => [command.name, command.id]));
  }

  idOf(name: string): string | undefined {
    return this.ids.get(name);
  }

  /**
   * `</lesson next:ID>`, which each client shows in its own language; while the id is unknown,
   * the name the reader's client shows (`/레슨 계속`) in code marks.
   */
  mention(path: CommandPath, locale: 'ko' | 'en' = 'en'): string {
    const id = this.idOf(path.split(' ')[0] ?? path);
    return id ? `</${path}:${id}>` : `\`/${localizedCommandPath(path, this.commands, locale)}\``;
  }
}

/** A directory that knows no ids nor names: plain English command names (tools, tests). */
export const noCommandIds = new CommandDirectory();
