/**
 * The layers of src/ and commands/ and which may import which: the table docs/architecture.md
 * explains. layers.test.ts checks the real import graph against it (and shows it can fail).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type LayerName =
  | 'shared'
  | 'config'
  | 'registry'
  | 'content'
  | 'store'
  | 'services'
  | 'ui'
  | 'interactions'
  | 'commands'
  | 'adapters';

interface Layer {
  name: LayerName;
  /** Folders (ending in "/") and files that belong to the layer; the longest match wins. */
  holds: readonly string[];
  /** The other layers it may import (its own is always allowed). */
  mayImport: readonly LayerName[];
  /** Whether it may import discord.js, discord-api-types or @discordjs/*. */
  speaksDiscord: boolean;
}

const domain: LayerName[] = ['registry', 'content', 'store'];

/** Inner to outer. */
export const LAYERS: readonly Layer[] = [
  {
    // Small modules everything uses; they import only each other.
    name: 'shared',
    holds: [
      'src/strings.ts',
      'src/input-rules.ts',
      'src/clock.ts',
      'src/calendar.ts',
      'src/log-redaction.ts',
      'src/logger.ts',
      'src/i18n/',
    ],
    mayImport: [],
    speaksDiscord: false,
  },
  {
    // The environment, read at the edge: domain code is handed its settings, it never reads them.
    name: 'config',
    holds: ['src/config.ts'],
    mayImport: ['shared'],
    speaksDiscord: false,
  },
  { name: 'registry', holds: ['src/registry/'], mayImport: ['shared'], speaksDiscord: false },
  { name: 'content', holds: ['src/content/'], mayImport: ['shared', 'registry'], speaksDiscord: false },
  {
    name: 'store',
    holds: ['src/store/'],
    mayImport: ['shared', 'registry', 'content'],
    speaksDiscord: false,
  },
  {
    name: 'services',
    holds: ['src/services/'],
    mayImport: ['shared', 'config', ...domain],
    speaksDiscord: false,
  },
  {
    // Views are pure functions of domain/service data and a translator: no settings, no runtime.
    name: 'ui',
    holds: ['src/ui/'],
    mayImport: ['shared', ...domain, 'services'],
    speaksDiscord: true,
  },
  {
    // Commands and the interaction core reach data through services, never the store or registry.
    name: 'interactions',
    holds: ['src/interactions/'],
    mayImport: ['shared', 'config', 'content', 'services', 'ui'],
    speaksDiscord: true,
  },
  {
    name: 'commands',
    holds: ['commands/'],
    mayImport: ['shared', 'config', 'content', 'services', 'ui', 'interactions'],
    speaksDiscord: true,
  },
  {
    // Discord, the console, operations, the CLIs (a cli/ folder beside what it serves is one too)
    // and the composition root.
    name: 'adapters',
    holds: [
      'src/discord/',
      'src/console/',
      'src/ops/',
      'src/cli/',
      'src/store/cli/',
      'src/ui/pictures/cli/',
      'src/app/',
      'src/main.ts',
    ],
    mayImport: ['shared', 'config', ...domain, 'services', 'ui', 'interactions'],
    speaksDiscord: true,
  },
];

/** The only files outside commands/ that may import commands/: the composition root and the deploy entry. */
export const COMPOSITION_ROOT: readonly string[] = ['src/main.ts', 'src/app/', 'src/cli/deploy-commands.ts'];

/** The one command file that lists all the others; other command modules share only shared-*.ts. */
const COMMAND_LIST = 'commands/index.ts';
const SHARED_COMMAND_CODE = /^commands\/shared-[a-z0-9-]+\.ts$/;

const DISCORD_PACKAGES = /^(discord\.js|discord-api-types|@discordjs\/[^/]+)$/;

/** Where the table lives, for messages that ask a helper to place a new folder. */
const TABLE_HOME = 'LAYERS in test/architecture/layer-rules.ts and the table in docs/architecture.md';

export interface SourceFile {
  /** Relative to the project root, with "/": "src/ui/views/quiz.ts". */
  file: string;
  /** Module specifiers as written: "../store/index.js", "discord.js", "node:fs". */
  imports: readonly string[];
}

function matches(file: string, entry: string): boolean {
  return entry.endsWith('/') ? file.startsWith(entry) : file === entry;
}

export function layerOf(file: string): LayerName | undefined {
  let best: { layer: LayerName; length: number } | undefined;
  for (const layer of LAYERS)
    for (const entry of layer.holds)
      if (matches(file, entry) && entry.length > (best?.length ?? -1))
        best = { layer: layer.name, length: entry.length };
  return best?.layer;
}

function layerNamed(name: LayerName): Layer {
  return LAYERS.find((layer) => layer.name === name)!;
}

/** "discord-api-types/v10" → "discord-api-types", "@napi-rs/canvas/x" → "@napi-rs/canvas". */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The project-relative .ts file a relative specifier names ("./x.js" → "src/ui/x.ts"). */
export function resolveRelative(from: string, specifier: string): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return joined.replace(/\.js$/, '.ts');
}

function inSourceTree(file: string): boolean {
  return file.startsWith('src/') || file.startsWith('commands/');
}

/** What is wrong with one import, or null when it keeps to the rules. */
export function importProblem(from: string, specifier: string): string | null {
  const fromLayer = layerOf(from);
  if (!fromLayer) return null; // The file itself is reported as unplaced.
  const layer = layerNamed(fromLayer);
  if (!specifier.startsWith('.')) {
    if (layer.speaksDiscord || !DISCORD_PACKAGES.test(packageName(specifier))) return null;
    return `${from} → ${specifier}: ${fromLayer} may not import Discord packages (only ui, interactions, commands and adapters may)`;
  }
  const target = resolveRelative(from, specifier);
  if (!inSourceTree(target)) return `${from} → ${target}: imports from outside src/ and commands/`;
  const targetLayer = layerOf(target);
  if (!targetLayer)
    return `${from} → ${target}: imports a file in no layer (add its folder to ${TABLE_HOME})`;
  if (targetLayer === 'commands') {
    if (fromLayer !== 'commands') {
      if (COMPOSITION_ROOT.some((entry) => matches(from, entry))) return null;
      return `${from} → ${target}: only the composition root (${COMPOSITION_ROOT.join(', ')}) imports commands/`;
    }
    if (from === COMMAND_LIST || SHARED_COMMAND_CODE.test(target)) return null;
    return `${from} → ${target}: a command module shares code with others only through commands/shared-*.ts`;
  }
  if (targetLayer === fromLayer || layer.mayImport.includes(targetLayer)) return null;
  return `${from} → ${target}: ${fromLayer} may not import ${targetLayer} (${fromLayer} may import: ${[...layer.mayImport, fromLayer].join(', ')})`;
}

/** Every problem of a set of files: files in no layer, then imports that break the rules. */
export function layerProblems(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const { file, imports } of files) {
    if (!layerOf(file)) problems.push(`${file}: in no layer (add its folder to ${TABLE_HOME})`);
    for (const specifier of imports) {
      const problem = importProblem(file, specifier);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

function typeScriptFiles(root: string, folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return typeScriptFiles(root, relative);
    return /\.[cm]?ts$/.test(entry.name) ? [relative] : [];
  });
}

/** Every .ts file under src/ and commands/ with its imports, re-exports and dynamic imports. */
export function readSourceTree(root: string): SourceFile[] {
  return ['src', 'commands']
    .flatMap((folder) => typeScriptFiles(root, folder))
    .map((file) => {
      const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
      return { file, imports: info.importedFiles.map((imported) => imported.fileName) };
    });
}
