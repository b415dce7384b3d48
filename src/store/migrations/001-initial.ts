import type { Migration } from '../migrate.js';

/**
 * The first schema. Learner rows key on (guild_id, user_id) as TEXT snowflakes. Points are kept
 * incrementally in learners / lesson_scores so leaderboards read an index, never the history.
 */
/** Moves a learner between points buckets whenever a row of `table` gains, changes or loses points. */
function bucketTriggers(table: string, newLesson: string, oldLesson: string = newLesson): string {
  const move = (guild: string, lesson: string, points: string, delta: number) =>
    `SELECT ${guild}, ${lesson}, ${points}, ${delta} WHERE ${points} > 0`;
  const upsert =
    'ON CONFLICT (guild_id, lesson_id, points) DO UPDATE SET learners = learners + excluded.learners';
  const insert = 'INSERT INTO score_buckets (guild_id, lesson_id, points, learners)';
  return `
CREATE TRIGGER ${table}_bucket_insert AFTER INSERT ON ${table} WHEN NEW.points > 0 BEGIN
  ${insert} ${move('NEW.guild_id', newLesson, 'NEW.points', 1)} ${upsert};
END;
CREATE TRIGGER ${table}_bucket_update AFTER UPDATE OF points ON ${table} WHEN NEW.points <> OLD.points BEGIN
  ${insert} ${move('OLD.guild_id', oldLesson, 'OLD.points', -1)}
    UNION ALL ${move('NEW.guild_id', newLesson, 'NEW.points', 1)} ${upsert};
END;
CREATE TRIGGER ${table}_bucket_delete AFTER DELETE ON ${table} WHEN OLD.points > 0 BEGIN
  ${insert} ${move('OLD.guild_id', oldLesson, 'OLD.points', -1)} ${upsert};
END;`;
}

export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
CREATE TABLE lessons (
  lesson_id      TEXT PRIMARY KEY,
  position       INTEGER NOT NULL,
  in_course      INTEGER NOT NULL DEFAULT 1 CHECK (in_course IN (0, 1)),
  title          TEXT NOT NULL,
  file           TEXT NOT NULL,
  update_mode    TEXT NOT NULL CHECK (update_mode IN ('upsert', 'insert')),
  content_hash   TEXT NOT NULL,
  content_json   TEXT NOT NULL,
  step_count     INTEGER NOT NULL,
  question_count INTEGER NOT NULL,
  stored_at      INTEGER NOT NULL
);

-- Steps and questions keep their rows after they leave the content (current = 0), so the
-- learners' history stays while only current items count.
CREATE TABLE lesson_steps (
  lesson_id TEXT NOT NULL REFERENCES lessons (lesson_id),
  step_id   TEXT NOT NULL,
  position  INTEGER NOT NULL,
  title     TEXT NOT NULL,
  current   INTEGER NOT NULL CHECK (current IN (0, 1)),
  PRIMARY KEY (lesson_id, step_id)
) WITHOUT ROWID;

CREATE TABLE lesson_questions (
  lesson_id   TEXT NOT NULL REFERENCES lessons (lesson_id),
  question_id TEXT NOT NULL,
  position    INTEGER NOT NULL,
  answer      TEXT NOT NULL,
  option_keys TEXT NOT NULL,
  current     INTEGER NOT NULL CHECK (current IN (0, 1)),
  PRIMARY KEY (lesson_id, question_id)
) WITHOUT ROWID;

CREATE TABLE learners (
  guild_id       TEXT NOT NULL,
  user_id        TEXT NOT NULL,
  points         INTEGER NOT NULL DEFAULT 0,
  points_reached_at INTEGER NOT NULL DEFAULT 0,
  last_lesson_id TEXT REFERENCES lessons (lesson_id),
  last_active_at INTEGER NOT NULL,
  PRIMARY KEY (guild_id, user_id)
) WITHOUT ROWID;
CREATE INDEX learners_by_points ON learners (guild_id, points DESC, points_reached_at ASC, user_id ASC);

CREATE TABLE lesson_scores (
  guild_id          TEXT NOT NULL,
  user_id           TEXT NOT NULL,
  lesson_id         TEXT NOT NULL REFERENCES lessons (lesson_id),
  points            INTEGER NOT NULL DEFAULT 0,
  points_reached_at INTEGER NOT NULL DEFAULT 0,
  completed_at      INTEGER,
  verified_at       INTEGER,
  PRIMARY KEY (guild_id, user_id, lesson_id),
  FOREIGN KEY (guild_id, user_id) REFERENCES learners (guild_id, user_id)
) WITHOUT ROWID;
CREATE INDEX lesson_scores_by_points
  ON lesson_scores (guild_id, lesson_id, points DESC, points_reached_at ASC, user_id ASC);

