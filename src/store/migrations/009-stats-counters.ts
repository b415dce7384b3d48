import type { Migration } from '../migrate.js';

/** Keeps one option counter (`answers` or `first_tries`) in step with the rows of `table`. */
function optionCounterTriggers(name: string, table: string, optionColumn: string, counter: string): string {
  const initial = counter === 'answers' ? '0, 1' : '1, 0';
  return `CREATE TRIGGER ${name} AFTER INSERT ON ${table} BEGIN
  INSERT INTO stats_option_answers (guild_id, lesson_id, question_id, option_key, first_tries, answers)
    VALUES (NEW.guild_id, NEW.lesson_id, NEW.question_id, NEW.${optionColumn}, ${initial})
    ON CONFLICT DO UPDATE SET ${counter} = ${counter} + 1;
END;
CREATE TRIGGER ${name}_removed AFTER DELETE ON ${table} BEGIN
  UPDATE stats_option_answers SET ${counter} = ${counter} - 1
    WHERE guild_id = OLD.guild_id AND lesson_id = OLD.lesson_id AND question_id = OLD.question_id
      AND option_key = OLD.${optionColumn};
END;`;
}

/**
 * Counters for /stats (issue 13), so a server's lesson statistics read a few rows instead of
 * counting every learner's history of the lesson:
 * - `stats_step_learners`: learners who completed each step (retired steps keep their count;
 *   /stats shows only current ones);
 * - `stats_lesson_openers`: learners who opened the lesson (a position row);
 * - `stats_option_answers`: per question and option, the learners whose first answer it was and
 *   every press of it (retries included);
 * - `stats_question_correct`: learners who answered each question correctly at least once.
 * Triggers on the history tables keep them in the event's own transaction, whatever writes the
 * history (answers, /correct reset-lesson deleting a lesson's steps and quiz results); the
 * backfill counts the history once. A study group's scope is counted from its members' rows
 * instead; `quiz_attempts_by_learner` lets it find a member's answers without reading the lesson's.
 * (Self-contained on purpose: a released migration must not change with later code.)
 */
