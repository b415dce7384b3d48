/**
 * Property (half of it; lesson-fuzz-mutated has the rest): 2,000 generated lessons and 3,000
 * mutated ones load as a lesson or give content errors, nothing else. See
 * test/support/lessons/property.ts for what is checked of each outcome.
 */
import { describe, expect, it } from 'vitest';
import { checkGenerated, checkMutated, Outcomes } from '../support/lessons/property.js';
import { sampleText } from './helpers.js';

const outcomes = new Outcomes();

describe('loading any lesson file (generated)', () => {
  it('gives a lesson or content errors for 2,000 generated lessons', () => {
    checkGenerated(outcomes, 2_000);
  }, 300_000);

  it('gives a lesson or content errors for 3,000 mutated lessons', () => {
    checkMutated(outcomes, 3_000, sampleText);
  }, 300_000);

  it('reaches both outcomes often (else the property says little)', () => {
    expect(outcomes.loaded).toBeGreaterThan(500);
    expect(outcomes.refused).toBeGreaterThan(500);
  });
});
