import type { Clock } from '../clock.js';
import type {
  DueGrant,
  FailedGrant,
  GrantCounts,
  Milestone,
  MilestoneKey,
  MilestoneRole,
  Store,
} from '../store/index.js';

export { type Milestone, milestones } from '../store/index.js';

/** What the bot knows about itself and a role in a server, for the set-up check. */
export interface RoleSetupFacts {
  /** The bot holds Manage Roles (or Administrator) through its roles. */
  botManagesRoles: boolean;
  /** Position of the bot's highest role (0: only @everyone). */
  botTopPosition: number;
  role: {
    id: string;
    position: number;
    /** Owned by an integration (a bot's own role, a booster role): nobody can grant it. */
    managed: boolean;
    isEveryone: boolean;
  };
}

export type RoleSetupProblem = 'missing-manage-roles' | 'role-everyone' | 'role-managed' | 'role-above-bot';

/** Everything that keeps the bot from granting the role; empty when it can. */
export function roleSetupProblems(facts: RoleSetupFacts): RoleSetupProblem[] {
  const problems: RoleSetupProblem[] = [];
  if (!facts.botManagesRoles) problems.push('missing-manage-roles');
  if (facts.role.isEveryone) problems.push('role-everyone');
  else if (facts.role.managed) problems.push('role-managed');
  else if (facts.role.position >= facts.botTopPosition) problems.push('role-above-bot');
  return problems;
}

/** What a grant attempt came to; `reason` is a short code for the log and the list. */
export type GrantOutcome =
  | { kind: 'granted' }
  /** Worth trying again later: missing permission or hierarchy (an admin may fix it), 5xx, 429. */
  | { kind: 'retry'; reason: string }
  /** Will never work: the role or the member is gone. */
  | { kind: 'permanent'; reason: string };

/** The Discord side of a grant; implemented by the adapter. Must not throw. */
export interface RoleGranter {
  grant(grant: DueGrant): Promise<GrantOutcome>;
}

/** Bounds of the retry queue. */
export const grantRetry = {
  /** Attempts in all before a grant is given up and reported. */
  maxAttempts: 8,
  /** The first retry waits this long; each next one twice as long… */
  firstDelayMs: 60_000,
  /** …up to this. */
  maxDelayMs: 6 * 60 * 60_000,
} as const;

export function retryDelayMs(attemptsBefore: number): number {
  return Math.min(grantRetry.firstDelayMs * 2 ** attemptsBefore, grantRetry.maxDelayMs);
}

export interface MappingOverview extends MilestoneRole {
  counts: GrantCounts;
}

export interface RolesOverview {
  mappings: MappingOverview[];
  /** Grants given up since the last look (reported once). */
  failures: FailedGrant[];
}

export type SetRoleResult =
  | { kind: 'refused'; problems: RoleSetupProblem[] }
  | { kind: 'set'; previous: MilestoneRole | null; backfilled: number };

/** Failures shown in one list at most. */
const failuresShown = 10;

/** Milestone roles of a server: the mappings, the set-up check, the grant queue. No Discord here. */
export class MilestoneRoleService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /**
   * Maps a milestone to a role after the set-up check; those who reached the milestone before
   * are queued for the role at once (the grant loop works through them at a bounded rate).
   */
  set(
    input: { guildId: string; milestone: Milestone; lessonId: string; roleId: string; by: string },
    facts: RoleSetupFacts,
  ): SetRoleResult {
    const problems = roleSetupProblems(facts);
    if (problems.length > 0) return { kind: 'refused', problems };
    const lessonId = input.milestone === 'course-completed' ? '' : input.lessonId;
    const result = this.store.milestoneRoles.set({
      guildId: input.guildId,
      milestone: input.milestone,
      lessonId,
      roleId: input.roleId,
      setBy: input.by,
      setAt: this.clock.now(),
    });
    return { kind: 'set', ...result };
  }

  clear(key: MilestoneKey): MilestoneRole | null {
    return this.store.milestoneRoles.clear({
      ...key,
      lessonId: key.milestone === 'course-completed' ? '' : key.lessonId,
    });
  }

  /** Every mapping with its grants, and the grants given up since the last look. */
  overview(guildId: string): RolesOverview {
    const mappings = this.store.milestoneRoles
      .list(guildId)
      .map((mapping) => ({ ...mapping, counts: this.store.milestoneRoles.counts(guildId, mapping.roleId) }));
    return { mappings, failures: this.store.milestoneRoles.takeFailures(guildId, failuresShown) };
  }

  /**
   * Works through at most `limit` due grants, one after the other: granted, retried later with
   * backoff, or given up (after `grantRetry.maxAttempts`, or at once when it can never work).
   * Returns the grants given up, for the log.
   */
  async grantDue(
    granter: RoleGranter,
    limit: number,
  ): Promise<{ tried: number; givenUp: (DueGrant & { reason: string })[] }> {
    const due = this.store.milestoneRoles.due(this.clock.now(), limit);
    const givenUp: (DueGrant & { reason: string })[] = [];
    for (const grant of due) {
      const outcome = await granter.grant(grant);
      const at = this.clock.now();
      if (outcome.kind === 'granted') {
        this.store.milestoneRoles.granted(grant, at);
      } else if (outcome.kind === 'retry' && grant.attempts + 1 < grantRetry.maxAttempts) {
        this.store.milestoneRoles.retryLater(grant, at, at + retryDelayMs(grant.attempts), outcome.reason);
      } else {
        this.store.milestoneRoles.giveUp(grant, at, outcome.reason);
        givenUp.push({ ...grant, reason: outcome.reason });
      }
    }
    return { tried: due.length, givenUp };
  }
}
