import type { Logger } from '../logger.js';
import type { MilestoneRoleService, RoleGranter } from '../services/milestone-roles.js';

export interface RoleGrantLoopOptions {
  /** Grants per minute at most (ROLE_GRANTS_PER_MINUTE). */
  perMinute: number;
  /** How often the queue is looked at. */
  tickMs?: number;
}

export interface RoleGrantLoop {
  /** Looks at the queue now (a milestone was just reached or a mapping set). */
  wake(): void;
  /** Stops looking; a grant in flight finishes first. */
  stop(): Promise<void>;
}

/**
 * Works through the stored grant queue in the background: at most `perMinute` grants a minute
 * (a token bucket refilled every tick, a sixth of a minute's worth at most at once), so a
 * backfill on a big server never bursts into Discord's rate limits. Nothing here blocks an
 * interaction; the queue survives restarts because it lives in the database.
 */
export function startRoleGrantLoop(
  service: MilestoneRoleService,
  granter: RoleGranter,
  logger: Logger,
  options: RoleGrantLoopOptions,
): RoleGrantLoop {
  const tickMs = options.tickMs ?? 1000;
  const burst = Math.max(1, Math.ceil(options.perMinute / 6));
  let tokens = burst;
  let last = Date.now();
  let running: Promise<void> | null = null;
  let stopped = false;

  const tick = async () => {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - last) / 60_000) * options.perMinute);
    last = now;
    const budget = Math.floor(tokens);
    if (budget < 1) return;
    try {
      const { tried, givenUp } = await service.grantDue(granter, budget);
      tokens -= tried;
      for (const grant of givenUp) {
        logger.warn(
          { guild: grant.guildId, learner: grant.userId, role: grant.roleId, reason: grant.reason },
          'milestone role not granted: given up',
        );
      }
    } catch (error) {
      logger.error({ err: error }, 'milestone role grants failed');
    }
  };
  const run = () => {
    if (stopped || running) return;
    running = tick().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(run, tickMs);
  timer.unref();
  return {
    wake: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
