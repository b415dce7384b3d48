import type { MessageKey } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { Call } from './call.js';
import { type CommandData, type RawInvocation, readArgs } from './command-args.js';
import type { Access, CommandModule } from './command-module.js';
import { type Outcome, runInBoundary } from './error-boundary.js';
import { UserFacingError } from './errors.js';

/** A button press after its custom id was decoded and checked. */
export interface ButtonPress {
  kind: string;
  ownerId: string;
}

/** A refused id still names its owner when it could be read, so a foreign button is refused as such. */
export type ButtonDecoding<Press extends ButtonPress> =
  | { ok: true; press: Press }
  | { ok: false; refusal: UserFacingError; ownerId?: string };

export interface ButtonModule<App, Press extends ButtonPress> {
  kinds: readonly Press['kind'][];
  access: Access;
  handle(app: App, call: Call, press: Press): Promise<void>;
}

/** One handled interaction, for metrics: names come only from the bot's own commands and buttons. */
export interface HandledInteraction {
  type: 'command' | 'autocomplete' | 'button';
  /** The command's name, the button's kind, or `unknown` (an id or name the bot does not have). */
  name: string;
  outcome: Outcome;
  latencyMs: number;
}

export type InteractionObserver = (handled: HandledInteraction) => void;

export interface BotModules<App, Press extends ButtonPress> {
  // biome-ignore lint/suspicious/noExplicitAny: each command has its own data type
  commands: readonly CommandModule<App, any>[];
  buttons: readonly ButtonModule<App, Press>[];
  /** Decodes and checks a custom id (format, staleness); ownership is checked by the dispatcher. */
  decodeButton(app: App, raw: string): ButtonDecoding<Press>;
}

/** Longer than any autocompleted option may be (their max_length is 100): nothing to suggest. */
const maxAutocompleteInput = 100;

/**
 * Routes commands, autocomplete and buttons to their modules, the same way for Discord and the
 * local console, each inside the error boundary, with one log line per interaction.
 */
export class Dispatcher<App extends { logger: Logger }, Press extends ButtonPress> {
  private readonly commands: Map<string, CommandModule<App, CommandData>>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private draining = false;

  constructor(
    private readonly app: App,
    private readonly modules: BotModules<App, Press>,
    private readonly observe: InteractionObserver = () => undefined,
  ) {
    this.commands = new Map(modules.commands.map((module) => [module.data.name, module]));
  }

  get commandData(): CommandData[] {
    return this.modules.commands.map((module) => module.data);
  }

  command(call: Call, name: string, invocation: RawInvocation): Promise<void> {
    return this.track(
      call,
      { interaction: 'command', command: name, subcommand: invocation.subcommand },
      this.knownCommand(name),
      async () => {
        const module = this.commands.get(name);
        if (!module) throw new UserFacingError('error.unknownCommand');
        checkAccess(module.access, call);
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
      const decoded = this.modules.decodeButton(this.app, customId);
      if (decoded.ok) label.name = decoded.press.kind;
      const ownerId = decoded.ok ? decoded.press.ownerId : decoded.ownerId;
      // Each learner's page is theirs: a foreign button is refused before anything else is said.
      if (ownerId !== undefined && ownerId !== call.user.id) throw new UserFacingError('button.notYours');
      if (!decoded.ok) throw decoded.refusal;
      const { press } = decoded;
      const module = this.modules.buttons.find((candidate) => candidate.kinds.includes(press.kind));
      if (!module) throw new UserFacingError('button.malformed');
      checkAccess(module.access, call);
      await module.handle(this.app, call, press);
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

/** Why the caller may not use something of this access level, or null when they may. */
function accessRefusal(access: Access, call: Call): MessageKey | null {
  switch (access) {
    case 'everyone':
      return null;
    case 'instructor':
      return call.isInstructor ? null : 'error.instructorOnly';
    case 'course-wide':
      if (call.isOwner) return null;
      if (!call.inHomeServer) return 'error.homeServerOnly';
      return call.isInstructor ? null : 'error.instructorOnly';
  }
}

/** Checked on the server for every command and button, whatever Discord showed the user. */
function checkAccess(access: Access, call: Call): void {
  const refusal = accessRefusal(access, call);
  if (refusal) throw new UserFacingError(refusal);
}
