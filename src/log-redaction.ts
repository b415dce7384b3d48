/** Keys whose values may be secrets anywhere in a log object's first levels. */
const secretKeys = new Set(['token', 'authorization', 'password', 'DISCORD_TOKEN', 'DOCKERHUB_TOKEN']);

const censor = '[redacted]';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A copy of `object` with its secret keys censored, or the object itself when it has none (no copy). */
function censorLevel(object: Record<string, unknown>, depth: number): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in object) {
    const value = object[key];
    let replaced: unknown = value;
    if (secretKeys.has(key)) replaced = censor;
    else if (depth > 0 && isPlainObject(value)) replaced = censorLevel(value, depth - 1);
    if (replaced !== value) {
      copy ??= { ...object };
      copy[key] = replaced;
    }
  }
  return copy ?? object;
}

/**
 * Replaces secrets in a log object before it is written: `token`, `authorization`, `password`
 * and the two token variables, at the top level and in nested plain objects two levels down
 * (`config.DISCORD_TOKEN`, `request.headers.authorization`). The caller's object is never
 * changed, and a line without secrets is not copied: this runs for every interaction's line,
 * where pino's own path-based `redact` allocated about 14 KB a line — the largest allocation
 * of a whole interaction. Errors are left to the `err` serializer.
 */
export function redactSecrets(object: Record<string, unknown>): Record<string, unknown> {
  return censorLevel(object, 2);
}
