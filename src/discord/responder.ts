import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
} from 'discord.js';
import { Routes } from 'discord-api-types/v10';
import type { AutocompleteChoice, Responder } from '../interactions/call.js';
import { InteractionGoneError } from '../interactions/errors.js';
import type { Delivery } from '../interactions/messenger.js';
import { type Message, NO_MENTIONS } from '../ui/message.js';
import { DiscordMessenger } from './messenger.js';
import { interactionIsGone } from './rest-deadline.js';

type AnswerableInteraction = ChatInputCommandInteraction | ButtonInteraction;

type State = 'fresh' | 'deferred-reply' | 'deferred-update' | 'answered';

/** Told once, when an interaction got its first response (a reply, defer or update): seconds since it arrived. */
export type FirstResponseObserver = (seconds: number) => void;

function toDiscordOptions(message: Message) {
  return {
    content: message.content,
    components: message.components,
    flags: message.flags,
    files: message.files?.map((file) => ({ attachment: file.data, name: file.name })),
    allowedMentions: NO_MENTIONS,
  };
}

/** Flags an edit may carry: Discord keeps ephemerality from the first response. */
function editFlags(message: Message): number | undefined {
  return message.flags === undefined ? undefined : message.flags & MessageFlags.IsComponentsV2;
}

/**
 * Answers one Discord interaction. Every call is queued so an automatic defer and a handler's
 * answer can never race, and the state decides between reply, editReply, update and followUp.
 */
export class DiscordResponder implements Responder {
  private state: State = 'fresh';
  /** Discord no longer takes answers for this interaction: nothing more is sent. */
  private gone = false;
  private queue: Promise<unknown> = Promise.resolve();
  private autoDeferTimer: NodeJS.Timeout | undefined;
  private readonly arrived = performance.now();

  constructor(
    private readonly interaction: AnswerableInteraction,
    private readonly onFirstResponse: FirstResponseObserver = () => undefined,
  ) {}

  /** Defers by itself when the handler has not answered within `afterMs` (Discord allows 3 s). */
  armAutoDefer(afterMs: number): void {
    this.autoDeferTimer = setTimeout(() => {
      void this.enqueue(() => this.deferNow()).catch(() => undefined);
    }, afterMs);
    this.autoDeferTimer.unref();
  }

  disarm(): void {
    clearTimeout(this.autoDeferTimer);
  }

  defer(): Promise<void> {
    return this.enqueue(() => this.deferNow());
  }

  send(message: Message): Promise<void> {
    return this.enqueue(async () => {
      if (this.state === 'fresh') {
        await this.interaction.reply(toDiscordOptions(message));
      } else if (this.state === 'deferred-reply') {
        await this.interaction.editReply({ ...toDiscordOptions(message), flags: editFlags(message) });
      } else {
        await this.interaction.followUp(toDiscordOptions(message));
      }
      this.state = 'answered';
    });
  }

  /**
   * On Discord a notice goes out exactly as an answer does (a reply, the edit of a deferred
   * command answer, else a follow-up): none of these touches the page a button was pressed on.
   */
  notice(message: Message): Promise<void> {
    return this.send(message);
  }

  update(message: Message): Promise<void> {
    const interaction = this.interaction;
    if (!interaction.isButton()) return this.send(message);
    return this.enqueue(async () => {
      if (this.state === 'fresh') {
        await interaction.update({ ...toDiscordOptions(message), flags: editFlags(message) });
      } else {
        await interaction.editReply({ ...toDiscordOptions(message), flags: editFlags(message) });
      }
      this.state = 'answered';
    });
  }

  followUp(message: Message): Promise<void> {
    return this.enqueue(async () => {
      if (this.state === 'fresh') await this.interaction.reply(toDiscordOptions(message));
      else await this.interaction.followUp(toDiscordOptions(message));
      this.state = 'answered';
    });
  }

  async suggest(_choices: AutocompleteChoice[]): Promise<void> {
    throw new Error('suggest() is for autocomplete interactions');
  }

  announce(channelId: string, message: Message): Promise<void> {
    return this.enqueue(async () => {
      await this.interaction.client.rest.post(Routes.channelMessages(channelId), {
        body: {
          content: message.content,
          components: message.components,
          flags: message.flags,
          allowed_mentions: NO_MENTIONS,
        },
      });
    });
  }

  directMessage(message: Message): Promise<Delivery> {
    return new DiscordMessenger(this.interaction.client.rest).sendDirect(this.interaction.user.id, message);
  }

  private async deferNow(): Promise<void> {
    if (this.state !== 'fresh') return;
    if (this.interaction.isButton()) {
      await this.interaction.deferUpdate();
      this.state = 'deferred-update';
    } else {
      await this.interaction.deferReply({ flags: MessageFlags.Ephemeral });
      this.state = 'deferred-reply';
    }
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    // Any answer makes the automatic defer unnecessary.
    this.disarm();
    const run = this.queue.then(async () => {
      if (this.gone) throw new InteractionGoneError();
      const first = this.state === 'fresh';
      try {
        await step();
      } catch (error) {
        if (!interactionIsGone(error)) throw error;
        this.gone = true;
        throw new InteractionGoneError({ cause: error });
      }
      if (first && this.state !== 'fresh') this.onFirstResponse((performance.now() - this.arrived) / 1000);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Autocomplete has one possible answer; everything else about responding does not apply. */
export class AutocompleteResponder implements Responder {
  private answered = false;
  private readonly arrived = performance.now();

  constructor(
    private readonly interaction: AutocompleteInteraction,
    private readonly onFirstResponse: FirstResponseObserver = () => undefined,
  ) {}

  async suggest(choices: AutocompleteChoice[]): Promise<void> {
    if (this.answered) return;
    this.answered = true;
    await this.interaction.respond(choices.slice(0, 25));
    this.onFirstResponse((performance.now() - this.arrived) / 1000);
  }

  /** A failed autocomplete can only answer with no choices. */
  async notice(): Promise<void> {
    await this.suggest([]);
  }

  private unsupported(): Promise<never> {
    return Promise.reject(new Error('autocomplete interactions can only suggest choices'));
  }

  defer = () => this.unsupported();
  send = () => this.unsupported();
  update = () => this.unsupported();
  followUp = () => this.unsupported();
  announce = () => this.unsupported();
  directMessage = () => this.unsupported();
}
