import type { Migration } from '../migrate.js';

/**
 * Keeps each lesson's /verify check (from course.yaml) with the lesson, so that a start-up with a
 * malformed course.yaml keeps serving the course order and checks last stored. NULL: no check
 * (or not stored yet: the next sync fills it).
 * (Self-contained on purpose: a released migration must not change with later code.)
 */
export const lessonChecks: Migration = {
  version: 5,
  name: 'lesson checks',
  sql: `
ALTER TABLE lessons ADD COLUMN check_json TEXT;
`,
};
