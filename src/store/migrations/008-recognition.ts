import type { Migration } from '../migrate.js';

/**
 * Recognition (issue 13): completion certificates, and milestone roles with their grant queue.
 *
 * - `course_lessons_done`: the lessons of the course a learner has finished for good — completed
 *   (every step, every question) and, where the lesson has a /verify check, verified — with the
 *   moment the later of the two happened. A learner has completed the course when it holds one
 *   row per lesson in the course. One definition for the certificate, the trigger and backfills.
 * - `certificates`: one per learner (first issue wins, so the code never changes).
 * - `milestone_roles`: which server role a milestone earns (lesson_id '' for the whole course).
 * - `role_grants`: every grant owed, granted or given up, so a failure is retried after a restart
 *   and reported. The triggers enqueue grants in the same transaction as the event that reached
 *   the milestone; nothing in the learner's answer waits for Discord.
 * (Self-contained on purpose: a released migration must not change with later code.)
 */
export const recognition: Migration = {
  version: 8,
  name: 'certificates and milestone roles',
  sql: `
CREATE VIEW course_lessons_done AS
  SELECT s.guild_id, s.user_id, s.lesson_id,
    max(s.completed_at, COALESCE(s.verified_at, 0)) AS done_at
  FROM lesson_scores s JOIN lessons l ON l.lesson_id = s.lesson_id AND l.in_course = 1
  WHERE s.completed_at IS NOT NULL AND (l.check_json IS NULL OR s.verified_at IS NOT NULL);

CREATE TABLE certificates (
  code         TEXT PRIMARY KEY,
  guild_id     TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  completed_at INTEGER NOT NULL,
  image_ref    TEXT NOT NULL,
  digest       TEXT NOT NULL,
  issued_at    INTEGER NOT NULL,
  UNIQUE (guild_id, user_id),
  FOREIGN KEY (guild_id, user_id) REFERENCES learners (guild_id, user_id)
) WITHOUT ROWID;

CREATE TABLE milestone_roles (
  guild_id  TEXT NOT NULL,
  milestone TEXT NOT NULL CHECK (milestone IN ('lesson-verified', 'lesson-completed', 'course-completed')),
  lesson_id TEXT NOT NULL,
  role_id   TEXT NOT NULL,
  set_by    TEXT NOT NULL,
  set_at    INTEGER NOT NULL,
  PRIMARY KEY (guild_id, milestone, lesson_id),
  CHECK ((milestone = 'course-completed') = (lesson_id = ''))
) WITHOUT ROWID;

-- state: 'pending' (due at due_at), 'granted', 'failed' (given up; reported once in the list).
CREATE TABLE role_grants (
  guild_id    TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  role_id     TEXT NOT NULL,
  state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'granted', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  due_at      INTEGER NOT NULL,
  last_error  TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  reported    INTEGER NOT NULL DEFAULT 0 CHECK (reported IN (0, 1)),
  PRIMARY KEY (guild_id, user_id, role_id)
) WITHOUT ROWID;
CREATE INDEX role_grants_due ON role_grants (due_at) WHERE state = 'pending';
CREATE INDEX role_grants_by_role ON role_grants (guild_id, role_id, state);

CREATE TRIGGER milestone_lesson_completed AFTER UPDATE OF completed_at ON lesson_scores
WHEN OLD.completed_at IS NULL AND NEW.completed_at IS NOT NULL
BEGIN
  INSERT INTO role_grants (guild_id, user_id, role_id, due_at, created_at, updated_at)
    SELECT NEW.guild_id, NEW.user_id, m.role_id, NEW.completed_at, NEW.completed_at, NEW.completed_at
    FROM milestone_roles m
    WHERE m.guild_id = NEW.guild_id AND m.milestone = 'lesson-completed' AND m.lesson_id = NEW.lesson_id
  ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER milestone_lesson_verified AFTER UPDATE OF verified_at ON lesson_scores
WHEN OLD.verified_at IS NULL AND NEW.verified_at IS NOT NULL
BEGIN
  INSERT INTO role_grants (guild_id, user_id, role_id, due_at, created_at, updated_at)
    SELECT NEW.guild_id, NEW.user_id, m.role_id, NEW.verified_at, NEW.verified_at, NEW.verified_at
    FROM milestone_roles m
    WHERE m.guild_id = NEW.guild_id AND m.milestone = 'lesson-verified' AND m.lesson_id = NEW.lesson_id
  ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER milestone_course_completed AFTER UPDATE OF completed_at, verified_at ON lesson_scores
WHEN NEW.completed_at IS NOT NULL
  AND (OLD.completed_at IS NULL OR (OLD.verified_at IS NULL AND NEW.verified_at IS NOT NULL))
BEGIN
  INSERT INTO role_grants (guild_id, user_id, role_id, due_at, created_at, updated_at)
    SELECT NEW.guild_id, NEW.user_id, m.role_id,
      max(NEW.completed_at, COALESCE(NEW.verified_at, 0)),
      max(NEW.completed_at, COALESCE(NEW.verified_at, 0)),
      max(NEW.completed_at, COALESCE(NEW.verified_at, 0))
    FROM milestone_roles m
    WHERE m.guild_id = NEW.guild_id AND m.milestone = 'course-completed'
      AND (SELECT COUNT(*) FROM course_lessons_done d
           WHERE d.guild_id = NEW.guild_id AND d.user_id = NEW.user_id)
        = (SELECT COUNT(*) FROM lessons WHERE in_course = 1)
  ON CONFLICT DO NOTHING;
END;
`,
};
