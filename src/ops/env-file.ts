import { readFileSync, statSync } from 'node:fs';
import * as util from 'node:util';
import { ConfigError } from '../config.js';

export interface EnvFileResult {
  path: string;
  /** Variables the file supplied. */
  applied: string[];
  /** Variables the file also names but the environment already had: the environment wins. */
  overridden: string[];
  /** Others can read the file (it holds the bot token): worth a warning. */
  readableByOthers: boolean;
}

/** `util.parseEnv` arrived in Node 20.12; on 20.11 a present `.env` is an error, not silently skipped. */
type ParseEnv = (content: string) => NodeJS.Dict<string>;
const parseEnv = (util as { parseEnv?: ParseEnv }).parseEnv;

/**
 * Reads a `.env` file (Node's own format: `KEY=value`, `#` comments, quotes, `export KEY=…`)
 * into `env`. A variable already in the environment — even empty — keeps its value, as with
 * `node --env-file` and systemd's EnvironmentFile= precedence. Returns null when there is no file.
 */
export function loadEnvFile(file = '.env', env: NodeJS.ProcessEnv = process.env): EnvFileResult | null {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (!parseEnv) {
    throw new ConfigError(
      `${file} needs Node.js 20.12 or newer to be read (this is ${process.version}); upgrade Node or export the variables instead.`,
    );
  }
  const applied: string[] = [];
  const overridden: string[] = [];
  for (const [key, value] of Object.entries(parseEnv(content))) {
    if (value === undefined) continue;
    if (key in env) overridden.push(key);
    else {
      env[key] = value;
      applied.push(key);
    }
  }
  const readableByOthers = process.platform !== 'win32' && (statSync(file).mode & 0o004) !== 0;
  return { path: file, applied: applied.sort(), overridden: overridden.sort(), readableByOthers };
}
