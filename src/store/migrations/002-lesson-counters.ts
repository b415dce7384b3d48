import type { Migration } from '../migrate.js';

/**
 * Keeps, in each lesson score row, how many of the lesson's current steps the learner finished
 * and how many current questions they answered correctly, so recording an event checks lesson
 * completion from the row it already updates instead of counting the history. Learners with
 * history but no score row get one (0 points, so boards and buckets do not change).
 * (Self-contained on purpose: a released migration must not change with later code.)
 */
export const lessonCounters: Migration = {
  version: 2,
  name: 'lesson progress counters',
  sql: `
ALTER TABLE lesson_scores ADD COLUMN steps_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE lesson_scores ADD COLUMN questions_correct INTEGER NOT NULL DEFAULT 0;

INSERT INTO lesson_scores (guild_id, user_id, lesson_id)
  SELECT DISTINCT guild_id, user_id, lesson_id FROM step_completions WHERE true
  ON CONFLICT DO NOTHING;
INSERT INTO lesson_scores (guild_id, user_id, lesson_id)
  SELECT DISTINCT guild_id, user_id, lesson_id FROM quiz_results WHERE correct_at IS NOT NULL
  ON CONFLICT DO NOTHING;

UPDATE lesson_scores SET
  steps_done = (SELECT COUNT(*) FROM step_completions c
    JOIN lesson_steps s ON s.lesson_id = c.lesson_id AND s.step_id = c.step_id AND s.current = 1
    WHERE c.guild_id = lesson_scores.guild_id AND c.lesson_id = lesson_scores.lesson_id
      AND c.user_id = lesson_scores.user_id),
  questions_correct = (SELECT COUNT(*) FROM quiz_results r
    JOIN lesson_questions q ON q.lesson_id = r.lesson_id AND q.question_id = r.question_id AND q.current = 1
    WHERE r.guild_id = lesson_scores.guild_id AND r.user_id = lesson_scores.user_id
      AND r.lesson_id = lesson_scores.lesson_id AND r.correct_at IS NOT NULL);
`,
};
