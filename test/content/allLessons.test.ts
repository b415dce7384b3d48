import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse, parseLesson } from '../../src/content/index.js';
import { checkPayloadLimits, renderAll } from '../../src/ui/index.js';
import { en, fixturesDir, ko, LONG_OWNER, repoRoot } from './helpers.js';

describe('every lesson renders within Discord limits', () => {
  it('checks every page, reveal, question, answer and score of every shipped lesson', async () => {
    const course = await loadCourse({ lessonsDir: path.join(repoRoot, 'data/lessons') });
    expect(course.entries.length).toBeGreaterThan(0);
    for (const { lesson } of course.entries) {
      for (const t of [ko, en]) {
        for (const item of renderAll(lesson, t, LONG_OWNER)) {
          expect(checkPayloadLimits(item.payload), `${lesson.id} ${JSON.stringify(item.where)}`).toEqual([]);
        }
      }
    }
  });

  it('checks the valid fixture lessons too', async () => {
    const files = [
      ...(await readdir(path.join(fixturesDir, 'edge'))).map((name) => path.join('edge', name)),
      ...(await readdir(path.join(fixturesDir, 'plain'))).map((name) => path.join('plain', name)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const lesson = parseLesson(await readFile(path.join(fixturesDir, file), 'utf8'), file);
      const items = renderAll(lesson, ko, LONG_OWNER);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items)
        expect(checkPayloadLimits(item.payload), `${file} ${JSON.stringify(item.where)}`).toEqual([]);
    }
  });
});