export const statsCounters: Migration = {
  version: 9,
  name: 'lesson statistics counters',
  sql: `
CREATE TABLE stats_step_learners (
  guild_id  TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  step_id   TEXT NOT NULL,
  learners  INTEGER NOT NULL,
  PRIMARY KEY (guild_id, lesson_id, step_id)
) WITHOUT ROWID;

CREATE TABLE stats_lesson_openers (
  guild_id  TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  learners  INTEGER NOT NULL,
  PRIMARY KEY (guild_id, lesson_id)
) WITHOUT ROWID;

CREATE TABLE stats_option_answers (
  guild_id    TEXT NOT NULL,
  lesson_id   TEXT NOT NULL,
  question_id TEXT NOT NULL,
  option_key  TEXT NOT NULL,
  first_tries INTEGER NOT NULL,
  answers     INTEGER NOT NULL,
  PRIMARY KEY (guild_id, lesson_id, question_id, option_key)
) WITHOUT ROWID;

CREATE TABLE stats_question_correct (
  guild_id    TEXT NOT NULL,
  lesson_id   TEXT NOT NULL,
  question_id TEXT NOT NULL,
  learners    INTEGER NOT NULL,
  PRIMARY KEY (guild_id, lesson_id, question_id)
) WITHOUT ROWID;

CREATE INDEX quiz_attempts_by_learner ON quiz_attempts (guild_id, user_id, lesson_id);

INSERT INTO stats_step_learners (guild_id, lesson_id, step_id, learners)
  SELECT guild_id, lesson_id, step_id, COUNT(*) FROM step_completions GROUP BY guild_id, lesson_id, step_id;
INSERT INTO stats_lesson_openers (guild_id, lesson_id, learners)
  SELECT guild_id, lesson_id, COUNT(*) FROM lesson_positions GROUP BY guild_id, lesson_id;
INSERT INTO stats_option_answers (guild_id, lesson_id, question_id, option_key, first_tries, answers)
  SELECT guild_id, lesson_id, question_id, option_key, SUM(first_tries), SUM(answers) FROM (
    SELECT guild_id, lesson_id, question_id, first_choice AS option_key, 1 AS first_tries, 0 AS answers
    FROM quiz_results
    UNION ALL
    SELECT guild_id, lesson_id, question_id, chosen, 0, 1 FROM quiz_attempts
  ) GROUP BY guild_id, lesson_id, question_id, option_key;
INSERT INTO stats_question_correct (guild_id, lesson_id, question_id, learners)
  SELECT guild_id, lesson_id, question_id, COUNT(*) FROM quiz_results WHERE correct_at IS NOT NULL
  GROUP BY guild_id, lesson_id, question_id;

CREATE TRIGGER stats_step_completed AFTER INSERT ON step_completions BEGIN
  INSERT INTO stats_step_learners (guild_id, lesson_id, step_id, learners)
    VALUES (NEW.guild_id, NEW.lesson_id, NEW.step_id, 1)
    ON CONFLICT DO UPDATE SET learners = learners + 1;
END;
CREATE TRIGGER stats_step_uncompleted AFTER DELETE ON step_completions BEGIN
  UPDATE stats_step_learners SET learners = learners - 1
    WHERE guild_id = OLD.guild_id AND lesson_id = OLD.lesson_id AND step_id = OLD.step_id;
END;

CREATE TRIGGER stats_lesson_opened AFTER INSERT ON lesson_positions BEGIN
  INSERT INTO stats_lesson_openers (guild_id, lesson_id, learners) VALUES (NEW.guild_id, NEW.lesson_id, 1)
    ON CONFLICT DO UPDATE SET learners = learners + 1;
END;
CREATE TRIGGER stats_lesson_unopened AFTER DELETE ON lesson_positions BEGIN
  UPDATE stats_lesson_openers SET learners = learners - 1
    WHERE guild_id = OLD.guild_id AND lesson_id = OLD.lesson_id;
END;

${optionCounterTriggers('stats_option_pressed', 'quiz_attempts', 'chosen', 'answers')}
${optionCounterTriggers('stats_first_answer', 'quiz_results', 'first_choice', 'first_tries')}
CREATE TRIGGER stats_correct_answer AFTER INSERT ON quiz_results WHEN NEW.correct_at IS NOT NULL BEGIN
  INSERT INTO stats_question_correct (guild_id, lesson_id, question_id, learners)
    VALUES (NEW.guild_id, NEW.lesson_id, NEW.question_id, 1)
    ON CONFLICT DO UPDATE SET learners = learners + 1;
END;
CREATE TRIGGER stats_correct_answer_removed AFTER DELETE ON quiz_results WHEN OLD.correct_at IS NOT NULL BEGIN
  UPDATE stats_question_correct SET learners = learners - 1
    WHERE guild_id = OLD.guild_id AND lesson_id = OLD.lesson_id AND question_id = OLD.question_id;
END;
-- A retry updates the row; only a first correct answer (or a changed first choice) moves a counter.
CREATE TRIGGER stats_answer_changed AFTER UPDATE OF first_choice, correct_at ON quiz_results
WHEN OLD.first_choice IS NOT NEW.first_choice OR (OLD.correct_at IS NULL) IS NOT (NEW.correct_at IS NULL)
BEGIN
  UPDATE stats_option_answers SET first_tries = first_tries - 1
    WHERE OLD.first_choice IS NOT NEW.first_choice
      AND guild_id = OLD.guild_id AND lesson_id = OLD.lesson_id AND question_id = OLD.question_id
      AND option_key = OLD.first_choice;
  INSERT INTO stats_option_answers (guild_id, lesson_id, question_id, option_key, first_tries, answers)
    SELECT NEW.guild_id, NEW.lesson_id, NEW.question_id, NEW.first_choice, 1, 0
    WHERE OLD.first_choice IS NOT NEW.first_choice
    ON CONFLICT DO UPDATE SET first_tries = first_tries + 1;
  INSERT INTO stats_question_correct (guild_id, lesson_id, question_id, learners)
    SELECT NEW.guild_id, NEW.lesson_id, NEW.question_id,
      (NEW.correct_at IS NOT NULL) - (OLD.correct_at IS NOT NULL) WHERE true
    ON CONFLICT DO UPDATE SET learners = learners + excluded.learners;
END;
`,
};
