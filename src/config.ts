import { z } from 'zod';
import { boundedString, snowflakeSchema as snowflake } from './input-rules.js';
import { trimChar } from './strings.js';

/** A comma-separated list; blanks are dropped so `A,,B` and trailing commas are harmless. */
const commaList = <T extends z.ZodType<string, string>>(item: T) =>
  boundedString(4000)
    .default('')
    .transform((raw) =>
      raw
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(item));

const httpUrl = boundedString(2048)
  .pipe(z.url({ protocol: /^https?$/, error: 'an http(s) URL' }))
  .transform((url) => trimChar(url, '/', 'end'));

const hostName = boundedString(260)
  .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, 'a host name, optionally with :port')
  .transform((host) => host.toLowerCase());

const optionalSecret = z
  .string()
  .optional()
  .transform((value) => (value && value.length > 0 ? value : undefined));

export const configSchema = z.object({
  DISCORD_TOKEN: optionalSecret,
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: httpUrl
    .refine((url) => url.endsWith('/api'), 'a REST base URL ending in /api')
    .default('https://discord.com/api'),
  DATABASE_PATH: z.string().min(1).default('data/bot.sqlite'),
  LESSONS_DIR: z.string().min(1).default('data/lessons'),
  INSTRUCTOR_ROLE_IDS: commaList(snowflake),
  OWNER_USER_IDS: commaList(snowflake),
  DOCKER_REGISTRY_URL: httpUrl.default('https://registry-1.docker.io'),
  DOCKER_HUB_API_URL: httpUrl.default('https://hub.docker.com'),
  DOCKER_AUTH_HOSTS: commaList(hostName).default(['auth.docker.io']),
  DOCKERHUB_USERNAME: optionalSecret,
  DOCKERHUB_TOKEN: optionalSecret,
  VERIFY_COOLDOWN_SECONDS: z.coerce
    .number({ error: 'a whole number of seconds from 0 to 3600' })
    .int({ error: 'a whole number of seconds from 0 to 3600' })
    .min(0, 'a whole number of seconds from 0 to 3600')
    .max(3600, 'a whole number of seconds from 0 to 3600')
    .default(30),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the environment once at start-up. A bad value names the variable and what is
 * expected, and never echoes the value (it may be a secret).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const result = configSchema.safeParse(known);
  if (result.success) {
    const config = result.data;
    if (Boolean(config.DOCKERHUB_USERNAME) !== Boolean(config.DOCKERHUB_TOKEN)) {
      throw new ConfigError(
        'DOCKERHUB_USERNAME and DOCKERHUB_TOKEN must be set together (or both left empty).',
      );
    }
    return config;
  }
  const lines = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '?');
    return `  ${variable}: expected ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
