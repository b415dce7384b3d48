import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n/index.js';
import type { SyncReport } from '../../../src/services/app-context.js';
import { payloadToText } from '../../../src/ui/index.js';
import { renderCourseReloaded } from '../../../src/ui/views/course-reload.js';

const titles: Record<string, string> = { '1.1': '도커 설치하기', '5.2': '도커 허브에 푸시하기' };
const view = (report: SyncReport) => ({ report, titleOf: (lessonId: string) => titles[lessonId] });
const isSeparator = (line: string) => /^─+$/.test(line);
const noChange = { stepsAdded: [], stepsRemoved: [], questionsAdded: [], questionsRemoved: [] };

const everyKind: SyncReport = {
  added: [{ ...noChange, lessonId: '1.1', stepsAdded: ['a', 'b'], questionsAdded: ['q1'] }],
  updated: [
    { ...noChange, lessonId: '5.2', stepsAdded: ['c'], stepsRemoved: ['d'], questionsRemoved: ['q2'] },
    { ...noChange, lessonId: '9.9' },
  ],
  unchanged: ['2.1', '2.2'],
  skipped: ['3.1'],
  retired: ['4.1'],
};

describe('the /course reload report', () => {
  it('lists each kind of change under its header, in reading order', () => {
    const { text } = payloadToText(renderCourseReloaded(view(everyKind), translator('en')));
    const lines = text.split('\n');
    const [first, last] = [lines.findIndex(isSeparator), lines.findLastIndex(isSeparator)];
    const body = lines.slice(first + 1, last);
    expect(body).toEqual([
      '**➕ 1 new lessons**',
      '- **1.1** 도커 설치하기 · 2 steps · 1 questions',
      '**✏️ 2 updated lessons**',
      '- **5.2** 도커 허브에 푸시하기: steps added `c` · steps removed `d` · questions removed `q2`',
      '- **9.9** : text changed only (same steps and questions)',
      '**⏭️ Skipped** (insert mode keeps the stored content): `3.1`',
      '**📦 Retired** (not in course.yaml; learners’ history kept): `4.1`',
      '**2 unchanged**: `2.1`, `2.2`',
    ]);
  });

  it('leaves out the kinds of change that did not happen', () => {
    const onlyRetired = { ...everyKind, added: [], updated: [], skipped: [], unchanged: [] };
    const { text } = payloadToText(renderCourseReloaded(view(onlyRetired), translator('ko')));
    expect(text).toContain('`4.1`');
    expect(text).not.toMatch(/➕|✏️|⏭️|그대로인/);
  });
});
