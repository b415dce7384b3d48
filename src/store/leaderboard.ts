import type { Database, Statement } from 'better-sqlite3';
import { type ExportRow, prepareExportRows } from './export-rows.js';
import { totalsBucket } from './scoring.js';
import type { EpochMs, Scope } from './types.js';

export interface RankedLearner {
  /** 1-based; ties on points go to whoever reached them first. */
  rank: number;
  userId: string;
  points: number;
  reachedAt: EpochMs;
}

export interface LearnerRank extends RankedLearner {
  /** Learners with points in the same scope. */
  outOf: number;
}

type ScopeKind = 'guild' | 'group' | 'lesson' | 'groupLesson' | 'period' | 'groupPeriod';

interface ScopeStatements {
  top: Statement<ScopeParams & { limit: number; offset: number }, Omit<RankedLearner, 'rank'>>;
  self: Statement<ScopeParams & { userId: string }, { points: number; reachedAt: number }>;
  ahead: Statement<ScopeParams & { userId: string; points: number; reachedAt: number }, { ahead: number }>;
  ranked: Statement<ScopeParams, { ranked: number }>;
}

interface ScopeParams {
  guildId: string;
  groupChannelId: string | null;
  lessonId: string | null;
  /** The score_buckets and period_scores key: the lesson id, or the totals key. */
  bucket: string;
  period: string | null;
}

function scopeKind(scope: Scope): ScopeKind {
  const group = scope.groupChannelId !== undefined;
  if (scope.period !== undefined) return group ? 'groupPeriod' : 'period';
  if (group) return scope.lessonId !== undefined ? 'groupLesson' : 'group';
  return scope.lessonId !== undefined ? 'lesson' : 'guild';
}

/**
 * The rows one scope ranks: server totals (learners), one lesson's points (lesson_scores) or a
 * period's (period_scores: totals or one lesson), optionally only a study group's members. Group
 * scopes start from the member list (small); the others walk the points index directly.
 */
function scopedRows(kind: ScopeKind): string {
  const periodic = kind === 'period' || kind === 'groupPeriod';
  const lesson = kind === 'lesson' || kind === 'groupLesson';
  const table = periodic ? 'period_scores' : lesson ? 'lesson_scores' : 'learners';
  const lessonFilter = periodic
    ? ' AND t.period = @period AND t.lesson_id = @bucket'
    : lesson
      ? ' AND t.lesson_id = @lessonId'
      : '';
  if (kind === 'group' || kind === 'groupLesson' || kind === 'groupPeriod') {
    return `study_groups g CROSS JOIN group_members m CROSS JOIN ${table} t
      WHERE g.guild_id = @guildId AND g.channel_id = @groupChannelId AND m.group_id = g.group_id
        AND t.guild_id = g.guild_id AND t.user_id = m.user_id${lessonFilter}`;
  }
  return `${table} t WHERE t.guild_id = @guildId${lessonFilter}`;
}

function prepareScope(db: Database, kind: ScopeKind): ScopeStatements {
  const rows = scopedRows(kind);
  // Server and lesson scopes have points buckets; a group is small enough to count directly, and
  // a period's learners are counted on its index (one period holds only who was active in it).
  const bucketed = kind === 'guild' || kind === 'lesson';
  return {
    top: db.prepare(
      `SELECT t.user_id AS userId, t.points, t.points_reached_at AS reachedAt FROM ${rows} AND t.points > 0
       ORDER BY t.points DESC, t.points_reached_at ASC, t.user_id ASC LIMIT @limit OFFSET @offset`,
    ),
    self: db.prepare(
      `SELECT t.points, t.points_reached_at AS reachedAt FROM ${rows} AND t.user_id = @userId`,
    ),
    ahead: db.prepare(
      bucketed
        ? // Learners with more points come from the buckets; equal points reached earlier from the index.
          `SELECT COALESCE((SELECT SUM(b.learners) FROM score_buckets b
                  WHERE b.guild_id = @guildId AND b.lesson_id = @bucket AND b.points > @points), 0)
                + (SELECT COUNT(*) FROM ${rows} AND t.points = @points
                     AND (t.points_reached_at, t.user_id) < (@reachedAt, @userId)) AS ahead`
        : `SELECT COUNT(*) AS ahead FROM ${rows}
             AND (t.points > @points OR (t.points = @points AND (t.points_reached_at, t.user_id) < (@reachedAt, @userId)))`,
    ),
    ranked: db.prepare(
      bucketed
        ? `SELECT COALESCE(SUM(b.learners), 0) AS ranked FROM score_buckets b
           WHERE b.guild_id = @guildId AND b.lesson_id = @bucket AND b.points > 0`
        : `SELECT COUNT(*) AS ranked FROM ${rows} AND t.points > 0`,
    ),
  };
}

function scopeParams(scope: Scope): ScopeParams {
  return {
    guildId: scope.guildId,
    groupChannelId: scope.groupChannelId ?? null,
    lessonId: scope.lessonId ?? null,
    bucket: scope.lessonId ?? totalsBucket,
    period: scope.period ?? null,
  };
}

/** Rankings read from the incrementally kept points tables, never from the event history. */
export class Leaderboard {
  private readonly statements: Record<ScopeKind, ScopeStatements>;
  private readonly listExportRows: (scope: Scope) => ExportRow[];

  constructor(db: Database) {
    this.listExportRows = prepareExportRows(db);
    this.statements = {
      guild: prepareScope(db, 'guild'),
      group: prepareScope(db, 'group'),
      lesson: prepareScope(db, 'lesson'),
      groupLesson: prepareScope(db, 'groupLesson'),
      period: prepareScope(db, 'period'),
      groupPeriod: prepareScope(db, 'groupPeriod'),
    };
  }

  /** The best learners with points in the scope. */
  top(scope: Scope & { limit: number; offset?: number }): RankedLearner[] {
    const offset = scope.offset ?? 0;
    return this.statements[scopeKind(scope)].top
      .all({ ...scopeParams(scope), limit: scope.limit, offset })
      .map((row, index) => ({ rank: offset + index + 1, ...row }));
  }

  /** A learner's place in the scope, or null without points there (or outside the group). */
  rank(scope: Scope & { userId: string }): LearnerRank | null {
    const statements = this.statements[scopeKind(scope)];
    const params = scopeParams(scope);
    const self = statements.self.get({ ...params, userId: scope.userId });
    if (!self || self.points <= 0) return null;
    const ahead = statements.ahead.get({ ...params, userId: scope.userId, ...self })?.ahead ?? 0;
    const outOf = statements.ranked.get(params)?.ranked ?? 0;
    return { rank: ahead + 1, userId: scope.userId, points: self.points, reachedAt: self.reachedAt, outOf };
  }

  /** Every learner of the scope × each current lesson (or the scope's lesson), for the CSV export. */
  exportRows(scope: Scope): ExportRow[] {
    return this.listExportRows(scope);
  }
}
