import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCell, pointsTable, toCsv } from '../../src/store/index.js';
import { guildId, makeCourse, makeLesson, type TempStore, tempStore, user } from './factory.js';

describe('CSV writer', () => {
  it('quotes commas, quotes and line breaks the RFC 4180 way', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(true)).toBe('true');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('writes CRLF rows after a BOM so spreadsheets read Korean', () => {
    expect(
      toCsv([
        ['이름', '점수'],
        ['김, 철수', 10],
      ]),
    ).toBe('\uFEFF이름,점수\r\n"김, 철수",10\r\n');
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });
});

describe('export rows', () => {
  let temp: TempStore;
  beforeEach(() => {
    temp = tempStore();
    temp.store.lessons.sync(
      makeCourse(
        makeLesson({ id: '5.1', steps: ['s1'], questions: { q1: 'A' } }),
        makeLesson({ id: '5.2', steps: ['s1', 's2'] }),
      ),
    );
  });
  afterEach(() => temp.cleanup());

  it('lists every learner × lesson, ranked learners first, with their Docker ID', () => {
    const one = { guildId, userId: user(1) };
    const two = { guildId, userId: user(2) };
    temp.store.progress.completeStep({ ...one, lessonId: '5.2', stepId: 's1', at: 1 });
    temp.store.quiz.recordAnswer({ ...one, lessonId: '5.1', questionId: 'q1', chosen: 'A', at: 2 });
    temp.store.claims.claim({ ...one, dockerId: '=cmd', at: 3 });
    temp.store.progress.setPosition({ ...two, lessonId: '5.1', pageIndex: 0, at: 4 });
    const rows = temp.store.leaderboard.exportRows({ guildId });
    expect(rows).toEqual([
      {
        rank: 1,
        userId: user(1),
        dockerId: '=cmd',
        scopePoints: pointsTable.stepCompleted + pointsTable.quizFirstTryCorrect,
        lessonId: '5.1',
        lessonTitle: '강의 5.1',
        lessonPoints: pointsTable.quizFirstTryCorrect,
        stepsDone: 0,
        stepsTotal: 1,
        quizFirstTryCorrect: 1,
        quizCorrect: 1,
        quizTotal: 1,
        verified: false,
        completedAt: null,
      },
      expect.objectContaining({ rank: 1, userId: user(1), lessonId: '5.2', stepsDone: 1, stepsTotal: 2 }),
      expect.objectContaining({ rank: null, userId: user(2), lessonId: '5.1', scopePoints: 0 }),
      expect.objectContaining({ rank: null, userId: user(2), lessonId: '5.2', scopePoints: 0 }),
    ]);
    const lessonRows = temp.store.leaderboard.exportRows({ guildId, lessonId: '5.2' });
    expect(lessonRows.map((row) => [row.rank, row.userId, row.lessonId, row.scopePoints])).toEqual([
      [1, user(1), '5.2', pointsTable.stepCompleted],
      [null, user(2), '5.2', 0],
    ]);
    const csv = toCsv(rows.map((row) => [row.rank, row.userId, row.dockerId, row.lessonId]));
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF1,${user(1)},'=cmd,5.1`);
  });

  it('keeps only a study group’s members in a group export', () => {
    const group = { guildId, channelId: '300000000000000001' };
    temp.store.groups.create({ ...group, name: 'G', createdBy: user(100), at: 0 });
    temp.store.groups.addMember({ ...group, userId: user(2), at: 0 });
    temp.store.progress.completeStep({ guildId, userId: user(1), lessonId: '5.2', stepId: 's1', at: 1 });
    temp.store.progress.completeStep({ guildId, userId: user(2), lessonId: '5.2', stepId: 's2', at: 2 });
    const rows = temp.store.leaderboard.exportRows({ guildId, groupChannelId: group.channelId });
    expect(rows.map((row) => [row.rank, row.userId, row.lessonId])).toEqual([
      [1, user(2), '5.1'],
      [1, user(2), '5.2'],
    ]);
  });
});
