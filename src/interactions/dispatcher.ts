import type { Logger } from '../logger.js';
import { noticeMessage } from '../ui/message.js';
import { type Access, accessRefusal, checkAccess } from './access.js';
import { ButtonRegistry, type Currency } from './buttons.js';
import type { Call } from './call.js';
import { type CommandData, type RawInvocation, readArgs } from './command-args.js';
import { type AnyCommand, accessFor, type CommandModule } from './command-module.js';
import { type Outcome, runInBoundary } from './error-boundary.js';
import { UserFacingError } from './errors.js';
import { inInteraction } from './interaction-scope.js';

/** One handled interaction, for metrics: names come only from the bot's own commands and buttons. */
export interface HandledInteraction {
  type: 'command' | 'autocomplete' | 'button';
  /** The command's name, the button's family, or `unknown` (an id or name the bot does not have). */
  name: string;
  outcome: Outcome;
  latencyMs: number;
}

export type InteractionObserver = (handled: HandledInteraction) => void;

/** Longer than any autocompleted option may be (their max_length is 100): nothing to suggest. */
const maxAutocompleteInput = 100;

export interface DrainPlan {
  /** The whole drain: past it, anything still unanswered gets the restart notice. */
  timeoutMs: number;
  /** When to cut slow work short (lookups in flight) so its handlers can still answer in time. */
  interruptAfterMs?: number;
  interrupt?: () => void;
}

/** How long the last-resort restart notice may take before the drain gives up on it. */
const restartNoticeTimeoutMs = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Routes commands, autocomplete and buttons to their modules, the same way for Discord and the
 * local console, each inside the error boundary, with one log line per interaction.
 */
export class Dispatcher<App extends { logger: Logger }> {
  private readonly commands: Map<string, CommandModule<App, CommandData>>;
  private readonly buttons: ButtonRegistry<App>;
  /** Each interaction being handled, with its call: a drain that runs out of time answers it. */
  private readonly inFlight = new Map<Promise<unknown>, Call>();
  private draining = false;

  /** `modules`: every command the bot answers, each with the buttons its messages carry. */
  constructor(
    private readonly app: App,
    private readonly modules: readonly AnyCommand<App>[],
    private readonly observe: InteractionObserver = () => undefined,
  ) {
    this.commands = new Map(modules.map((module) => [module.data.name, module]));
    this.buttons = new ButtonRegistry(modules.flatMap((module) => module.buttons ?? []));
  }

  get commandData(): CommandData[] {
    return this.modules.map((module) => module.data);
  }

  /** Who may run a command's subcommand (`roles set`, or null for none): what help can list. */
  accessOf(name: string, subcommand: string | null): Access | null {
    const module = this.commands.get(name);
    return module ? accessFor(module, subcommand) : null;
  }

  command(call: Call, name: string, invocation: RawInvocation): Promise<void> {
    return this.track(
      call,
      { interaction: 'command', command: name, subcommand: invocation.subcommand },
      this.knownCommand(name),
      async () => {
        const module = this.commands.get(name);
        if (!module) throw new UserFacingError('error.unknownCommand');
        checkAccess(accessFor(module, invocation.subcommand), call);
        await module.execute(this.app, call, readArgs(module.data, invocation));
      },
    );
  }

  autocomplete(
    call: Call,
    name: string,
    focused: { name: string; value: string },
    options: ReadonlyMap<string, unknown>,
  ): Promise<void> {
    return this.track(
      call,
      { interaction: 'autocomplete', command: name, option: focused.name },
      this.knownCommand(name),
      async () => {
        const module = this.commands.get(name);
        // Autocomplete leaks option values (lesson names, learners): same access rule as the command.
        // What is being typed is not held to the option's limits yet: bound it before any search.
        if (
          !module?.autocomplete ||
          accessRefusal(module.access, call) !== null ||
          focused.value.length > maxAutocompleteInput
        ) {
          await call.respond.suggest([]);
          return;
        }
        await call.respond.suggest(await module.autocomplete(this.app, call, focused, options));
      },
    );
  }

  button(call: Call, customId: string): Promise<void> {
    const label = { name: 'unknown' };
    return this.track(call, { interaction: 'button' }, label, async () => {
      const family = this.buttons.route(customId);
      const press = family?.ids.decode(customId);
      // Tampered, truncated, or of a kind this version does not have: nothing is said or changed.
      if (!family || !press) throw new UserFacingError('button.malformed');
      label.name = family.name;
      // Each learner's page is theirs: a foreign button is refused before anything else is said.
      if (family.owner(press) !== call.user.id) throw new UserFacingError('button.notYours');
      const current: Currency<unknown> = family.current?.(this.app, press) ?? { ok: true, value: undefined };
      if (!current.ok) throw new UserFacingError(current.refusal);
      checkAccess(family.access, call);
      await family.handle(this.app, call, press, current.value);
    });
  }

  /**
   * Stops taking interactions (new ones get the restart notice) and lets those in flight finish.
   * At `interruptAfterMs` slow work is cut short, so its handlers answer themselves; at
   * `timeoutMs` every interaction still unanswered gets the restart notice directly. Nobody is
   * left on "thinking…".
   */
  async drain(plan: DrainPlan | number): Promise<void> {
    const {
      timeoutMs,
      interruptAfterMs = timeoutMs,
      interrupt,
    } = typeof plan === 'number' ? { timeoutMs: plan } : plan;
    this.draining = true;
    const started = performance.now();
    const settledWithin = (ms: number) =>
      Promise.race([
        Promise.allSettled([...this.inFlight.keys()]).then(() => true),
        sleep(ms).then(() => false),
      ]);
    if (await settledWithin(Math.min(interruptAfterMs, timeoutMs))) return;
    interrupt?.();
    if (await settledWithin(timeoutMs - (performance.now() - started))) return;
    const stuck = [...this.inFlight.values()];
    this.app.logger.warn({ interactions: stuck.map((call) => call.interactionId) }, 'drain timed out');
    await Promise.allSettled(stuck.map((call) => this.sendRestartNotice(call)));
  }

  private async sendRestartNotice(call: Call): Promise<void> {
    const notice = call.respond.notice(noticeMessage(call.t('error.shuttingDown')));
    const sent = await Promise.race([
      notice.then(() => true),
      sleep(restartNoticeTimeoutMs).then(() => false),
    ]);
    if (!sent) throw new Error('restart notice timed out');
  }

  /** A command name as a metric label: only the bot's own, so typed names cannot grow the label set. */
  private knownCommand(name: string): { name: string } {
    return { name: this.commands.has(name) ? name : 'unknown' };
  }

  private track(
    call: Call,
    fields: Record<string, unknown> & { interaction: HandledInteraction['type'] },
    label: { name: string },
    work: () => Promise<void>,
  ): Promise<void> {
    const started = performance.now();
    const logger = this.app.logger;
    const run = inInteraction(call.interactionId, async () => {
      const outcome = await runInBoundary(call, logger, async () => {
        if (this.draining) throw new UserFacingError('error.shuttingDown');
        await work();
      });
      const latencyMs = performance.now() - started;
      logger.info(
        {
          ...fields,
          interactionId: call.interactionId,
          user: call.user.id,
          guild: call.guildId,
          latencyMs: Math.round(latencyMs),
          outcome,
        },
        'interaction handled',
      );
      this.observe({ type: fields.interaction, name: label.name, outcome, latencyMs });
    });
    this.inFlight.set(run, call);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }
}
