/**
 * The services the commands go through, on a real SQLite file: they stamp the time and hold the
 * rules (who may see whose progress, group names, scopes, which lesson /verify checks, claims).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourseCalendar } from '../../src/calendar.js';
import type { Clock } from '../../src/clock.js';
import type { LessonCheck } from '../../src/content/model.js';
import { BoardService } from '../../src/services/boards.js';
import { CourseCatalog } from '../../src/services/catalog.js';
import { LessonFlow } from '../../src/services/lesson-flow.js';
import { ProgressService } from '../../src/services/progress.js';
import { StudyGroupService } from '../../src/services/study-groups.js';
import { ImageLookup } from '../../src/services/verification/image-lookup.js';
import { VerificationService } from '../../src/services/verification/verification-service.js';
import { guildId, makeCourse, makeLesson, type TempStore, tempStore, user } from '../store/factory.js';

const channelId = '300000000000000001';
const otherChannel = '300000000000000002';
const clock: Clock = { now: () => Date.parse('2026-03-01T09:00:00Z') };
const learner = { guildId, userId: user(1) };
const classmate = { guildId, userId: user(2) };
const check: LessonCheck = {
  repository: 'image-gallery',
  tag: 'v1',
  baseImage: 'diamol/base',
  fixSteps: { tag: 'b', push: 'c', publish: 'c', build: null },
  buildHint: null,
  buildCommand: null,
};

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.cleanup());

describe('ProgressService', () => {
  it('shows learners their own progress, without who shares a digest and without the release button', () => {
    const progress = new ProgressService(temp.store, clock, new CourseCalendar());
    const shown = progress.reportFor({ ...learner, isInstructor: false }, learner.userId);
    expect(shown).toMatchObject({ kind: 'shown', report: { digestTwins: [], mayReleaseClaim: false } });
  });

  it('refuses another learner’s progress to a learner, and shows it to an instructor who may release the Docker ID', () => {
    const progress = new ProgressService(temp.store, clock, new CourseCalendar());
    expect(progress.reportFor({ ...learner, isInstructor: false }, classmate.userId)).toEqual({
      kind: 'not-allowed',
    });
    temp.store.claims.claim({
      ...classmate,
      dockerId: 'classmate',
      at: clock.now(),
      proofTag: 'verify-abc123',
    });
    const shown = progress.reportFor({ ...learner, isInstructor: true }, classmate.userId);
    expect(shown).toMatchObject({
      kind: 'shown',
      report: { claim: { dockerId: 'classmate', proofTag: 'verify-abc123' }, mayReleaseClaim: true },
    });
    // An instructor's own progress offers no release of their own Docker ID.
    expect(progress.reportFor({ ...learner, isInstructor: true }, learner.userId)).toMatchObject({
      report: { mayReleaseClaim: false },
    });
  });
});

describe('StudyGroupService', () => {
  it('keeps names to one trimmed line of 1–50 characters and stores nothing else', () => {
    const groups = new StudyGroupService(temp.store, clock);
    const ref = { guildId, channelId };
    for (const name of ['', '   ', 'a\nb', 'tab\there', '가'.repeat(51)]) {
      expect(groups.create(ref, name, learner.userId), JSON.stringify(name)).toEqual({
        kind: 'invalid-name',
      });
    }
    expect(groups.list(guildId)).toEqual([]);
    const created = groups.create(ref, `  ${'가'.repeat(50)}  `, learner.userId);
    expect(created).toMatchObject({
      kind: 'created',
      group: { name: '가'.repeat(50), createdAt: clock.now() },
    });
    expect(groups.create(ref, '다른 이름', learner.userId)).toMatchObject({ kind: 'already-registered' });
  });

  it('adds members once, and removes a group with its member list only', () => {
    const groups = new StudyGroupService(temp.store, clock);
    const ref = { guildId, channelId };
    expect(groups.addMember(ref, learner.userId)).toEqual({ kind: 'no-group' });
    groups.create(ref, '월요반', user(9));
    expect(groups.addMember(ref, learner.userId)).toMatchObject({ kind: 'added', group: { memberCount: 1 } });
    expect(groups.addMember(ref, learner.userId)).toMatchObject({ kind: 'already-member' });
    expect(groups.remove({ guildId, channelId: otherChannel })).toBeNull();
    expect(groups.remove(ref)).toMatchObject({ name: '월요반', memberCount: 1 });
    expect(groups.find(ref)).toBeNull();
  });
});

describe('BoardService', () => {
  it('narrows a board to a study group only when the channel holds one, and stamps exports', () => {
    const boards = new BoardService(temp.store, clock);
    expect(boards.scopeOf(guildId)).toEqual({ kind: 'scope', scope: { guildId }, group: null });
    expect(boards.scopeOf(guildId, channelId)).toEqual({ kind: 'no-group' });
    new StudyGroupService(temp.store, clock).create({ guildId, channelId }, '월요반', user(9));
    expect(boards.scopeOf(guildId, channelId)).toMatchObject({
      kind: 'scope',
      scope: { guildId, groupChannelId: channelId },
      group: { name: '월요반' },
    });
    expect(boards.export({ guildId })).toEqual({ rows: [], exportedAt: clock.now() });
  });
});

describe('LessonFlow', () => {
  it('/lesson next continues in the last lesson, then the next unfinished one, and says when there is none', () => {
    const first = makeLesson({ id: '1.1', steps: ['a', 'b'] });
    const second = makeLesson({ id: '1.2', steps: ['c'] });
    temp.store.lessons.sync(makeCourse(first, second), clock.now());
    const lessons = new LessonFlow(temp.store, clock);
    expect(lessons.continueIn(learner, [])).toBeNull();
    expect(lessons.continueIn(learner, [first, second])).toMatchObject({
      lesson: { id: '1.1' },
      pageIndex: 0,
    });
    lessons.turn(learner, first, 0, 1);
    expect(lessons.continueIn(learner, [first, second])).toMatchObject({
      lesson: { id: '1.1' },
      pageIndex: 1,
    });
    lessons.finish(learner, first);
    expect(lessons.continueIn(learner, [first, second])).toMatchObject({ lesson: { id: '1.2' } });
  });

  it('carries the completion of a step to the page ▶ leads to, with its points, once', () => {
    const lesson = makeLesson({ id: '1.1', steps: ['a', 'b', 'c'] });
    temp.store.lessons.sync(makeCourse(lesson), clock.now());
    const lessons = new LessonFlow(temp.store, clock);
    expect(lessons.turn(learner, lesson, 0, 1).completion).toMatchObject({
      firstTime: true,
      pointsAwarded: 10,
    });
    expect(lessons.turn(learner, lesson, 1, 0).completion).toBeNull();
    expect(lessons.turn(learner, lesson, 0, 1).completion).toMatchObject({
      firstTime: false,
      pointsAwarded: 0,
    });
  });
});

describe('CourseCatalog.findVersion', () => {
  it('tells a current lesson from a changed and a retired one', () => {
    const catalog = new CourseCatalog(temp.store);
    const lesson = makeLesson({ id: '1.1', steps: ['a'], hash: 'abcdef0123456789' });
    catalog.sync(makeCourse(lesson), clock.now());
    expect(catalog.findVersion('1.1', 'abcdef01')).toMatchObject({ kind: 'current', entry: { lesson } });
    expect(catalog.findVersion('1.1', '00000000')).toEqual({ kind: 'changed' });
    expect(catalog.findVersion('9.9', 'abcdef01')).toEqual({ kind: 'retired' });
  });
});

describe('VerificationService', () => {
  // Nothing here looks an image up: the lookup is never asked.
  const lookup = new ImageLookup({
    client: undefined as never,
    cooldownSeconds: 0,
    clock,
  });

  it('checks the learner’s current lesson when it has a check, else the first lesson that has one', () => {
    const verification = new VerificationService(temp.store, lookup, clock);
    const plain = { lesson: makeLesson({ id: '1.1', steps: ['a'] }), check: null };
    const first = { lesson: makeLesson({ id: '1.2', steps: ['a'] }), check };
    const second = { lesson: makeLesson({ id: '1.3', steps: ['a'] }), check };
    temp.store.lessons.sync({ entries: [plain, first, second] }, clock.now());
    expect(verification.lessonToCheck(learner, [plain])).toBeNull();
    expect(verification.lessonToCheck(learner, [plain, first, second])?.lesson.id).toBe('1.2');
    new LessonFlow(temp.store, clock).open(learner, second.lesson);
    expect(verification.lessonToCheck(learner, [plain, first, second])?.lesson.id).toBe('1.3');
    new LessonFlow(temp.store, clock).open(learner, plain.lesson);
    expect(verification.lessonToCheck(learner, [plain, first, second])?.lesson.id).toBe('1.2');
  });
});
