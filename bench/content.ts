/**
 * Content engine benchmarks (numbers, not pass/fail): parsing lesson 5.2 from its Markdown, and
 * rendering every payload a learner can see of it (pages, reveals, questions, answers, score).
 * Each sample parses afresh, so pagination's per-lesson cache does not hide the work.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseLesson } from '../src/content/index.js';
import { renderAll } from '../src/ui/index.js';
import { summarize } from './support/measure.js';

const file = '05-02-push-image-to-docker-hub.md';
const samples = 200;

export async function runContentBench(): Promise<Record<string, number>> {
  const text = readFileSync(new URL(`../data/lessons/${file}`, import.meta.url), 'utf8');
  const parseMs: number[] = [];
  const renderMs: number[] = [];
  let payloads = 0;
  for (let sample = 0; sample < samples; sample++) {
    const started = performance.now();
    const lesson = parseLesson(text, file);
    const parsed = performance.now();
    payloads = renderAll(lesson).length;
    renderMs.push(performance.now() - parsed);
    parseMs.push(parsed - started);
  }
  return {
    'content.parseMedianMs': summarize(parseMs).medianMs,
    'content.renderAllMedianMs': summarize(renderMs).medianMs,
    'content.payloadsPerLesson': payloads,
  };
}
