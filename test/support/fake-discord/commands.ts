import type { CommandBody } from './wire.js';

/** A registered command as Discord returns it: the body plus the ids Discord assigns. */
export type StoredCommand = CommandBody & {
  id: string;
  application_id: string;
  version: string;
  type: number;
  guild_id?: string;
  default_member_permissions: string | null;
  nsfw: boolean;
};

const GLOBAL = 'global';

/** Global and per-guild application commands, replaced wholesale by PUT like Discord does. */
export class CommandRegistry {
  private readonly scopes = new Map<string, StoredCommand[]>();

  constructor(
    private readonly applicationId: string,
    private readonly nextId: () => string,
  ) {}

  list(guildId?: string): StoredCommand[] {
    return this.scopes.get(guildId ?? GLOBAL) ?? [];
  }

  /** Bulk overwrite: a command with the same name and type keeps its id, as on Discord. */
  replace(commands: CommandBody[], guildId?: string): StoredCommand[] {
    const previous = this.list(guildId);
    const stored = commands.map((command): StoredCommand => {
      const type = command.type ?? 1;
      const kept = previous.find((old) => old.name === command.name && old.type === type);
      return {
        ...command,
        id: kept?.id ?? this.nextId(),
        application_id: this.applicationId,
        version: this.nextId(),
        type,
        default_member_permissions: (command.default_member_permissions as string | null | undefined) ?? null,
        nsfw: (command.nsfw as boolean | undefined) ?? false,
        ...(guildId ? { guild_id: guildId } : {}),
      };
    });
    this.scopes.set(guildId ?? GLOBAL, stored);
    return stored;
  }

  /** The id of a chat command by name (guild first, then global), for injected interactions. */
  idOf(name: string, guildId?: string): string | undefined {
    const inScope = (scope: StoredCommand[]) =>
      scope.find((command) => command.name === name && command.type === 1);
    return (guildId ? inScope(this.list(guildId)) : undefined)?.id ?? inScope(this.list())?.id;
  }
}
