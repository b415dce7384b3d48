import { type Logger, pino } from 'pino';
import { redactSecrets } from './log-redaction.js';

export type { Logger };

const CENSOR = '[redacted]';

/**
 * An interaction's token is part of the URL of its callback and webhook routes
 * (`/interactions/{id}/{token}/callback`, `/webhooks/{app}/{token}/messages/@original`): for
 * 15 minutes it lets anyone answer or edit as the bot. The ids stay, so the route is still known.
 */
const TOKEN_IN_PATH = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"'<>]+/g;
/** Keys whose values are secrets wherever they appear in a logged error. */
const SECRET_KEYS = new Set(['authorization', 'token', 'password', 'secret', 'cookie', 'set-cookie']);
/** Nested errors and their causes deeper than this are cut off. */
const MAX_DEPTH = 6;
/** Known secrets shorter than this are not looked for in text (they would match too much). */
const MIN_SECRET_LENGTH = 8;

/** Interaction tokens in URL paths and the given secrets, replaced in a piece of text. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let clean = text.replace(TOKEN_IN_PATH, `$1${CENSOR}`);
  for (const secret of secrets) clean = clean.replaceAll(secret, CENSOR);
  return clean;
}

interface UploadedFile {
  name?: unknown;
  contentType?: unknown;
  data?: unknown;
}

function byteLength(data: unknown): number | undefined {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (data instanceof ArrayBuffer) return data.byteLength;
  return undefined;
}

/**
 * A failed request's body (discord.js's `requestBody: { files, json }`): message text and file
 * bytes (a CSV export of every learner) stay out of the log; what was sent stays recognisable.
 */
function describeRequestBody(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body === undefined ? undefined : CENSOR;
  const { files, json } = body as { files?: unknown; json?: unknown };
  return {
    files: Array.isArray(files)
      ? files.map((file: UploadedFile) => ({
          name: typeof file?.name === 'string' ? file.name : undefined,
          contentType: typeof file?.contentType === 'string' ? file.contentType : undefined,
          bytes: byteLength(file?.data),
        }))
      : undefined,
    json: json === undefined ? undefined : CENSOR,
  };
}

/** A copy of a serialized error with secrets, bodies and bytes taken out. */
function scrub(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${byteLength(value)} bytes]`;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_KEYS.has(key.toLowerCase())) copy[key] = CENSOR;
    else if (key === 'requestBody') copy[key] = describeRequestBody(item);
    else copy[key] = scrub(item, secrets, depth + 1);
  }
  return copy;
}

function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as Error).message === 'string';
}

/**
 * How every logged error is written: pino's standard fields (type, message, stack, own
 * properties such as a DiscordAPIError's method, url, status and code), then scrubbed: tokens
 * in URLs, messages and stacks, authorization headers, request bodies and raw bytes.
 */
export function errorSerializer(secrets: readonly string[] = []): (error: unknown) => unknown {
  return (error) => scrub(isErrorLike(error) ? pino.stdSerializers.err(error) : error, secrets, 0);
}

export interface LoggerOptions {
  /** Values never to be written, wherever they turn up (the bot token, the Docker Hub token). */
  secrets?: readonly (string | undefined)[];
}

export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  options: LoggerOptions = {},
): Logger {
  const secrets = (options.secrets ?? []).filter(
    (secret): secret is string => secret !== undefined && secret.length >= MIN_SECRET_LENGTH,
  );
  const serializeError = errorSerializer(secrets);
  return pino(
    {
      level,
      serializers: {
        err: serializeError,
        msg: (message: unknown) => (typeof message === 'string' ? redactText(message, secrets) : message),
      },
      formatters: {
        // Secret keys (token, authorization, …) censored without copying lines that have none
        // (pino's path-based redact allocated ~14 KB per interaction line); an error logged under
        // any other key than `err` is written the same careful way.
        log: (logged) => {
          const object = redactSecrets(logged);
          const errorKeys = Object.keys(object).filter(
            (key) => key !== 'err' && object[key] instanceof Error,
          );
          if (errorKeys.length === 0) return object;
          const copy = { ...object };
          for (const key of errorKeys) copy[key] = serializeError(object[key]);
          return copy;
        },
      },
    },
    destination,
  );
}
