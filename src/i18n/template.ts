import { isParticle, particleAfter } from './particles.js';

/**
 * The parameters a template names: `{lessonId}` is a parameter, `{을/를}` is a particle (see
 * README.md in this folder) and names none. Used on the `as const` Korean catalogue, so that each
 * key's parameters are a type.
 */
export type ParamsOf<Template extends string> = Template extends `${string}{${infer Token}}${infer Rest}`
  ? (Token extends `${string}/${string}` ? never : Token) | ParamsOf<Rest>
  : never;

export type ParamValues = Readonly<Record<string, string | number>>;

const TOKEN = /\{([^{}]*)\}/g;
/** `</lesson next>` in a template: a command, written the way Discord mentions it, minus the id. */
const COMMAND_TOKEN = /<\/([a-z][a-z-]*(?: [a-z][a-z-]*){0,2})>/g;

/** The commands a template names with `</lesson next>` (for the catalogue checks). */
export function commandTokens(template: string): string[] {
  return [...template.matchAll(COMMAND_TOKEN)].map((match) => match[1] ?? '');
}

/**
 * Writes each `</path>` of a template as `name(path, token)` says (a mention, a plain name, or the
 * token itself when it is not a command). Only the template's own text is read: a learner's value
 * that looks like a token stays as typed.
 */
export function fillCommands(template: string, name: (path: string, token: string) => string): string {
  return template.replace(COMMAND_TOKEN, (token: string, path: string) => name(path, token));
}

/** The parameter names a template uses, at run time (for the catalogue checks). */
export function parameterNames(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(TOKEN)) {
    const token = match[1] ?? '';
    if (!token.includes('/')) names.add(token);
  }
  return [...names].sort();
}

/** The particle tokens a template uses, valid or not (for the catalogue checks). */
export function particleTokens(template: string): string[] {
  return [...template.matchAll(TOKEN)].map((match) => match[1] ?? '').filter((token) => token.includes('/'));
}

/**
 * Fills `{name}` with its value and `{을/를}` with the form that follows the text before it (after
 * parameters are filled, so the particle fits the learner's actual word). A token without a value
 * stays visible, so a forgotten parameter shows up in tests instead of vanishing.
 */
export function fillTemplate(template: string, params: ParamValues): string {
  let output = '';
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    const token = match[1] ?? '';
    output += template.slice(last, match.index);
    last = match.index + match[0].length;
    if (isParticle(token)) output += particleAfter(output, token);
    else if (Object.hasOwn(params, token)) output += String(params[token]);
    else output += match[0];
  }
  return output + template.slice(last);
}
