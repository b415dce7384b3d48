/**
 * The bot's lesson rules reach every course read: a lesson whose format is fine but whose quiz
 * question would not fit one Discord message is refused on this thread and in the reload worker,
 * while the content layer on its own (no rules) reads it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lessonRules, readCourseInWorker } from '../../src/app/course-reading.js';
import { readCourse } from '../../src/content/index.js';
import { lessonText } from '../content/helpers.js';

const root = mkdtempSync(path.join(tmpdir(), 'course-reading-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Three options of 1,900 characters: each line is within the format's limits, the question is not. */
function lessonWithHugeQuestion(): string {
  const option = (key: string) => `${key}. ${'가'.repeat(1_900)}`;
  return lessonText(
    [
      '# 7.1 긴 보기',
      '',
      '## 유일한 섹션',
      '',
      '본문이에요.',
      '',
      '## 🎮 연습 문제',
      '',
      '**문제 1:** 어느 것일까요?',
      '',
      option('A'),
      option('B'),
      option('C'),
      '',
      '<details>',
      '<summary>정답</summary>',
      '',
      '**정답: A**',
      '',
      '</details>',
      '',
    ].join('\n'),
  );
}

const lessonsDir = path.join(root, 'lessons');
mkdirSync(lessonsDir);
writeFileSync(path.join(lessonsDir, '07-01-huge.md'), lessonWithHugeQuestion());

describe('the bot’s lesson rules', () => {
  it('leave the content layer alone: without rules the lesson reads', async () => {
    const reading = await readCourse({ lessonsDir });
    expect(reading.problems).toEqual([]);
    expect(reading.lessons.map((lesson) => lesson.id)).toEqual(['7.1']);
  });

  it('refuse the lesson on this thread, at the question’s line, saying which payload breaks which limit', async () => {
    const reading = await readCourse({ lessonsDir, rules: lessonRules });
    expect(reading.lessons).toEqual([]);
    expect(reading.failedFiles).toEqual(['07-01-huge.md']);
    expect(reading.problems.map((problem) => problem.key)).toContain('content.error.payloadLimit');
    const problem = reading.problems.find((entry) => entry.key === 'content.error.payloadLimit')!;
    const questionLine = lessonWithHugeQuestion().split('\n').indexOf('**문제 1:** 어느 것일까요?') + 1;
    expect(problem.line).toBe(questionLine);
    expect(problem.message).toContain('문제 1');
    expect(problem.message).toMatch(/글자 수가 \d+자예요 \(최대 4000자\)/);
  });

  it('are applied by the reload worker too', async () => {
    const reading = await readCourseInWorker({ lessonsDir });
    expect(reading.problems).toEqual((await readCourse({ lessonsDir, rules: lessonRules })).problems);
    expect(reading.lessons).toEqual([]);
  });
});
