import type { Database } from 'better-sqlite3';
import type { EpochMs, Learner } from './types.js';

export interface ClaimRequest extends Learner {
  dockerId: string;
  at: EpochMs;
  /** Let the learner move from the Docker ID they hold to this one (when it is free). */
  replace?: boolean;
  /** The tag the learner pushed to prove they own the Docker ID. */
  proofTag?: string;
}

/** A learner's claim as instructors see it. */
export interface HeldClaim {
  dockerId: string;
  /** The ownership proof tag; null for claims made before proofs existed. */
  proofTag: string | null;
  claimedAt: EpochMs;
}

export type ClaimResult =
  | { ok: true; dockerId: string }
  /** Another learner in this server holds the Docker ID; an instructor can release it. */
  | { ok: false; reason: 'claimed-by-other'; claimedBy: string }
  /** The learner already holds a different Docker ID in this server. */
  | { ok: false; reason: 'learner-has-other'; dockerId: string };

/**
 * Docker ID claims: one Docker ID per learner per server, and one learner per Docker ID per
 * server. Docker IDs are lower-case on Docker Hub, so they are compared lower-cased. Each
 * release is counted per Docker ID, so a proof made before a release cannot be reused after it.
 */
export class ClaimRepository {
  private readonly selectByUser;
  private readonly selectByDockerId;
  private readonly selectReleases;
  private readonly countRelease;
  private readonly insertClaim;
  private readonly deleteByDockerId;
  private readonly deleteByUser;
  private readonly claimInTransaction;
  private readonly releaseInTransaction;

  constructor(db: Database) {
    this.selectByUser = db.prepare<Learner, HeldClaim>(
      `SELECT docker_id AS dockerId, proof_tag AS proofTag, claimed_at AS claimedAt FROM docker_claims
       WHERE guild_id = @guildId AND user_id = @userId`,
    );
    this.selectReleases = db.prepare<{ guildId: string; dockerId: string }, { releases: number }>(
      'SELECT releases FROM docker_id_releases WHERE guild_id = @guildId AND docker_id = @dockerId',
    );
    this.countRelease = db.prepare<{ guildId: string; dockerId: string }>(
      `INSERT INTO docker_id_releases (guild_id, docker_id, releases) VALUES (@guildId, @dockerId, 1)
       ON CONFLICT (guild_id, docker_id) DO UPDATE SET releases = releases + 1`,
    );
    this.selectByDockerId = db.prepare<{ guildId: string; dockerId: string }, { user_id: string }>(
      'SELECT user_id FROM docker_claims WHERE guild_id = @guildId AND docker_id = @dockerId',
    );
    this.deleteByUser = db.prepare<Learner>(
      'DELETE FROM docker_claims WHERE guild_id = @guildId AND user_id = @userId',
    );
    this.insertClaim = db.prepare<Omit<ClaimRequest, 'proofTag'> & { proofTag: string | null }>(
      `INSERT INTO docker_claims (guild_id, user_id, docker_id, claimed_at, proof_tag)
       VALUES (@guildId, @userId, @dockerId, @at, @proofTag)`,
    );
    this.deleteByDockerId = db.prepare<{ guildId: string; dockerId: string }>(
      'DELETE FROM docker_claims WHERE guild_id = @guildId AND docker_id = @dockerId',
    );
    this.claimInTransaction = db.transaction((request: ClaimRequest): ClaimResult => {
      const owner = this.selectByDockerId.get(request)?.user_id;
      if (owner === request.userId) return { ok: true, dockerId: request.dockerId };
      if (owner !== undefined) return { ok: false, reason: 'claimed-by-other', claimedBy: owner };
      const held = this.selectByUser.get(request)?.dockerId;
      if (held !== undefined) {
        if (!request.replace) return { ok: false, reason: 'learner-has-other', dockerId: held };
        this.deleteByUser.run(request);
      }
      this.insertClaim.run({ ...request, proofTag: request.proofTag ?? null });
      return { ok: true, dockerId: request.dockerId };
    });
    this.releaseInTransaction = db.transaction((guildId: string, dockerId: string) => {
      const owner = this.selectByDockerId.get({ guildId, dockerId })?.user_id ?? null;
      if (owner === null) return null;
      this.deleteByDockerId.run({ guildId, dockerId });
      this.countRelease.run({ guildId, dockerId });
      return owner;
    });
  }

  /** Claims a Docker ID for the learner; claiming one's own ID again is fine. */
  claim(request: ClaimRequest): ClaimResult {
    return this.claimInTransaction.immediate({ ...request, dockerId: request.dockerId.toLowerCase() });
  }

  /**
   * Frees a Docker ID in a server (an instructor's action) and counts the release, which
   * changes every learner's proof code for it. Returns who held it, or null.
   */
  release(guildId: string, dockerId: string): string | null {
    return this.releaseInTransaction.immediate(guildId, dockerId.toLowerCase());
  }

  /** The learner's claimed Docker ID, or null. */
  get(learner: Learner): string | null {
    return this.held(learner)?.dockerId ?? null;
  }

  /** The learner's claim with how it was proven, or null. */
  held(learner: Learner): HeldClaim | null {
    return this.selectByUser.get({ guildId: learner.guildId, userId: learner.userId }) ?? null;
  }

  /** How many times instructors released this Docker ID in the server (0 if never). */
  releases(guildId: string, dockerId: string): number {
    return this.selectReleases.get({ guildId, dockerId: dockerId.toLowerCase() })?.releases ?? 0;
  }

  /** Who holds a Docker ID in a server, or null. */
  owner(guildId: string, dockerId: string): string | null {
    return this.selectByDockerId.get({ guildId, dockerId: dockerId.toLowerCase() })?.user_id ?? null;
  }
}
