import fc from 'fast-check';
import { check, type Diagnostics } from 'recheck';
import { describe, expect, it } from 'vitest';
import { checkRepository, PATH_COMPONENT_PATTERN } from '../../src/registry/names.js';
import { collectRegexes, regexesInSource, type SourceRegex } from '../support/regex/collect.js';

/** The repository rule as it was: the distribution spec's `[-]*` separator may be empty. */
const OLD_PATH_COMPONENT = '^[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*$';

/**
 * recheck falls back to fuzzing for patterns too large for its automaton (bounded repetitions
 * such as `{1,100}`); a fixed seed makes that fuzzing, and so the verdict, the same on every run,
 * and a generous timeout keeps a loaded machine from turning "safe" into "unknown".
 */
const CHECK_PARAMETERS = { randomSeed: 20_261_130, timeout: 60_000 } as const;

/** recheck's verdict in one line, for a readable failure list. */
function verdict(regex: SourceRegex, diagnostics: Diagnostics): string {
  const complexity = diagnostics.status === 'vulnerable' ? diagnostics.complexity.type : '';
  const why = diagnostics.status === 'unknown' ? diagnostics.error.kind : '';
  return `${regex.where} /${regex.source}/${regex.flags}: ${diagnostics.status} ${complexity}${why}`.trim();
}

describe('the regex collector', () => {
  it('finds literals and RegExp constructions in the syntax tree, not in strings or comments', () => {
    const found = regexesInSource(
      'sample.ts',
      [
        'const a = /x+y/gi; // not /this/',
        "const b = new RegExp('(a|a)*$', 'u');",
        'const c = RegExp(`b+`);',
        'const d = new RegExp(pattern);',
        "const e = 'a /quoted/ string';",
        'const f = 10 / 2 / 5;',
      ].join('\n'),
    );
    expect(found).toEqual([
      { where: 'sample.ts:1', source: 'x+y', flags: 'gi' },
      { where: 'sample.ts:2', source: '(a|a)*$', flags: 'u' },
      { where: 'sample.ts:3', source: 'b+', flags: '' },
      { where: 'sample.ts:4', source: null, flags: '' },
    ]);
  });
});

describe('every regular expression in src/ and commands/', () => {
  const found = collectRegexes(process.cwd(), ['src', 'commands']);

  it('is found, the repository-name rule included', () => {
    expect(found.length).toBeGreaterThan(30);
    expect(found.map((regex) => regex.source)).toContain(PATH_COMPONENT_PATTERN.source);
  });

  it('is written as a literal, so it can be checked', () => {
    expect(found.filter((regex) => regex.source === null).map((regex) => regex.where)).toEqual([]);
  });

  it('runs in linear time on every input (recheck)', async () => {
    const unique = [...new Map(found.map((regex) => [`${regex.flags}/${regex.source}`, regex])).values()];
    const results = await Promise.all(
      unique.map(async (regex) => ({
        regex,
        diagnostics: await check(regex.source ?? '', regex.flags, CHECK_PARAMETERS),
      })),
    );
    const notLinear = results
      .filter(({ diagnostics }) => diagnostics.status !== 'safe')
      .map(({ regex, diagnostics }) => verdict(regex, diagnostics));
    expect(notLinear).toEqual([]);
  });
});

describe('the repository-name rule', () => {
  it('was exponential before, and recheck says so (the checker itself works)', async () => {
    const old = await check(OLD_PATH_COMPONENT, '', CHECK_PARAMETERS);
    expect(old.status).toBe('vulnerable');
    expect(old.status === 'vulnerable' && old.complexity.type).toBe('exponential');
    const now = await check(PATH_COMPONENT_PATTERN.source, PATH_COMPONENT_PATTERN.flags, CHECK_PARAMETERS);
    expect(now.status).toBe('safe');
  });

  it('accepts exactly the names the spec’s rule accepts (`-+` means what `[-]*` meant)', () => {
    const old = new RegExp(OLD_PATH_COMPONENT);
    const name = fc.string({
      unit: fc.constantFrom('a', 'z', '0', '9', '.', '_', '-', 'A', '!'),
      maxLength: 14,
    });
    fc.assert(
      fc.property(name, (candidate) => {
        expect(PATH_COMPONENT_PATTERN.test(candidate)).toBe(old.test(candidate));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers the attack from the issue (a long name that almost matches) with a refusal', () => {
    // With the old rule this call alone ran for hours; it now returns at once.
    for (const attack of [`${'a'.repeat(30)}!`, `${'a'.repeat(128)}!`, `${'a-'.repeat(120)}!`]) {
      expect(checkRepository(attack)).toEqual({
        ok: false,
        problems: [{ field: 'repository', code: 'repository-invalid', hint: 'characters' }],
      });
    }
  });
});
