import type { Database } from 'better-sqlite3';
import type { EpochMs, LearnerRef } from './types.js';

export interface ClaimRequest extends LearnerRef {
  dockerId: string;
  at: EpochMs;
  /** Let the learner move from the Docker ID they hold to this one (when it is free). */
  replace?: boolean;
}

export type ClaimResult =
  | { ok: true; dockerId: string }
  /** Another learner in this server holds the Docker ID; an instructor can release it. */
  | { ok: false; reason: 'claimed-by-other'; claimedBy: string }
  /** The learner already holds a different Docker ID in this server. */
  | { ok: false; reason: 'learner-has-other'; dockerId: string };

/**
 * Docker ID claims: one Docker ID per learner per server, and one learner per Docker ID per
 * server. Docker IDs are lower-case on Docker Hub, so they are compared lower-cased.
 */
export class ClaimRepository {
  private readonly selectByUser;
  private readonly selectByDockerId;
  private readonly insertClaim;
  private readonly deleteByDockerId;
  private readonly deleteByUser;
  private readonly claimInTransaction;
  private readonly releaseInTransaction;

  constructor(db: Database) {
    this.selectByUser = db.prepare<LearnerRef, { docker_id: string }>(
      'SELECT docker_id FROM docker_claims WHERE guild_id = @guildId AND user_id = @userId',
    );
    this.selectByDockerId = db.prepare<{ guildId: string; dockerId: string }, { user_id: string }>(
      'SELECT user_id FROM docker_claims WHERE guild_id = @guildId AND docker_id = @dockerId',
    );
    this.deleteByUser = db.prepare<LearnerRef>(
      'DELETE FROM docker_claims WHERE guild_id = @guildId AND user_id = @userId',
    );
    this.insertClaim = db.prepare<ClaimRequest>(
      `INSERT INTO docker_claims (guild_id, user_id, docker_id, claimed_at)
       VALUES (@guildId, @userId, @dockerId, @at)`,
    );
    this.deleteByDockerId = db.prepare<{ guildId: string; dockerId: string }>(
      'DELETE FROM docker_claims WHERE guild_id = @guildId AND docker_id = @dockerId',
    );
    this.claimInTransaction = db.transaction((request: ClaimRequest): ClaimResult => {
      const owner = this.selectByDockerId.get(request)?.user_id;
      if (owner === request.userId) return { ok: true, dockerId: request.dockerId };
      if (owner !== undefined) return { ok: false, reason: 'claimed-by-other', claimedBy: owner };
      const held = this.selectByUser.get(request)?.docker_id;
      if (held !== undefined) {
        if (!request.replace) return { ok: false, reason: 'learner-has-other', dockerId: held };
        this.deleteByUser.run(request);
      }
      this.insertClaim.run(request);
      return { ok: true, dockerId: request.dockerId };
    });
    this.releaseInTransaction = db.transaction((guildId: string, dockerId: string) => {
      const owner = this.selectByDockerId.get({ guildId, dockerId })?.user_id ?? null;
      this.deleteByDockerId.run({ guildId, dockerId });
      return owner;
    });
  }

  /** Claims a Docker ID for the learner; claiming one's own ID again is fine. */
  claim(request: ClaimRequest): ClaimResult {
    return this.claimInTransaction.immediate({ ...request, dockerId: request.dockerId.toLowerCase() });
  }

  /** Frees a Docker ID in a server (an instructor's action). Returns who held it, or null. */
  release(guildId: string, dockerId: string): string | null {
    return this.releaseInTransaction.immediate(guildId, dockerId.toLowerCase());
  }

  /** The learner's claimed Docker ID, or null. */
  get(learner: LearnerRef): string | null {
    return this.selectByUser.get({ guildId: learner.guildId, userId: learner.userId })?.docker_id ?? null;
  }

  /** Who holds a Docker ID in a server, or null. */
  owner(guildId: string, dockerId: string): string | null {
    return this.selectByDockerId.get({ guildId, dockerId: dockerId.toLowerCase() })?.user_id ?? null;
  }
}
