import { isDeepStrictEqual } from 'node:util';
import { REST } from 'discord.js';
import {
  type RESTGetAPIApplicationCommandsResult,
  type RESTGetCurrentApplicationResult,
  Routes,
} from 'discord-api-types/v10';
import type { Translate } from '../i18n/index.js';
import type { CommandData } from '../interactions/command-args.js';
import type { CommandModule } from '../interactions/command-module.js';
import { restOptions } from './rest-options.js';

export interface DeployTarget {
  token: string;
  apiUrl: string;
}

/**
 * Where the commands are registered (DESIGN: `DISCORD_GUILD_ID` registers to that guild, instantly,
 * instead of globally). With a home server every command goes there, `/course` included, and
 * nothing is registered globally; without one every command is global except the course-wide
 * ones (`/course reload`), which are then registered nowhere — the course is shared by every
 * server, so no server's admins may change it. A command with course-wide subcommands is
 * registered globally without them (`/course` keeps its per-server `roles` and `certificate`).
 */
export type RegistrationPlan =
  | { scope: 'guild'; guildId: string; commands: CommandData[] }
  /** `unregistered`: commands or subcommands left out, e.g. `course reload`. */
  | { scope: 'global'; commands: CommandData[]; unregistered: string[] };

export interface DeployResult {
  scope: 'global' | 'guild';
  guildId?: string;
  changed: boolean;
  names: string[];
}

type PlannedModule = Pick<CommandModule<unknown>, 'data' | 'access' | 'subcommandAccess'>;

/** The command as registered globally: without its course-wide subcommands (null: nothing left). */
function globalPart(module: PlannedModule): { data: CommandData | null; left: string[] } {
  if (module.access === 'course-wide') return { data: null, left: [module.data.name] };
  const courseWide = new Set(
    Object.entries(module.subcommandAccess ?? {})
      .filter(([, access]) => access === 'course-wide')
      .map(([name]) => name),
  );
  if (courseWide.size === 0) return { data: module.data, left: [] };
  const options = module.data.options ?? [];
  const kept = options.filter((option) => !courseWide.has(option.name));
  const left = options
    .filter((option) => courseWide.has(option.name))
    .map((option) => `${module.data.name} ${option.name}`);
  return { data: kept.length > 0 ? { ...module.data, options: kept } : null, left };
}

export function registrationPlan(
  modules: readonly PlannedModule[],
  homeGuildId: string | undefined,
): RegistrationPlan {
  if (homeGuildId)
    return { scope: 'guild', guildId: homeGuildId, commands: modules.map((module) => module.data) };
  const parts = modules.map(globalPart);
  return {
    scope: 'global',
    commands: parts.flatMap((part) => (part.data ? [part.data] : [])),
    unregistered: parts.flatMap((part) => part.left),
  };
}

/** One line per destination: which commands go where (for the dry run and the deploy report). */
export function describePlan(plan: RegistrationPlan, t: Translate): string[] {
  const names = (commands: readonly { name: string }[]) =>
    commands.map((command) => `/${command.name}`).join(', ') || '-';
  if (plan.scope === 'guild') {
    return [
      t('deploy.plan.homeServer', { guildId: plan.guildId, names: names(plan.commands) }),
      t('deploy.plan.globalUntouched'),
    ];
  }
  const lines = [t('deploy.plan.global', { names: names(plan.commands) })];
  if (plan.unregistered.length > 0) {
    lines.push(
      t('deploy.plan.unregistered', { names: plan.unregistered.map((name) => `/${name}`).join(', ') }),
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

/** Registers the plan's commands in its scope, uploading only when Discord's copy differs. */
export async function deployCommands(target: DeployTarget, plan: RegistrationPlan): Promise<DeployResult> {
  const rest = new REST(restOptions(target.apiUrl)).setToken(target.token);
  const application = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
  if (plan.scope === 'guild') {
    return syncScope(rest, Routes.applicationGuildCommands(application.id, plan.guildId), plan.commands, {
      scope: 'guild',
      guildId: plan.guildId,
    });
  }
  return syncScope(rest, Routes.applicationCommands(application.id), plan.commands, { scope: 'global' });
}
