import { isDeepStrictEqual } from 'node:util';
import { REST } from 'discord.js';
import {
  type RESTGetAPIApplicationCommandsResult,
  type RESTGetCurrentApplicationResult,
  Routes,
} from 'discord-api-types/v10';
import type { CommandData } from './command-args.js';
import type { CommandModule } from './command-module.js';
import { restOptions } from './rest-options.js';

export interface DeployTarget {
  token: string;
  apiUrl: string;
}

/**
 * Where each command is registered. Every command is global (all servers, the home server
 * included), except course-wide ones, which go to the home server only — so the home server
 * never lists a command twice. Without a home server those are registered nowhere.
 */
export interface RegistrationPlan {
  global: CommandData[];
  /** The home server (`DISCORD_GUILD_ID`) and its own commands; null when it is not set. */
  home: { guildId: string; commands: CommandData[] } | null;
  /** Course-wide commands with no home server to go to. */
  unregistered: string[];
}

export interface DeployResult {
  scope: 'global' | 'guild';
  guildId?: string;
  changed: boolean;
  names: string[];
}

export function registrationPlan(
  modules: readonly Pick<CommandModule<unknown>, 'data' | 'access'>[],
  homeGuildId: string | undefined,
): RegistrationPlan {
  const homeOnly = modules.filter((module) => module.access === 'course-wide').map((module) => module.data);
  return {
    global: modules.filter((module) => module.access !== 'course-wide').map((module) => module.data),
    home: homeGuildId ? { guildId: homeGuildId, commands: homeOnly } : null,
    unregistered: homeGuildId ? [] : homeOnly.map((command) => command.name),
  };
}

/** One line per destination: which commands go where (for the dry run and the deploy report). */
export function describePlan(plan: RegistrationPlan): string[] {
  const names = (commands: readonly CommandData[]) =>
    commands.map((command) => `/${command.name}`).join(', ');
  const lines = [`global (every server): ${names(plan.global) || '-'}`];
  if (plan.home) lines.push(`home server ${plan.home.guildId} only: ${names(plan.home.commands) || '-'}`);
  if (plan.unregistered.length > 0) {
    lines.push(
      `not registered (DISCORD_GUILD_ID is not set): ${plan.unregistered.map((name) => `/${name}`).join(', ')}`,
    );
  }
  return lines;
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

/** Puts one scope's commands, uploading only when Discord's copy differs from ours. */
async function syncScope(
  rest: REST,
  route: `/${string}`,
  commands: readonly CommandData[],
  scope: Omit<DeployResult, 'changed' | 'names'>,
): Promise<DeployResult> {
  // Discord leaves localizations out of this list unless asked, and they are part of our data.
  const registered = (await rest.get(route, {
    query: new URLSearchParams({ with_localizations: 'true' }),
  })) as RESTGetAPIApplicationCommandsResult;
  const result: DeployResult = {
    ...scope,
    changed: !sameCommands(registered, commands),
    names: commands.map((command) => command.name),
  };
  if (result.changed) await rest.put(route, { body: commands });
  return result;
}

/** Registers the plan: the global commands, then the home server's own (replacing what it had). */
export async function deployCommands(target: DeployTarget, plan: RegistrationPlan): Promise<DeployResult[]> {
  const rest = new REST(restOptions(target.apiUrl)).setToken(target.token);
  const application = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
  const results = [
    await syncScope(rest, Routes.applicationCommands(application.id), plan.global, { scope: 'global' }),
  ];
  if (plan.home) {
    const { guildId, commands } = plan.home;
    results.push(
      await syncScope(rest, Routes.applicationGuildCommands(application.id, guildId), commands, {
        scope: 'guild',
        guildId,
      }),
    );
  }
  return results;
}
