import { Cron } from 'croner';
import type { Logger } from '../logger.js';

/** Work the scheduler runs at start-up and every hour: it finds what is due itself. */
export interface ScheduledJob {
  name: string;
  /** Must stop soon after `signal` aborts (shutdown); never needs to be cancelled half-way otherwise. */
  run(signal: AbortSignal): Promise<void>;
}

export interface SchedulerOptions {
  timeZone: string;
  logger: Logger;
  /** Cron pattern of the regular runs; default: every hour on the hour (digest hours are whole hours). */
  pattern?: string;
  /** False: only `runNow` runs the jobs (tests drive time by hand). */
  timer?: boolean;
}

/**
 * Runs the jobs once at start-up (catching up what came due while the bot was down) and then on
 * the hour, one run at a time. The jobs keep their own record of what they did, so a run that
 * finds nothing due does nothing: runs may repeat, the work does not. `stop` ends the timer (it
 * never keeps the process alive anyway) and waits for the run in progress.
 */
export class Scheduler {
  private cron: Cron | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();

  constructor(
    private readonly jobs: readonly ScheduledJob[],
    private readonly options: SchedulerOptions,
  ) {}

  start(): void {
    if (this.options.timer !== false) {
      this.cron = new Cron(
        this.options.pattern ?? '0 * * * *',
        { timezone: this.options.timeZone, protect: true, unref: true },
        () => this.runNow(),
      );
    }
    void this.runNow();
  }

  /** Runs every job once, after any run in progress. Never rejects. */
  runNow(): Promise<void> {
    const run = this.queue.then(() => this.runJobs());
    this.queue = run;
    return run;
  }

  async stop(): Promise<void> {
    this.cron?.stop();
    this.stopping.abort();
    await this.queue;
  }

  private async runJobs(): Promise<void> {
    for (const job of this.jobs) {
      if (this.stopping.signal.aborted) return;
      try {
        await job.run(this.stopping.signal);
      } catch (error) {
        this.options.logger.error({ err: error, job: job.name }, 'scheduled job failed');
      }
    }
  }
}
