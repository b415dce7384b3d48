import type { Database } from 'better-sqlite3';
import type { Scope } from './types.js';

/** One learner × one current lesson, for the /leaderboard CSV export. */
export interface ExportRow {
  /** Rank in the scope (by lesson points when the scope has a lesson); null without points. */
  rank: number | null;
  userId: string;
  dockerId: string | null;
  /** Points in the scope: the server total, or the lesson's points for a lesson scope (in its period, if any). */
  scopePoints: number;
  lessonId: string;
  lessonTitle: string;
  lessonPoints: number;
  stepsDone: number;
  stepsTotal: number;
  quizFirstTryCorrect: number;
  quizCorrect: number;
  quizTotal: number;
  verified: boolean;
  completedAt: number | null;
}

const exportSql = `
WITH scoped AS (
  SELECT lr.user_id,
    CASE WHEN @period IS NOT NULL THEN COALESCE(ps.points, 0)
         WHEN @lessonId IS NULL THEN lr.points ELSE COALESCE(ls.points, 0) END AS points,
    CASE WHEN @period IS NOT NULL THEN COALESCE(ps.points_reached_at, 0)
         WHEN @lessonId IS NULL THEN lr.points_reached_at ELSE COALESCE(ls.points_reached_at, 0) END AS reached_at
  FROM learners lr
  LEFT JOIN lesson_scores ls ON ls.guild_id = lr.guild_id AND ls.user_id = lr.user_id AND ls.lesson_id = @lessonId
  LEFT JOIN period_scores ps ON ps.guild_id = lr.guild_id AND ps.period = @period
    AND ps.lesson_id = COALESCE(@lessonId, '') AND ps.user_id = lr.user_id
  WHERE lr.guild_id = @guildId AND (@groupChannelId IS NULL OR lr.user_id IN (
    SELECT gm.user_id FROM group_members gm JOIN study_groups sg ON sg.group_id = gm.group_id
    WHERE sg.guild_id = @guildId AND sg.channel_id = @groupChannelId))
),
ranked AS (
  SELECT user_id, points,
    CASE WHEN points > 0 THEN ROW_NUMBER() OVER (ORDER BY points > 0 DESC, points DESC, reached_at, user_id) END AS rank
  FROM scoped
)
SELECT r.rank, r.user_id AS userId, dc.docker_id AS dockerId, r.points AS scopePoints,
  l.lesson_id AS lessonId, l.title AS lessonTitle, COALESCE(ls.points, 0) AS lessonPoints,
  (SELECT COUNT(*) FROM step_completions c
     JOIN lesson_steps s ON s.lesson_id = c.lesson_id AND s.step_id = c.step_id AND s.current = 1
   WHERE c.guild_id = @guildId AND c.user_id = r.user_id AND c.lesson_id = l.lesson_id) AS stepsDone,
  l.step_count AS stepsTotal,
  (SELECT COUNT(*) FROM quiz_results q
     JOIN lesson_questions lq ON lq.lesson_id = q.lesson_id AND lq.question_id = q.question_id AND lq.current = 1
   WHERE q.guild_id = @guildId AND q.user_id = r.user_id AND q.lesson_id = l.lesson_id
     AND q.first_correct = 1) AS quizFirstTryCorrect,
  (SELECT COUNT(*) FROM quiz_results q
     JOIN lesson_questions lq ON lq.lesson_id = q.lesson_id AND lq.question_id = q.question_id AND lq.current = 1
   WHERE q.guild_id = @guildId AND q.user_id = r.user_id AND q.lesson_id = l.lesson_id
     AND q.correct_at IS NOT NULL) AS quizCorrect,
  l.question_count AS quizTotal,
  ls.verified_at IS NOT NULL AS verified,
  ls.completed_at AS completedAt
FROM ranked r
JOIN lessons l ON l.in_course = 1 AND (@lessonId IS NULL OR l.lesson_id = @lessonId)
LEFT JOIN lesson_scores ls ON ls.guild_id = @guildId AND ls.user_id = r.user_id AND ls.lesson_id = l.lesson_id
LEFT JOIN docker_claims dc ON dc.guild_id = @guildId AND dc.user_id = r.user_id
ORDER BY r.rank IS NULL, r.rank, r.user_id, l.position`;

type ExportParams = {
  guildId: string;
  groupChannelId: string | null;
  lessonId: string | null;
  period: string | null;
};

/** Builds the export query once; the returned function lists the scope's rows, ranked learners first. */
export function prepareExportRows(db: Database): (scope: Scope) => ExportRow[] {
  const statement = db.prepare<ExportParams, Omit<ExportRow, 'verified'> & { verified: number }>(exportSql);
  return (scope) =>
    statement
      .all({
        guildId: scope.guildId,
        groupChannelId: scope.groupChannelId ?? null,
        lessonId: scope.lessonId ?? null,
        period: scope.period ?? null,
      })
      .map((row) => ({ ...row, verified: row.verified === 1 }));
}
