import { z } from 'zod';

/**
 * A string whose length is checked first: when it is too long no later check (a pattern, a
 * refinement) runs on it, so the cost of any rule is bounded by `max`.
 */
export function boundedString(max: number, error = `at most ${max} characters`) {
  return z.string().max(max, { abort: true, error });
}

const discordId = 'a Discord id (17–20 digits)';

/** A Discord id (user, role, guild, channel): 17–20 digits. */
export const snowflakeSchema = boundedString(20, discordId).regex(/^\d{17,20}$/, discordId);

/** One line of 1–`max` characters after trimming, no control characters (newlines included): a name. */
export function oneLineNameSchema(max: number) {
  return z
    .string()
    .trim()
    .refine((name) => {
      const length = Array.from(name).length;
      return length >= 1 && length <= max && !/\p{Cc}/u.test(name);
    });
}
