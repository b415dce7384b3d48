/**
 * The property both lesson fuzz files check: whatever bytes a lesson file holds, lessonFromBytes
 * with the bot's lesson rules (the loader's per-file path: size and UTF-8 checks, limits, parse,
 * payload checks) gives a lesson Discord can show, or a ContentError naming file:line problems,
 * and nothing else.
 */

import fc from 'fast-check';
import { expect } from 'vitest';
import { lessonRules } from '../../../src/app/course-reading.js';
import { ContentError, type Lesson, lessonFromBytes } from '../../../src/content/index.js';
import { tLoose } from '../../../src/i18n/index.js';
import { checkPayloadLimits, renderAll } from '../../../src/ui/index.js';
import { lessonText, type Mutation, mutations, seedLesson } from './arbitraries.js';

const FILE = 'fuzz.md';

/** What every accepted lesson must be: steps to read, unique ids, answerable questions, payloads that fit. */
function checkLesson(lesson: Lesson): void {
  expect(lesson.steps.length).toBeGreaterThan(0);
  expect(new Set(lesson.steps.map((step) => step.id)).size).toBe(lesson.steps.length);
  expect(new Set(lesson.quiz.map((question) => question.id)).size).toBe(lesson.quiz.length);
  for (const question of lesson.quiz) {
    expect(question.options.map((option) => option.key)).toContain(question.answer);
  }
  for (const item of renderAll(lesson)) expect(checkPayloadLimits(item.payload)).toEqual([]);
}

/** What every refusal must be: problems in this file, at a line of it, in words in both languages. */
function checkRefusal(error: ContentError, bytes: Uint8Array): void {
  expect(error.problems.length).toBeGreaterThan(0);
  const lines = Buffer.from(bytes)
    .toString('utf8')
    .split(/\r\n|\r|\n/).length;
  for (const problem of error.problems) {
    expect(problem.file).toBe(FILE);
    expect(problem.line).toBeGreaterThanOrEqual(0);
    expect(problem.line).toBeLessThanOrEqual(lines + 1);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.message).not.toMatch(/\{\w+\}/);
    expect(tLoose('en', problem)).not.toMatch(/\{\w+\}/);
  }
}

/** Loads the bytes; anything but a lesson or a ContentError fails the property. */
export function loadsOrRefuses(bytes: Uint8Array): 'loaded' | 'refused' {
  let lesson: Lesson;
  try {
    lesson = lessonFromBytes(bytes, FILE, { rules: lessonRules });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    checkRefusal(error, bytes);
    return 'refused';
  }
  checkLesson(lesson);
  return 'loaded';
}

/** How many lessons loaded and how many were refused, so a file can check both happened often. */
export class Outcomes {
  loaded = 0;
  refused = 0;

  /** The property for one input: counts its outcome. */
  check(bytes: Uint8Array): void {
    this[loadsOrRefuses(bytes)] += 1;
  }
}

/** A seed text with mutations applied in order. */
function mutated(text: string, changes: readonly Mutation[]): Uint8Array {
  return changes.reduce((current, change) => change(current), Buffer.from(text, 'utf8') as Uint8Array);
}

/** Runs the property on `runs` generated lessons. */
export function checkGenerated(outcomes: Outcomes, runs: number): void {
  fc.assert(
    fc.property(lessonText, (text) => outcomes.check(Buffer.from(text, 'utf8'))),
    { numRuns: runs },
  );
}

/** Runs the property on `runs` lessons (generated, the sample, lessons at the limits) broken up to three times. */
export function checkMutated(outcomes: Outcomes, runs: number, sample: string): void {
  fc.assert(
    fc.property(seedLesson(sample), mutations(3), (text, changes) => outcomes.check(mutated(text, changes))),
    { numRuns: runs },
  );
}
