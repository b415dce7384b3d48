import type { Migration } from '../migrate.js';

/**
 * A study group's week (issue 13, items 3 and 4):
 * - `group_members.display_name`: the name a member was last seen with (added, joined), so a
 *   digest can name people as text without asking Discord for each of them.
 * - `learners.active_week` / `learners.streak_weeks`: the course-time-zone week (days since the
 *   Monday 1969-12-29, divided by 7) of the learner's last learning event and how many weeks in
 *   a row up to it had one; updated by the same statement that notes any activity, so a streak
 *   costs no extra page per event.
 * - `group_digests`: each group's weekly digest setting and its last run. A slot is the epoch
 *   time the digest was due; `covered_slot` is the last one handled (sent, failed for good, or
 *   given up), `sending_slot` a slot claimed before sending and not yet confirmed.
 * - `reminders`: a learner's personal inactivity reminder. `reminded_for` is the activity time
 *   (the later of the last activity and the time the reminder was set) the last reminder was for,
 *   so one inactivity stretch gets one reminder.
 * (Self-contained on purpose: a released migration must not change with later code.)
 */
export const communityWeek: Migration = {
  version: 7,
  name: 'community week',
  sql: `
ALTER TABLE group_members ADD COLUMN display_name TEXT;

ALTER TABLE learners ADD COLUMN active_week INTEGER;
ALTER TABLE learners ADD COLUMN streak_weeks INTEGER NOT NULL DEFAULT 0;

CREATE TABLE group_digests (
  group_id      INTEGER PRIMARY KEY REFERENCES study_groups (group_id) ON DELETE CASCADE,
  enabled       INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  day_of_week   INTEGER NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
  hour          INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  covered_slot  INTEGER NOT NULL,
  sending_slot  INTEGER,
  sending_since INTEGER,
  last_outcome  TEXT,
  last_message_id TEXT,
  updated_by    TEXT NOT NULL,
  updated_at    INTEGER NOT NULL
);

CREATE TABLE reminders (
  guild_id     TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  days         INTEGER NOT NULL CHECK (days BETWEEN 1 AND 30),
  state        TEXT NOT NULL CHECK (state IN ('on', 'dm-closed')),
  set_at       INTEGER NOT NULL,
  reminded_for INTEGER,
  reminded_at  INTEGER,
  PRIMARY KEY (guild_id, user_id)
) WITHOUT ROWID;
CREATE INDEX reminders_on ON reminders (state) WHERE state = 'on';
`,
};
