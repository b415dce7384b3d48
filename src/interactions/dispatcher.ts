import type { Logger } from '../logger.js';
import { accessRefusal, checkAccess } from './access.js';
import { ButtonRegistry, type Currency } from './buttons.js';
import type { Call } from './call.js';
import { type CommandData, type RawInvocation, readArgs } from './command-args.js';
import { type AnyCommand, accessFor, type CommandModule } from './command-module.js';
import { type Outcome, runInBoundary } from './error-boundary.js';
import { UserFacingError } from './errors.js';

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

/**
 * Routes commands, autocomplete and buttons to their modules, the same way for Discord and the
 * local console, each inside the error boundary, with one log line per interaction.
 */
export class Dispatcher<App extends { logger: Logger }> {
  private readonly commands: Map<string, CommandModule<App, CommandData>>;
  private readonly buttons: ButtonRegistry<App>;
  private readonly inFlight = new Set<Promise<unknown>>();
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

  /** Stops taking interactions and waits for those in flight (bounded by `timeoutMs`). */
  async drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    const settled = Promise.allSettled([...this.inFlight]);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
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
    const run = (async () => {
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
    })();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }
}
