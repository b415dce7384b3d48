import type { Database } from 'better-sqlite3';
import type { ClaimRepository } from './claims.js';
import type { Scorekeeper } from './scoring.js';
import type { EpochMs, Learner } from './types.js';

export type CorrectionKind = 'reset-lesson' | 'adjust-points' | 'release-docker-id';

/** A correction an instructor asked for, waiting for their confirmation button. */
export interface CorrectionRequest extends Learner {
  kind: CorrectionKind;
  /** The lesson to reset, or the lesson an adjustment belongs to (null: none). */
  lessonId: string | null;
  /** ± points of an adjustment (0 for the others). */
  points: number;
  /** Why (required for adjustments). */
  reason: string | null;
  byUserId: string;
}

export interface PendingCorrection extends CorrectionRequest {
  pendingId: number;
  createdAt: EpochMs;
}

/** What a lesson reset would remove, read before asking for confirmation (and again when applied). */
export interface LessonResetScope {
  points: number;
  steps: number;
  questions: number;
  verified: boolean;
  completed: boolean;
}

/** One entry of the audit log. */
export interface CorrectionRecord extends Learner {
  correctionId: number;
  kind: CorrectionKind;
  lessonId: string | null;
  pointsBefore: number;
  pointsAfter: number;
  reason: string | null;
  /** Kind-specific numbers: what a reset removed, the released Docker ID. */
  details: CorrectionDetails;
  byUserId: string;
  at: EpochMs;
}

export interface CorrectionDetails {
  steps?: number;
  questions?: number;
  verified?: boolean;
  completed?: boolean;
  dockerId?: string;
}

export type ApplyResult =
  | { kind: 'applied'; record: CorrectionRecord }
  /** Already confirmed, cancelled or replaced: nothing to do. */
  | { kind: 'gone' }
  /** Waited longer than allowed: dropped unapplied. */
  | { kind: 'expired' }
  /** By the time of the confirmation there was nothing left to change (e.g. released meanwhile). */
  | { kind: 'nothing'; request: PendingCorrection };

const pendingColumns = `pending_id AS pendingId, guild_id AS guildId, user_id AS userId, kind,
  lesson_id AS lessonId, points, reason, by_user_id AS byUserId, created_at AS createdAt`;

const recordColumns = `correction_id AS correctionId, guild_id AS guildId, user_id AS userId, kind,
  lesson_id AS lessonId, points_before AS pointsBefore, points_after AS pointsAfter, reason,
  details_json AS detailsJson, by_user_id AS byUserId, at`;

type RecordRow = Omit<CorrectionRecord, 'details'> & { detailsJson: string };

/**
 * Instructors' corrections: reset a learner's lesson, adjust points, release a Docker ID. Each is
 * asked for first (a pending row) and applied only on confirmation, in one transaction with its
 * audit log row and its ledger rows, so every total stays the sum of the ledger.
 */
export class CorrectionRepository {
  private readonly statements;
  private readonly applyInTransaction;

