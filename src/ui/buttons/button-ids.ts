import type { z } from 'zod';
import { LIMITS } from '../limits.js';

/**
 * The one way every button id is written and read: `<group>:<kind>:<field>:<field>…`, at most
 * Discord's 100 characters. Each field is a zod schema that reads the field's text into its value
 * (and refuses anything else); a value is written back as `String(value)`, so a schema must accept
 * exactly that text. A button on a learner's screen outlives a deploy: an id's format, once
 * shipped, must stay readable.
 */

/** The schemas of an id's fields, in wire order; each reads a field's text. */
export type IdFields = Record<string, z.ZodType<unknown, string>>;

/** The values of an id's fields. */
export type IdValues<Fields extends IdFields> = { [Name in keyof Fields]: z.output<Fields[Name]> };

export interface ButtonIds<Press> {
  /** What every id of this kind starts with, e.g. `ls:page:`; no other kind's prefix starts with it. */
  readonly prefix: string;
  /** The id of a button; throws a RangeError for values that could not be read back (a bug). */
  encode(press: Press): string;
  /** The press an id stands for, or null for anything that is not exactly such an id. Never throws. */
  decode(raw: string): Press | null;
}

const SEPARATOR = ':';

/** Button ids of one kind: `buttonIds('ls', 'page', { lessonId, page, … })`. */
export function buttonIds<Fields extends IdFields>(
  group: string,
  kind: string,
  fields: Fields,
): ButtonIds<IdValues<Fields>> {
  const prefix = `${group}${SEPARATOR}${kind}${SEPARATOR}`;
  const names = Object.keys(fields);
  const decode = (raw: string): IdValues<Fields> | null => {
    if (raw.length > LIMITS.customId || !raw.startsWith(prefix)) return null;
    const parts = raw.slice(prefix.length).split(SEPARATOR);
    if (parts.length !== names.length) return null;
    const values: Record<string, unknown> = {};
    for (const [position, name] of names.entries()) {
      const read = fields[name]!.safeParse(parts[position]);
      if (!read.success) return null;
      values[name] = read.data;
    }
    return values as IdValues<Fields>;
  };
  return {
    prefix,
    encode(press) {
      const raw = prefix + names.map((name) => String(press[name])).join(SEPARATOR);
      if (decode(raw) === null) throw new RangeError(`not a readable ${prefix} button id: ${raw}`);
      return raw;
    },
    decode,
  };
}

/**
 * Ids of one kind whose format grew: new buttons get `current`'s format; ids in an older format
 * (`legacy`, same prefix), still on learners' screens from before a deploy, are read and upgraded.
 */
export function withLegacyFormat<Press, Old>(
  current: ButtonIds<Press>,
  legacy: ButtonIds<Old>,
  upgrade: (old: Old) => Press,
): ButtonIds<Press> {
  if (legacy.prefix !== current.prefix) throw new RangeError('a legacy format must share the prefix');
  return {
    prefix: current.prefix,
    encode: (press) => current.encode(press),
    decode(raw) {
      const press = current.decode(raw);
      if (press) return press;
      const old = legacy.decode(raw);
      return old ? upgrade(old) : null;
    },
  };
}
