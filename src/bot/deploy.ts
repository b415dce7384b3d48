import { isDeepStrictEqual } from 'node:util';
import { REST } from 'discord.js';
import {
  type RESTGetAPIApplicationCommandsResult,
  type RESTGetCurrentApplicationResult,
  Routes,
} from 'discord-api-types/v10';
import type { CommandData } from './command-args.js';
import { restOptions } from './rest-options.js';

export interface DeployTarget {
  token: string;
  apiUrl: string;
  /** Register to this guild (instant) instead of globally. */
  guildId?: string | undefined;
}

export interface DeployResult {
  scope: 'guild' | 'global';
  changed: boolean;
  names: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Defaults Discord fills in on its copy; leaving them out of both sides makes them comparable. */
const implicitDefaults: Record<string, Json> = {
  required: false,
  autocomplete: false,
  nsfw: false,
  dm_permission: true,
  default_member_permissions: null,
  name_localizations: null,
  description_localizations: null,
};

/** Fields Discord adds that say nothing about the command's definition. */
const serverFields = new Set(['id', 'application_id', 'guild_id', 'version', 'handler']);

function normalise(value: unknown, topLevel = true): Json {
  // A command's type 1 (chat input) is Discord's default; an option's type is essential.
  const defaults = topLevel ? { ...implicitDefaults, type: 1 } : implicitDefaults;
  if (Array.isArray(value)) return value.map((item) => normalise(item, false));
  if (value === null || typeof value !== 'object') return (value ?? null) as Json;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => !serverFields.has(key))
    .filter(
      ([key, item]) => item !== undefined && !(key in defaults && isDeepStrictEqual(item, defaults[key])),
    )
    .map(([key, item]) => [key, normalise(item, false)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries);
}

function byName(commands: readonly unknown[]): Json[] {
  return commands
    .map((command) => normalise(command))
    .sort((a, b) => String((a as { name: string }).name).localeCompare(String((b as { name: string }).name)));
}

/** Whether Discord's registered commands already equal ours, ignoring ids and Discord's defaults. */
export function sameCommands(registered: readonly unknown[], ours: readonly CommandData[]): boolean {
  return isDeepStrictEqual(byName(registered), byName(ours));
}

/** Registers the commands, uploading only when Discord's copy differs from ours. */
export async function deployCommands(
  target: DeployTarget,
  commands: readonly CommandData[],
): Promise<DeployResult> {
  const rest = new REST(restOptions(target.apiUrl)).setToken(target.token);
  const application = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
  const route = target.guildId
    ? Routes.applicationGuildCommands(application.id, target.guildId)
    : Routes.applicationCommands(application.id);
  // Discord leaves localizations out of this list unless asked, and they are part of our data.
  const registered = (await rest.get(route, {
    query: new URLSearchParams({ with_localizations: 'true' }),
  })) as RESTGetAPIApplicationCommandsResult;
  const result: DeployResult = {
    scope: target.guildId ? 'guild' : 'global',
    changed: !sameCommands(registered, commands),
    names: commands.map((command) => command.name),
  };
  if (result.changed) await rest.put(route, { body: commands });
  return result;
}
