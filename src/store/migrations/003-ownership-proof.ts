import type { Migration } from '../migrate.js';

/**
 * What /verify needs to make a learner prove they own a Docker ID before claiming it, and to
 * show instructors the same image verified by two learners.
 * - `bot_secrets`: random keys the code creates once on first use (the proof-code key), so
 *   codes stay the same across restarts and backups.
 * - `docker_id_releases`: how often an instructor released a Docker ID in a server; part of
 *   the proof code, so a released ID is claimable again only with a new proof.
 * - `docker_claims.proof_tag`: the tag a claim was proven with. Claims made before proofs
 *   existed keep NULL and stay valid.
 * - A partial index of successful attempts by digest, for finding shared digests.
 * (Self-contained on purpose: a released migration must not change with later code.)
 */
export const ownershipProof: Migration = {
  version: 3,
  name: 'ownership proof and shared digests',
  sql: `
CREATE TABLE bot_secrets (
  name  TEXT PRIMARY KEY,
  value BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE docker_id_releases (
  guild_id  TEXT NOT NULL,
  docker_id TEXT NOT NULL,
  releases  INTEGER NOT NULL CHECK (releases > 0),
  PRIMARY KEY (guild_id, docker_id)
) WITHOUT ROWID;

ALTER TABLE docker_claims ADD COLUMN proof_tag TEXT;

CREATE INDEX verification_attempts_found_by_digest
  ON verification_attempts (guild_id, digest, user_id) WHERE outcome = 'found';
`,
};
