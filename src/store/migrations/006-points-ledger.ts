import type { Migration } from '../migrate.js';

/**
 * Points with a record of when each was earned, seasons, and corrections with an audit log.
 *
 * - `points_ledger`: one row per award or correction (kind, points, time). learners.points is the
 *   sum of a learner's rows, lesson_scores.points the sum of their rows for that lesson.
 *   Backfilled from the event tables: a step at its completion time, a quiz question at its first
 *   correct answer (first try 20 / later 5), the lesson bonus at lesson_scores.completed_at, a
 *   verification at lesson_scores.verified_at. Where history and totals differ (a step retired
 *   before it was finished earns nothing but is still in step_completions), one `backfill` row per
 *   lesson score (and per learner) at the time the points were last reached makes the sums equal.
 * - `period_scores`: points per week, month and season (and per lesson), kept in the same
 *   transaction as each award. The store fills it from the ledger when it opens with a course
 *   time zone other than the one recorded in `store_settings` (so also right after this migration).
 * - `seasons` (one open season per server), `corrections` (the audit log) and
 *   `pending_corrections` (corrections waiting for the instructor's confirmation button).
 * (Self-contained on purpose: a released migration must not change with later code.)
 */
export const pointsLedger: Migration = {
  version: 6,
  name: 'points ledger, periods, seasons and corrections',
  sql: `
CREATE TABLE seasons (
  season_id  INTEGER PRIMARY KEY,
  guild_id   TEXT NOT NULL,
  name       TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  started_by TEXT NOT NULL,
  ended_at   INTEGER
);
CREATE UNIQUE INDEX seasons_open ON seasons (guild_id) WHERE ended_at IS NULL;
CREATE INDEX seasons_by_guild ON seasons (guild_id, started_at);

CREATE TABLE corrections (
  correction_id INTEGER PRIMARY KEY,
  guild_id      TEXT NOT NULL,
  user_id       TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('reset-lesson', 'adjust-points', 'release-docker-id')),
  lesson_id     TEXT,
  points_before INTEGER NOT NULL,
  points_after  INTEGER NOT NULL,
  reason        TEXT,
  details_json  TEXT NOT NULL,
  by_user_id    TEXT NOT NULL,
  at            INTEGER NOT NULL
);
CREATE INDEX corrections_by_learner ON corrections (guild_id, user_id, at);

CREATE TABLE pending_corrections (
  pending_id INTEGER PRIMARY KEY,
  guild_id   TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('reset-lesson', 'adjust-points', 'release-docker-id')),
  lesson_id  TEXT,
  points     INTEGER NOT NULL DEFAULT 0,
  reason     TEXT,
  by_user_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- lesson_id NULL: points not tied to a lesson (an adjustment without one).
CREATE TABLE points_ledger (
  entry_id      INTEGER PRIMARY KEY,
  guild_id      TEXT NOT NULL,
  user_id       TEXT NOT NULL,
  lesson_id     TEXT,
  kind          TEXT NOT NULL CHECK (kind IN ('step', 'quiz-first-try', 'quiz-retry', 'completion',
                  'verified', 'adjustment', 'reset', 'backfill')),
  points        INTEGER NOT NULL,
  at            INTEGER NOT NULL,
  -- The season running when the points were recorded (its board counts them), if any.
  season_id     INTEGER REFERENCES seasons (season_id),
  correction_id INTEGER REFERENCES corrections (correction_id)
);

CREATE TABLE period_scores (
  guild_id          TEXT NOT NULL,
  period            TEXT NOT NULL,
  lesson_id         TEXT NOT NULL,
  user_id           TEXT NOT NULL,
  points            INTEGER NOT NULL,
  points_reached_at INTEGER NOT NULL,
  PRIMARY KEY (guild_id, period, lesson_id, user_id)
) WITHOUT ROWID;
CREATE INDEX period_scores_by_points
  ON period_scores (guild_id, period, lesson_id, points DESC, points_reached_at ASC, user_id ASC);

CREATE TABLE store_settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO points_ledger (guild_id, user_id, lesson_id, kind, points, at)
  SELECT guild_id, user_id, lesson_id, kind, points, at FROM (
    SELECT guild_id, user_id, lesson_id, 'step' AS kind, 10 AS points, completed_at AS at
      FROM step_completions
    UNION ALL
    SELECT guild_id, user_id, lesson_id, 'quiz-first-try', 20, first_answered_at
      FROM quiz_results WHERE first_correct = 1
    UNION ALL
    SELECT guild_id, user_id, lesson_id, 'quiz-retry', 5, correct_at
      FROM quiz_results WHERE first_correct = 0 AND correct_at IS NOT NULL
    UNION ALL
    SELECT guild_id, user_id, lesson_id, 'completion', 30, completed_at
      FROM lesson_scores WHERE completed_at IS NOT NULL
    UNION ALL
    SELECT guild_id, user_id, lesson_id, 'verified', 50, verified_at
      FROM lesson_scores WHERE verified_at IS NOT NULL
  ) ORDER BY at;

INSERT INTO points_ledger (guild_id, user_id, lesson_id, kind, points, at)
  SELECT s.guild_id, s.user_id, s.lesson_id, 'backfill',
         s.points - COALESCE(h.points, 0), s.points_reached_at
  FROM lesson_scores s LEFT JOIN (
    SELECT guild_id, user_id, lesson_id, SUM(points) AS points FROM points_ledger
    GROUP BY guild_id, user_id, lesson_id
  ) h ON h.guild_id = s.guild_id AND h.user_id = s.user_id AND h.lesson_id = s.lesson_id
  WHERE s.points <> COALESCE(h.points, 0);

-- Ledger rows of learners' history with no score row (points never counted there).
INSERT INTO points_ledger (guild_id, user_id, lesson_id, kind, points, at)
  SELECT h.guild_id, h.user_id, h.lesson_id, 'backfill', -h.points, h.at
  FROM (SELECT guild_id, user_id, lesson_id, SUM(points) AS points, MAX(at) AS at FROM points_ledger
        GROUP BY guild_id, user_id, lesson_id) h
  WHERE h.points <> 0 AND NOT EXISTS (SELECT 1 FROM lesson_scores s
    WHERE s.guild_id = h.guild_id AND s.user_id = h.user_id AND s.lesson_id = h.lesson_id);

INSERT INTO points_ledger (guild_id, user_id, lesson_id, kind, points, at)
  SELECT l.guild_id, l.user_id, NULL, 'backfill', l.points - COALESCE(h.points, 0), l.points_reached_at
  FROM learners l LEFT JOIN (
    SELECT guild_id, user_id, SUM(points) AS points FROM points_ledger GROUP BY guild_id, user_id
  ) h ON h.guild_id = l.guild_id AND h.user_id = l.user_id
  WHERE l.points <> COALESCE(h.points, 0);
`,
};