  constructor(
    db: Database,
    private readonly scores: Scorekeeper,
    private readonly claims: ClaimRepository,
  ) {
    const lessonKey = 'guild_id = @guildId AND user_id = @userId AND lesson_id = @lessonId';
    this.statements = {
      insertPending: db.prepare<CorrectionRequest & { at: number }>(
        `INSERT INTO pending_corrections (guild_id, user_id, kind, lesson_id, points, reason, by_user_id, created_at)
         VALUES (@guildId, @userId, @kind, @lessonId, @points, @reason, @byUserId, @at)`,
      ),
      // One open request per instructor: a newer one replaces what they had not confirmed.
      dropPendingBy: db.prepare<{ guildId: string; byUserId: string }>(
        'DELETE FROM pending_corrections WHERE guild_id = @guildId AND by_user_id = @byUserId',
      ),
      selectPending: db.prepare<{ pendingId: number; guildId: string }, PendingCorrection>(
        `SELECT ${pendingColumns} FROM pending_corrections WHERE pending_id = @pendingId AND guild_id = @guildId`,
      ),
      deletePending: db.prepare<{ pendingId: number }>(
        'DELETE FROM pending_corrections WHERE pending_id = @pendingId',
      ),
      lessonScope: db.prepare<Learner & { lessonId: string }, LessonResetScope>(
        `SELECT
           COALESCE((SELECT points FROM lesson_scores WHERE ${lessonKey}), 0) AS points,
           (SELECT COUNT(*) FROM step_completions WHERE ${lessonKey}) AS steps,
           (SELECT COUNT(*) FROM quiz_results WHERE ${lessonKey}) AS questions,
           COALESCE((SELECT verified_at IS NOT NULL FROM lesson_scores WHERE ${lessonKey}), 0) AS verified,
           COALESCE((SELECT completed_at IS NOT NULL FROM lesson_scores WHERE ${lessonKey}), 0) AS completed`,
      ),
      deleteSteps: db.prepare<Learner & { lessonId: string }>(
        `DELETE FROM step_completions WHERE ${lessonKey}`,
      ),
      deleteResults: db.prepare<Learner & { lessonId: string }>(
        `DELETE FROM quiz_results WHERE ${lessonKey}`,
      ),
      clearLesson: db.prepare<Learner & { lessonId: string }>(
        `UPDATE lesson_scores SET steps_done = 0, questions_correct = 0, completed_at = NULL, verified_at = NULL
         WHERE ${lessonKey}`,
      ),
      // An adjustment may be a learner's first points: the row must exist, without counting as activity.
      ensureLearner: db.prepare<Learner & { at: number }>(
        `INSERT INTO learners (guild_id, user_id, last_active_at) VALUES (@guildId, @userId, @at)
         ON CONFLICT (guild_id, user_id) DO NOTHING`,
      ),
      total: db.prepare<Learner, { points: number }>(
        'SELECT points FROM learners WHERE guild_id = @guildId AND user_id = @userId',
      ),
      insertRecord: db.prepare<Omit<CorrectionRecord, 'correctionId' | 'details'> & { detailsJson: string }>(
        `INSERT INTO corrections (guild_id, user_id, kind, lesson_id, points_before, points_after, reason,
           details_json, by_user_id, at)
         VALUES (@guildId, @userId, @kind, @lessonId, @pointsBefore, @pointsAfter, @reason, @detailsJson,
           @byUserId, @at)`,
      ),
      recent: db.prepare<Learner & { limit: number }, RecordRow>(
        `SELECT ${recordColumns} FROM corrections WHERE guild_id = @guildId AND user_id = @userId
         ORDER BY at DESC, correction_id DESC LIMIT @limit`,
      ),
    };
    this.applyInTransaction = db.transaction(
      (request: { pendingId: number; guildId: string; at: EpochMs; maxAgeMs: number }): ApplyResult => {
        const pending = this.statements.selectPending.get(request);
        if (!pending) return { kind: 'gone' };
        this.statements.deletePending.run(pending);
        if (request.at - pending.createdAt > request.maxAgeMs) return { kind: 'expired' };
        return this.applyPending(pending, request.at);
      },
    );
  }

  /** Keeps a request until its instructor confirms it (replacing their previous unconfirmed one). */
  request(request: CorrectionRequest, at: EpochMs): PendingCorrection {
    this.statements.dropPendingBy.run(request);
    const pendingId = Number(this.statements.insertPending.run({ ...request, at }).lastInsertRowid);
    return { ...request, pendingId, createdAt: at };
  }

  pending(pendingId: number, guildId: string): PendingCorrection | null {
    return this.statements.selectPending.get({ pendingId, guildId }) ?? null;
  }

  /** Drops a request unapplied. True when there was one. */
  cancel(pendingId: number, guildId: string): boolean {
    const pending = this.statements.selectPending.get({ pendingId, guildId });
    if (!pending) return false;
    return this.statements.deletePending.run(pending).changes === 1;
  }

