import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/index.js';
import { guildId, makeCourse, makeLesson, type TempStore, tempStore, user } from './factory.js';

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.cleanup());

const learner = { guildId, userId: user(1) };

describe('lesson sync', () => {
  it('adds new lessons in course order and lists them back', () => {
    const first = makeLesson({ id: '5.2', steps: ['step-1', 'step-2'], questions: { q1: 'B' } });
    const second = makeLesson({ id: '5.1', steps: ['step-1'] });
    const report = temp.store.lessons.sync(makeCourse(first, second));
    expect(report.added).toEqual([
      {
        lessonId: '5.2',
        stepsAdded: ['step-1', 'step-2'],
        stepsRemoved: [],
        questionsAdded: ['q1'],
        questionsRemoved: [],
      },
      { lessonId: '5.1', stepsAdded: ['step-1'], stepsRemoved: [], questionsAdded: [], questionsRemoved: [] },
    ]);
    expect(temp.store.lessons.list().map((stored) => stored.lesson.id)).toEqual(['5.2', '5.1']);
    expect(temp.store.lessons.get('5.2')).toEqual(first);
  });

  it('reports an unchanged lesson as unchanged', () => {
    const lesson = makeLesson({ id: '5.2', steps: ['step-1'] });
    temp.store.lessons.sync(makeCourse(lesson));
    expect(temp.store.lessons.sync(makeCourse(lesson))).toEqual({
      added: [],
      updated: [],
      unchanged: ['5.2'],
      skipped: [],
      retired: [],
    });
  });

  it('upserts new content and keeps progress through stable step ids; removed steps stop counting', () => {
    const v1 = makeLesson({ id: '5.2', steps: ['step-1', 'step-2', 'step-3'], questions: { q1: 'A' } });
    temp.store.lessons.sync(makeCourse(v1));
    for (const stepId of ['step-1', 'step-2', 'step-3']) {
      temp.store.progress.completeStep({ ...learner, lessonId: '5.2', stepId, at: 1_000 });
    }
    const v2 = makeLesson({
      id: '5.2',
      steps: ['step-1', 'step-3', 'step-4'],
      questions: { q1: 'A', q2: 'C' },
      hash: 'hash-5.2-v2',
    });
    const report = temp.store.lessons.sync(makeCourse(v2));
    expect(report.updated).toEqual([
      {
        lessonId: '5.2',
        stepsAdded: ['step-4'],
        stepsRemoved: ['step-2'],
        questionsAdded: ['q2'],
        questionsRemoved: [],
      },
    ]);
    expect(temp.store.lessons.get('5.2')?.contentHash).toBe('hash-5.2-v2');
    expect(temp.store.progress.completedSteps({ ...learner, lessonId: '5.2' })).toEqual(['step-1', 'step-3']);
    const [summary] = temp.store.progress.summary(learner);
    expect(summary).toMatchObject({ lessonId: '5.2', stepsDone: 2, stepsTotal: 3, quizTotal: 2 });
    // The removed step's history stays in the table.
    const kept = temp.store.db
      .prepare("SELECT COUNT(*) AS n FROM step_completions WHERE step_id = 'step-2'")
      .get() as { n: number };
    expect(kept.n).toBe(1);
    // Completing a removed step through an old button is accepted but earns nothing.
    expect(
      temp.store.progress.completeStep({ ...learner, lessonId: '5.2', stepId: 'step-2', at: 2_000 }),
    ).toEqual({ firstTime: false, pointsAwarded: 0, lessonCompleted: false });
  });

  it('brings a removed step back with its history when it returns', () => {
    temp.store.lessons.sync(makeCourse(makeLesson({ id: '5.2', steps: ['step-1', 'step-2'] })));
    temp.store.progress.completeStep({ ...learner, lessonId: '5.2', stepId: 'step-2', at: 1 });
    temp.store.lessons.sync(makeCourse(makeLesson({ id: '5.2', steps: ['step-1'], hash: 'v2' })));
    expect(temp.store.progress.completedSteps({ ...learner, lessonId: '5.2' })).toEqual([]);
    const report = temp.store.lessons.sync(
      makeCourse(makeLesson({ id: '5.2', steps: ['step-1', 'step-2'], hash: 'v3' })),
    );
    expect(report.updated[0]?.stepsAdded).toEqual(['step-2']);
    expect(temp.store.progress.completedSteps({ ...learner, lessonId: '5.2' })).toEqual(['step-2']);
  });

  it('stores an insert-mode lesson only when it is absent', () => {
    const original = makeLesson({ id: '5.3', steps: ['step-1'], updateMode: 'insert' });
    expect(temp.store.lessons.sync(makeCourse(original)).added.map((change) => change.lessonId)).toEqual([
      '5.3',
    ]);
    const edited = makeLesson({
      id: '5.3',
      steps: ['step-1', 'step-2'],
      updateMode: 'insert',
      hash: 'other',
    });
    const report = temp.store.lessons.sync(makeCourse(edited));
    expect(report.skipped).toEqual(['5.3']);
    expect(report.updated).toEqual([]);
    expect(temp.store.lessons.get('5.3')?.steps.map((step) => step.id)).toEqual(['step-1']);
    expect(temp.store.lessons.get('5.3')?.contentHash).toBe('hash-5.3-v1');
  });

  it('retires lessons that left the course but keeps them readable for old buttons', () => {
    const kept = makeLesson({ id: '5.1', steps: ['step-1'] });
    const dropped = makeLesson({ id: '5.2', steps: ['step-1'] });
    temp.store.lessons.sync(makeCourse(kept, dropped));
    const report = temp.store.lessons.sync(makeCourse(kept));
    expect(report.retired).toEqual(['5.2']);
    expect(temp.store.lessons.list().map((stored) => stored.lesson.id)).toEqual(['5.1']);
    expect(temp.store.lessons.get('5.2')?.id).toBe('5.2');
    expect(temp.store.progress.summary(learner).map((row) => row.lessonId)).toEqual(['5.1']);
  });

  it('refreshes the stored JSON when the parser output changes for the same file', () => {
    const lesson = makeLesson({ id: '5.2', steps: ['step-1'] });
    temp.store.lessons.sync(makeCourse(lesson));
    const reparsed = { ...lesson, intro: [{ kind: 'paragraph' as const, text: '새 소개', line: 3 }] };
    const report = temp.store.lessons.sync(makeCourse(reparsed));
    expect(report.unchanged).toEqual(['5.2']);
    expect(temp.store.lessons.get('5.2')?.intro).toEqual(reparsed.intro);
  });

  it('refuses progress on an unknown step with a store error', () => {
    temp.store.lessons.sync(makeCourse(makeLesson({ id: '5.2', steps: ['step-1'] })));
    expect(() =>
      temp.store.progress.completeStep({ ...learner, lessonId: '5.2', stepId: 'nope', at: 1 }),
    ).toThrow(StoreError);
    expect(() =>
      temp.store.progress.setPosition({ ...learner, lessonId: '9.9', pageIndex: 0, at: 1 }),
    ).toThrow(/9\.9/);
  });

  it('refuses stored content that lost its shape with a clear store error', () => {
    temp.store.lessons.sync(makeCourse(makeLesson({ id: '5.2', steps: ['step-1'] })));
    temp.store.db.prepare(`UPDATE lessons SET content_json = '{"id":"5.2"}', content_hash = 'edited'`).run();
    let caught: unknown;
    try {
      temp.store.lessons.list();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).code).toBe('stored-lesson-invalid');
  });

  it('keeps each lesson’s check with it and finds a lesson by the file it came from', () => {
    const check = {
      repository: 'image-gallery',
      tag: 'v1',
      baseImage: 'diamol/base',
      fixSteps: { tag: 'step-1', push: 'step-1', publish: 'step-1', build: null },
      buildHint: null,
      buildCommand: null,
    };
    const first = makeLesson({ id: '5.2', steps: ['step-1'] });
    const second = makeLesson({ id: '5.3', steps: ['step-1'] });
    temp.store.lessons.sync({
      entries: [
        { lesson: first, check },
        { lesson: second, check: null },
      ],
    });
    expect(temp.store.lessons.list().map((stored) => [stored.lesson.id, stored.check])).toEqual([
      ['5.2', check],
      ['5.3', null],
    ]);
    // A check changes without the content changing.
    const moved = { ...check, tag: 'v2' };
    temp.store.lessons.sync({ entries: [{ lesson: first, check: moved }] });
    expect(temp.store.lessons.list()[0]?.check).toEqual(moved);
    expect(temp.store.lessons.findByFile('5.2.md')?.lesson).toEqual(first);
    // A retired lesson is still found by its file, for serving while its file is broken.
    expect(temp.store.lessons.findByFile('5.3.md')?.lesson).toEqual(second);
    expect(temp.store.lessons.findByFile('missing.md')).toBeUndefined();
  });
});