-- Keyed lesson-first so one learner's steps and a lesson's funnel are both prefix ranges.
CREATE TABLE step_completions (
  guild_id     TEXT NOT NULL,
  lesson_id    TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  step_id      TEXT NOT NULL,
  completed_at INTEGER NOT NULL,
  PRIMARY KEY (guild_id, lesson_id, user_id, step_id),
  FOREIGN KEY (guild_id, user_id) REFERENCES learners (guild_id, user_id),
  FOREIGN KEY (lesson_id, step_id) REFERENCES lesson_steps (lesson_id, step_id)
) WITHOUT ROWID;

-- How many learners hold each points value (lesson_id '' = server totals): a rank adds up the
-- buckets above instead of counting every learner ahead. Triggers keep it in step with the
-- points tables, in the same transaction as the points change.
CREATE TABLE score_buckets (
  guild_id  TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  points    INTEGER NOT NULL,
  learners  INTEGER NOT NULL,
  PRIMARY KEY (guild_id, lesson_id, points)
) WITHOUT ROWID;
${bucketTriggers('learners', "''")}
${bucketTriggers('lesson_scores', 'NEW.lesson_id', 'OLD.lesson_id')}
CREATE TABLE lesson_positions (
  guild_id   TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  lesson_id  TEXT NOT NULL REFERENCES lessons (lesson_id),
  page_index INTEGER NOT NULL CHECK (page_index >= 0),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (guild_id, user_id, lesson_id),
  FOREIGN KEY (guild_id, user_id) REFERENCES learners (guild_id, user_id)
) WITHOUT ROWID;

-- Every answer pressed, for the overall answer distribution.
CREATE TABLE quiz_attempts (
  attempt_id  INTEGER PRIMARY KEY,
  guild_id    TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  lesson_id   TEXT NOT NULL,
  question_id TEXT NOT NULL,
  chosen      TEXT NOT NULL,
  correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
  answered_at INTEGER NOT NULL,
  FOREIGN KEY (guild_id, user_id) REFERENCES learners (guild_id, user_id),
  FOREIGN KEY (lesson_id, question_id) REFERENCES lesson_questions (lesson_id, question_id)
);
CREATE INDEX quiz_attempts_by_question ON quiz_attempts (guild_id, lesson_id, question_id);

-- One row per learner and question: the first try and whether it was ever answered correctly.
CREATE TABLE quiz_results (
  guild_id          TEXT NOT NULL,
  user_id           TEXT NOT NULL,
  lesson_id         TEXT NOT NULL,
  question_id       TEXT NOT NULL,
  first_choice      TEXT NOT NULL,
  first_correct     INTEGER NOT NULL CHECK (first_correct IN (0, 1)),
  first_answered_at INTEGER NOT NULL,
  attempts          INTEGER NOT NULL,
  correct_at        INTEGER,
  PRIMARY KEY (guild_id, user_id, lesson_id, question_id),
  FOREIGN KEY (guild_id, user_id) REFERENCES learners (guild_id, user_id),
  FOREIGN KEY (lesson_id, question_id) REFERENCES lesson_questions (lesson_id, question_id)
) WITHOUT ROWID;
CREATE INDEX quiz_results_by_question ON quiz_results (guild_id, lesson_id, question_id);

CREATE TABLE verification_attempts (
  attempt_id   INTEGER PRIMARY KEY,
  guild_id     TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  lesson_id    TEXT NOT NULL REFERENCES lessons (lesson_id),
  docker_id    TEXT NOT NULL,
  repository   TEXT NOT NULL,
  tag          TEXT NOT NULL,
  outcome      TEXT NOT NULL,
  digest       TEXT,
  details_json TEXT NOT NULL,
  attempted_at INTEGER NOT NULL,
  FOREIGN KEY (guild_id, user_id) REFERENCES learners (guild_id, user_id)
);
CREATE INDEX verification_attempts_by_learner ON verification_attempts (guild_id, user_id, attempted_at);
CREATE INDEX verification_attempts_by_lesson ON verification_attempts (guild_id, lesson_id, outcome);

CREATE TABLE docker_claims (
  guild_id   TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  docker_id  TEXT NOT NULL,
  claimed_at INTEGER NOT NULL,
  PRIMARY KEY (guild_id, user_id),
  UNIQUE (guild_id, docker_id)
) WITHOUT ROWID;

CREATE TABLE study_groups (
  group_id   INTEGER PRIMARY KEY,
  guild_id   TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  name       TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (guild_id, channel_id)
);

CREATE TABLE group_members (
  group_id INTEGER NOT NULL REFERENCES study_groups (group_id) ON DELETE CASCADE,
  user_id  TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (group_id, user_id)
) WITHOUT ROWID;

CREATE TABLE manifests (
  digest     TEXT PRIMARY KEY,
  media_type TEXT NOT NULL,
  body       TEXT NOT NULL
) WITHOUT ROWID;
`,
};