  /** Applies a confirmed request once (a second press finds it gone), unless older than `maxAgeMs`. */
  apply(request: { pendingId: number; guildId: string; at: EpochMs; maxAgeMs: number }): ApplyResult {
    return this.applyInTransaction.immediate(request);
  }

  /** What resetting the learner's lesson would remove now. */
  lessonScope(learner: Learner, lessonId: string): LessonResetScope {
    const row = this.statements.lessonScope.get({
      guildId: learner.guildId,
      userId: learner.userId,
      lessonId,
    });
    return {
      points: row?.points ?? 0,
      steps: row?.steps ?? 0,
      questions: row?.questions ?? 0,
      verified: Boolean(row?.verified),
      completed: Boolean(row?.completed),
    };
  }

  /** The learner's server total now. */
  total(learner: Learner): number {
    return this.statements.total.get({ guildId: learner.guildId, userId: learner.userId })?.points ?? 0;
  }

  /** The learner's latest audit entries, newest first. */
  recent(learner: Learner, limit: number): CorrectionRecord[] {
    return this.statements.recent
      .all({ guildId: learner.guildId, userId: learner.userId, limit })
      .map(({ detailsJson, ...row }) => ({ ...row, details: JSON.parse(detailsJson) as CorrectionDetails }));
  }

  private applyPending(pending: PendingCorrection, at: EpochMs): ApplyResult {
    const learner = { guildId: pending.guildId, userId: pending.userId };
    const pointsBefore = this.total(learner);
    let delta = 0;
    let details: CorrectionDetails = {};
    switch (pending.kind) {
      case 'reset-lesson': {
        const lessonId = pending.lessonId ?? '';
        const scope = this.lessonScope(learner, lessonId);
        if (
          scope.points === 0 &&
          scope.steps === 0 &&
          scope.questions === 0 &&
          !scope.verified &&
          !scope.completed
        )
          return { kind: 'nothing', request: pending };
        const key = { ...learner, lessonId };
        this.statements.deleteSteps.run(key);
        this.statements.deleteResults.run(key);
        this.statements.clearLesson.run(key);
        delta = -scope.points;
        details = {
          steps: scope.steps,
          questions: scope.questions,
          verified: scope.verified,
          completed: scope.completed,
        };
        break;
      }
      case 'adjust-points': {
        const current =
          pending.lessonId === null ? pointsBefore : this.lessonScope(learner, pending.lessonId).points;
        // Never below zero, whatever happened between asking and confirming.
        delta = Math.max(pending.points, -Math.min(current, pointsBefore));
        if (delta === 0) return { kind: 'nothing', request: pending };
        break;
      }
      case 'release-docker-id': {
        const dockerId = this.claims.get(learner);
        if (!dockerId) return { kind: 'nothing', request: pending };
        this.claims.release(learner.guildId, dockerId);
        details = { dockerId };
        break;
      }
    }
    // A reset never takes a total below zero: when an earlier deduction without a lesson already
    // took some of the lesson's points, that part is not taken twice (a ledger row gives it back).
    const restored = pending.kind === 'reset-lesson' ? Math.max(0, -(pointsBefore + delta)) : 0;
    const record = {
      ...learner,
      kind: pending.kind,
      lessonId: pending.lessonId,
      pointsBefore,
      pointsAfter: pointsBefore + delta + restored,
      reason: pending.reason,
      byUserId: pending.byUserId,
      at,
    };
    const correctionId = Number(
      this.statements.insertRecord.run({ ...record, detailsJson: JSON.stringify(details) }).lastInsertRowid,
    );
    if (delta !== 0) {
      this.statements.ensureLearner.run({ ...learner, at });
      this.scores.record({
        ...learner,
        lessonId: pending.lessonId,
        kind: pending.kind === 'reset-lesson' ? 'reset' : 'adjustment',
        points: delta,
        at,
        correctionId,
      });
    }
    if (restored > 0) {
      this.scores.record({ ...learner, lessonId: null, kind: 'reset', points: restored, at, correctionId });
    }
    return { kind: 'applied', record: { ...record, correctionId, details } };
  }
}
