import { z } from 'zod';
import { DEFAULT_COURSE_TIME_ZONE, isKnownTimeZone } from './calendar.js';
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

/** Three base64url parts separated by dots, as the developer portal's "Reset Token" shows it. */
const tokenShape = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * What is wrong with a bot token's shape, in words that never repeat the value. The first
 * part is the bot's user id in base64, which tells a token from a client secret or public key.
 */
function botTokenProblem(token: string): string | undefined {
  if (/^bot\s/i.test(token)) return 'a bot token without the "Bot " prefix';
  if (/\s|["']/.test(token)) return 'a bot token without spaces or quotes around it';
  if (!tokenShape.test(token))
    return 'a bot token: three base64url parts separated by dots (Developer Portal → Bot → Reset Token; a client secret or public key is not it)';
  const userId = Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('latin1');
  if (!/^\d{17,20}$/.test(userId))
    return 'a bot token whose first part is the bot’s id (Developer Portal → Bot → Reset Token)';
  return undefined;
}

const botToken = optionalSecret.superRefine((token, context) => {
  const problem = token === undefined ? undefined : botTokenProblem(token);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** A whole number in [min, max]; every way of missing it gets the same explanation. */
const wholeNumber = (min: number, max: number, meaning: string) =>
  z.coerce.number({ error: meaning }).int({ error: meaning }).min(min, meaning).max(max, meaning);

const seconds = () => wholeNumber(0, 3600, 'a whole number of seconds from 0 to 3600');

export const configSchema = z.object({
  DISCORD_TOKEN: botToken,
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
  VERIFY_COOLDOWN_SECONDS: seconds().default(30),
  /** Milestone roles granted per minute at most, backfills included (Discord rate-limits role changes). */
  ROLE_GRANTS_PER_MINUTE: wholeNumber(1, 600, 'a whole number of grants per minute from 1 to 600').default(
    60,
  ),
  HEALTH_PORT: wholeNumber(0, 65_535, 'a TCP port from 0 to 65535 (0 picks a free one)').optional(),
  HEALTH_HOST: z
    .string()
    .regex(/^[a-z0-9.:-]+$/i, 'an IP address or host name to listen on')
    .default('127.0.0.1'),
  DISCORD_CONNECT_RETRY_SECONDS: seconds().default(180),
  /** Weeks and months (streaks, digests, period boards) and digest hours are counted in this zone. */
  COURSE_TIME_ZONE: boundedString(64)
    .refine(isKnownTimeZone, 'an IANA time zone such as Asia/Seoul')
    .default(DEFAULT_COURSE_TIME_ZONE),
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
