/**
 * Reads a Dockerfile and a .dockerignore the way `docker build` does, for the tests that check
 * the container image without a Docker engine: they replay the Dockerfile's steps on a copy
 * of the project and start what its CMD runs.
 */

export interface Instruction {
  keyword: string;
  /** The text after the keyword, continuation lines joined. */
  args: string;
  line: number;
}

export interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of instructions (comments dropped, `\` continuations joined). */
export function parseDockerfile(text: string): Stage[] {
  const instructions: Instruction[] = [];
  let pending = '';
  let startLine = 0;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (pending === '' && (trimmed === '' || trimmed.startsWith('#'))) return;
    if (pending !== '' && trimmed.startsWith('#')) return;
    if (pending === '') startLine = index + 1;
    const continued = trimmed.endsWith('\\');
    pending += `${continued ? trimmed.slice(0, -1).trimEnd() : trimmed} `;
    if (continued) return;
    const body = pending.trim();
    pending = '';
    const space = body.indexOf(' ');
    instructions.push({
      keyword: body.slice(0, space).toUpperCase(),
      args: body.slice(space + 1).trim(),
      line: startLine,
    });
  });
  if (pending !== '') throw new Error('the Dockerfile ends inside a continued line');
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [base = '', as, name] = instruction.args.split(/\s+/);
      if (as !== undefined && as.toUpperCase() !== 'AS')
        throw new Error(`line ${instruction.line}: bad FROM`);
      stages.push({ name: name ?? String(stages.length), base, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`line ${instruction.line}: ${instruction.keyword} before FROM`);
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

/** `KEY=value KEY2="value 2"` (ENV, LABEL) as pairs. */
export function parseAssignments(args: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  let at = 0;
  while (at < args.length) {
    while (args[at] === ' ') at += 1;
    if (at >= args.length) break;
    const equals = args.indexOf('=', at);
    if (equals < 0) throw new Error(`expected KEY=value in: ${args}`);
    const key = args.slice(at, equals);
    at = equals + 1;
    let value = '';
    if (args[at] === '"') {
      const end = args.indexOf('"', at + 1);
      value = args.slice(at + 1, end);
      at = end + 1;
    } else {
      const end = args.indexOf(' ', at);
      value = args.slice(at, end < 0 ? args.length : end);
      at = end < 0 ? args.length : end;
    }
    pairs[key] = value;
  }
  return pairs;
}

/** The `--flag=value` options in front of an instruction's arguments, and what follows them. */
export function splitFlags(args: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = args;
  for (;;) {
    const match = /^--([a-z-]+)=(\S+)\s+/.exec(rest);
    if (!match) return { flags, rest };
    flags[match[1]!] = match[2]!;
    rest = rest.slice(match[0].length);
  }
}

/**
 * Wildcards as Go's filepath.Match reads them within one path segment (`*`, `?`), plus `**` for
 * any number of segments. Two pointers with a single backtrack point per star: O(n·m).
 */
function globMatches(pattern: string, path: string): boolean {
  const patternParts = pattern.split('/');
  const pathParts = path.split('/');
  const segments = (p: number, q: number): boolean => {
    if (p === patternParts.length) return q === pathParts.length;
    if (patternParts[p] === '**') {
      for (let skip = q; skip <= pathParts.length; skip += 1) if (segments(p + 1, skip)) return true;
      return false;
    }
    return q < pathParts.length && segmentMatches(patternParts[p]!, pathParts[q]!) && segments(p + 1, q + 1);
  };
  return segments(0, 0);
}

function segmentMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let starName = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p += 1;
      n += 1;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p;
      starName = n;
      p += 1;
    } else if (star >= 0) {
      p = star + 1;
      starName += 1;
      n = starName;
    } else return false;
  }
  while (pattern[p] === '*') p += 1;
  return p === pattern.length;
}

/**
 * `.dockerignore` as Docker applies it: patterns in order, the last one that matches a path or
 * one of its parent folders decides, `!` re-includes. Returns whether `path` reaches the build.
 */
export function dockerignoreFilter(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const include = line.startsWith('!');
      const pattern = (include ? line.slice(1) : line).replace(/^\/+/, '').replace(/\/+$/, '');
      return { include, pattern };
    });
  return (path) => {
    const parts = path.split('/');
    const candidates = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
    let included = true;
    for (const rule of rules)
      if (candidates.some((candidate) => globMatches(rule.pattern, candidate))) included = rule.include;
    return included;
  };
}
