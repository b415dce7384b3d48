import { z } from 'zod';
import type { Clock } from '../clock.js';
import { oneLineNameSchema } from '../input-rules.js';
import type {
  ApplyResult,
  CorrectionRecord,
  CorrectionRequest,
  Learner,
  LessonResetScope,
  PendingCorrection,
  Store,
} from '../store/index.js';
import type { Viewer } from './progress.js';

/** How long a confirmation button stays good. */
export const CONFIRM_WINDOW_MS = 5 * 60 * 1000;
/** Longest reason of an adjustment, in characters (the option declares the same). */
export const REASON_MAX = 200;
/** Largest adjustment either way. */
export const ADJUST_MAX = 10_000;
/** Audit entries /progress shows. */
export const HISTORY_SHOWN = 5;

const reasonSchema = oneLineNameSchema(REASON_MAX);
const adjustSchema = z
  .number()
  .int()
  .refine((points) => points !== 0 && Math.abs(points) <= ADJUST_MAX);

/** What the confirmation message says will change. */
export interface CorrectionPreview {
  pending: PendingCorrection;
  /** The learner's total now and after the correction. */
  before: number;
  after: number;
  /** A reset: what it removes. */
  reset?: LessonResetScope;
  /** A release: the Docker ID. */
  dockerId?: string;
}

export type CorrectionAsk =
  | { kind: 'confirm'; preview: CorrectionPreview }
  | { kind: 'not-allowed' }
  /** The lesson holds nothing of the learner's to reset. */
  | { kind: 'nothing-to-reset' }
  /** The learner has no Docker ID linked. */
  | { kind: 'no-claim' }
  | { kind: 'invalid-points' }
  | { kind: 'invalid-reason' }
  /** The adjustment would take the learner (or their lesson) below zero. */
  | { kind: 'below-zero'; current: number };

export type CorrectionConfirm = ApplyResult | { kind: 'not-allowed' } | { kind: 'not-yours' };

/**
 * Instructors' corrections of a learner: each is asked for, shown exactly, and applied only when
 * the same instructor confirms within five minutes; applied ones are in the audit log.
 */
export class CorrectionService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Reset a learner's lesson: their steps, quiz results, verified mark and that lesson's points. */
  requestReset(by: Viewer, learnerId: string, lessonId: string): CorrectionAsk {
    if (!by.isInstructor) return { kind: 'not-allowed' };
    const learner = { guildId: by.guildId, userId: learnerId };
    const reset = this.store.corrections.lessonScope(learner, lessonId);
    if (
      reset.points === 0 &&
      reset.steps === 0 &&
      reset.questions === 0 &&
      !reset.verified &&
      !reset.completed
    )
      return { kind: 'nothing-to-reset' };
    const before = this.store.corrections.total(learner);
    const pending = this.ask(by, { ...learner, kind: 'reset-lesson', lessonId, points: 0, reason: null });
    return { kind: 'confirm', preview: { pending, before, after: before - reset.points, reset } };
  }

  /** Add or take away points, with a reason, optionally within a lesson. */
  requestAdjust(
    by: Viewer,
    learnerId: string,
    points: number,
    reason: string,
    lessonId: string | null,
  ): CorrectionAsk {
    if (!by.isInstructor) return { kind: 'not-allowed' };
    const checkedPoints = adjustSchema.safeParse(points);
    if (!checkedPoints.success) return { kind: 'invalid-points' };
    const checkedReason = reasonSchema.safeParse(reason);
    if (!checkedReason.success) return { kind: 'invalid-reason' };
    const learner = { guildId: by.guildId, userId: learnerId };
    const before = this.store.corrections.total(learner);
    const current = lessonId === null ? before : this.store.corrections.lessonScope(learner, lessonId).points;
    if (current + points < 0) return { kind: 'below-zero', current };
    const pending = this.ask(by, {
      ...learner,
      kind: 'adjust-points',
      lessonId,
      points,
      reason: checkedReason.data,
    });
    return { kind: 'confirm', preview: { pending, before, after: before + points } };
  }

  /** Free the learner's Docker ID in this server (they or another learner may verify with it again). */
  requestRelease(by: Viewer, learnerId: string): CorrectionAsk {
    if (!by.isInstructor) return { kind: 'not-allowed' };
    const learner = { guildId: by.guildId, userId: learnerId };
    const dockerId = this.store.claims.get(learner);
    if (!dockerId) return { kind: 'no-claim' };
    const before = this.store.corrections.total(learner);
    const pending = this.ask(by, {
      ...learner,
      kind: 'release-docker-id',
      lessonId: null,
      points: 0,
      reason: null,
    });
    return { kind: 'confirm', preview: { pending, before, after: before, dockerId } };
  }

  /** The confirmation button: applies the request once, if it is the presser's and still fresh. */
  confirm(by: Viewer, pendingId: number): CorrectionConfirm {
    if (!by.isInstructor) return { kind: 'not-allowed' };
    const pending = this.store.corrections.pending(pendingId, by.guildId);
    if (pending && pending.byUserId !== by.userId) return { kind: 'not-yours' };
    return this.store.corrections.apply({
      pendingId,
      guildId: by.guildId,
      at: this.clock.now(),
      maxAgeMs: CONFIRM_WINDOW_MS,
    });
  }

  /** The cancel button: drops the request. False when it was already gone. */
  cancel(by: Viewer, pendingId: number): boolean | 'not-yours' {
    const pending = this.store.corrections.pending(pendingId, by.guildId);
    if (!pending) return false;
    if (pending.byUserId !== by.userId) return 'not-yours';
    return this.store.corrections.cancel(pendingId, by.guildId);
  }

  /** The learner's latest corrections, newest first (shown on /progress to the learner and instructors). */
  history(learner: Learner): CorrectionRecord[] {
    return this.store.corrections.recent(learner, HISTORY_SHOWN);
  }

  private ask(by: Viewer, request: Omit<CorrectionRequest, 'byUserId'>): PendingCorrection {
    return this.store.corrections.request({ ...request, byUserId: by.userId }, this.clock.now());
  }
}
