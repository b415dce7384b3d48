/**
 * Property (the other half; lesson-fuzz-generated has the rest): 5,000 lessons, generated or the
 * sample or a lesson at the limits, broken up to three times in every way the arbitraries know
 * (deep nesting, long emphasis runs, fences, random bytes, invalid UTF-8, truncation, duplicates,
 * huge lines, CRLF/BOM, front matter, quiz markup), load as a lesson or give content errors.
 */
import { describe, expect, it } from 'vitest';
import { checkMutated, Outcomes } from '../support/lessons/property.js';
import { sampleText } from './helpers.js';

const outcomes = new Outcomes();

describe('loading any lesson file (mutated)', () => {
  it('gives a lesson or content errors for 5,000 mutated lessons', () => {
    checkMutated(outcomes, 5_000, sampleText);
  }, 300_000);

  it('reaches both outcomes often (else the property says little)', () => {
    expect(outcomes.loaded).toBeGreaterThan(500);
    expect(outcomes.refused).toBeGreaterThan(1_000);
  });
});
