/**
 * The weekly digest's group rank is read from the week's period scores, so its points are exactly
 * what `/leaderboard period:week group:` shows for the group's members, whatever happened that
 * week (steps, quiz answers, verifications, corrections, learners outside any group, last week).
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourseCalendar, WEEK_MS } from '../../src/calendar.js';
import { BoardService } from '../../src/services/boards.js';
import { CorrectionService } from '../../src/services/corrections.js';
import { DigestService } from '../../src/services/digests.js';
import { StudyGroupService } from '../../src/services/study-groups.js';
import { guildId, makeCourse, makeLesson, type TempStore, tempStore, user } from '../store/factory.js';

const seoul = (local: string) => Date.parse(`${local}+09:00`);
const lesson = makeLesson({
  id: '5.2',
  steps: ['step-1', 'step-2', 'step-3'],
  questions: { q1: 'A', q2: 'B' },
});
const groups = [
  { channelId: '300000000000000001', name: '월요반', members: [1, 2, 3] },
  { channelId: '300000000000000002', name: '주말반', members: [4, 5] },
  { channelId: '300000000000000003', name: '새벽반', members: [6] },
];
// Learner 7 is in no group; their points count on no group's board.
const learnerIds = [1, 2, 3, 4, 5, 6, 7];
/** A Monday 09:00 digest in Seoul: it ranks the week of 03-02 … 03-08. */
const slot = seoul('2026-03-09T09:00:00');
const instructor = { guildId, userId: user(90), isInstructor: true };

type Event =
  | { kind: 'step'; learner: number; step: number; at: number }
  | { kind: 'answer'; learner: number; question: number; option: number; at: number }
  | { kind: 'verify'; learner: number; at: number }
  | { kind: 'reset'; learner: number; at: number }
  | { kind: 'adjust'; learner: number; points: number; at: number };

// Moments from the week before the digest's week up to the slot.
const at = fc.integer({ min: slot - 2 * WEEK_MS, max: slot - 1 });
const learnerArb = fc.constantFrom(...learnerIds);
const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.record({
    kind: fc.constant('step' as const),
    learner: learnerArb,
    step: fc.integer({ min: 0, max: 2 }),
    at,
  }),
  fc.record({
    kind: fc.constant('answer' as const),
    learner: learnerArb,
    question: fc.integer({ min: 0, max: 1 }),
    option: fc.integer({ min: 0, max: 3 }),
    at,
  }),
  fc.record({ kind: fc.constant('verify' as const), learner: learnerArb, at }),
  fc.record({ kind: fc.constant('reset' as const), learner: learnerArb, at }),
  fc.record({
    kind: fc.constant('adjust' as const),
    learner: learnerArb,
    points: fc.integer({ min: -30, max: 40 }),
    at,
  }),
);

let temp: TempStore;
let now = slot;
const clock = { now: () => now };
/** A fresh store with the lesson and the three groups. */
function setUp(): void {
  temp = tempStore();
  temp.store.lessons.sync(makeCourse(lesson));
  const studyGroups = new StudyGroupService(temp.store, clock);
  for (const group of groups) {
    studyGroups.create({ guildId, channelId: group.channelId }, group.name, user(90));
    temp.store.groups.addMembers(
      { guildId, channelId: group.channelId },
      group.members.map((id) => ({ userId: user(id), displayName: `학습자${id}` })),
      0,
    );
  }
}
beforeEach(setUp);
afterEach(() => temp.cleanup());

function record(event: Event): void {
  const ref = { guildId, userId: user(event.learner), lessonId: '5.2', at: event.at };
  now = event.at;
  switch (event.kind) {
    case 'step':
      temp.store.progress.completeStep({ ...ref, stepId: `step-${event.step + 1}` });
      return;
    case 'answer':
      temp.store.quiz.recordAnswer({
        ...ref,
        questionId: `q${event.question + 1}`,
        chosen: 'ABCD'[event.option]!,
      });
      return;
    case 'verify':
      temp.store.verifications.markVerified(ref);
      return;
    case 'reset':
    case 'adjust': {
      const corrections = new CorrectionService(temp.store, clock);
      const ask =
        event.kind === 'reset'
          ? corrections.requestReset(instructor, ref.userId, '5.2')
          : corrections.requestAdjust(instructor, ref.userId, event.points, '점수 조정', null);
      if (ask.kind === 'confirm') corrections.confirm(instructor, ask.preview.pending.pendingId);
      return;
    }
  }
}

/** The group's points as its week board shows them to an instructor during the digest's week. */
function weekBoardPoints(channelId: string): number {
  now = seoul('2026-03-08T23:59:00');
  const board = new BoardService(temp.store, clock).board(instructor, {
    period: 'week',
    groupChannelId: channelId,
    channelId,
  });
  if (board.kind !== 'board') throw new Error(`no board: ${board.kind}`);
  // The group boards here are shorter than a page, so the page is the whole board.
  expect(board.learners.length).toBeLessThan(25);
  return board.learners.reduce((sum, row) => sum + row.points, 0);
}

function digestRank(channelId: string) {
  const digests = new DigestService(temp.store, clock, new CourseCalendar('Asia/Seoul'));
  const group = temp.store.groups.get({ guildId, channelId })!;
  return digests.groupRank(group, slot - WEEK_MS, slot);
}

describe('DigestService.groupRank', () => {
  it("ranks a Monday digest's groups by the week just ended, as /leaderboard period:week shows it", () => {
    // Last week (before 03-02): not this digest's week.
    record({ kind: 'step', learner: 4, step: 0, at: seoul('2026-03-01T22:00:00') });
    // The digest's week.
    record({ kind: 'step', learner: 1, step: 0, at: seoul('2026-03-03T10:00:00') });
    record({ kind: 'step', learner: 4, step: 1, at: seoul('2026-03-04T10:00:00') });
    record({ kind: 'answer', learner: 5, question: 0, option: 0, at: seoul('2026-03-05T10:00:00') });
    record({ kind: 'verify', learner: 7, at: seoul('2026-03-06T10:00:00') });
    // After the slot, on Monday morning of the next week: not counted either.
    record({ kind: 'step', learner: 6, step: 0, at: seoul('2026-03-09T08:00:00') });

    expect(digestRank(groups[1]!.channelId)).toEqual({ rank: 1, outOf: 3, points: 30 });
    expect(digestRank(groups[0]!.channelId)).toEqual({ rank: 2, outOf: 3, points: 10 });
    expect(digestRank(groups[2]!.channelId)).toEqual({ rank: 3, outOf: 3, points: 0 });
    expect(weekBoardPoints(groups[1]!.channelId)).toBe(30);
  });

  it('agrees with the week board of every group after random events and corrections', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        temp.cleanup();
        setUp();
        for (const event of [...events].sort((a, b) => a.at - b.at)) record(event);
        const boardPoints = groups.map((group) => weekBoardPoints(group.channelId));
        for (const [index, group] of groups.entries()) {
          const rank = digestRank(group.channelId);
          expect(rank.points).toBe(boardPoints[index]);
          expect(rank.outOf).toBe(groups.length);
          expect(rank.rank).toBe(1 + boardPoints.filter((points) => points > boardPoints[index]!).length);
        }
      }),
      { numRuns: 40 },
    );
  });
});
