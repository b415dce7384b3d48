import type { AutocompleteChoice, Responder } from '../interactions/call.js';
import type { Delivery } from '../interactions/messenger.js';
import type { PlainButton } from '../ui/index.js';
import type { Message } from '../ui/message.js';

/** Turns a payload into what a learner reads, with its numbered buttons. */
export type PayloadFormatter = (message: Message) => { text: string; buttons: PlainButton[] };

export interface ConsoleScreen {
  /** Prints a block of text. */
  print(text: string): void;
  /** The buttons of the page the learner is looking at, pressed by number. */
  setButtons(buttons: PlainButton[]): void;
}

/**
 * The console's side of an interaction: prints every answer as text and numbers the buttons
 * of the newest message so the learner can press them by typing the number.
 */
export class ConsoleResponder implements Responder {
  private answered = false;
  private deferred = false;

  constructor(
    private readonly screen: ConsoleScreen,
    private readonly format: PayloadFormatter,
    private readonly labels: {
      deferred: string;
      announcement: (channelId: string) => string;
      directMessage: string;
    },
    /**
     * Answering a button press: a new message without buttons of its own (a reveal) leaves the
     * page's buttons pressable, as they stay on Discord. A command's answer starts a new screen.
     */
    private readonly fromButton = false,
  ) {}

  private get acknowledged(): boolean {
    return this.answered || this.deferred;
  }

  async defer(): Promise<void> {
    if (this.acknowledged) return;
    this.deferred = true;
    this.screen.print(this.labels.deferred);
  }

  async send(message: Message): Promise<void> {
    this.show(message, this.fromButton);
  }

  async update(message: Message): Promise<void> {
    this.show(message, false);
  }

  async followUp(message: Message): Promise<void> {
    this.show(message, this.fromButton);
  }

  async notice(message: Message): Promise<void> {
    // A notice leaves the page's buttons pressable, as on Discord.
    this.answered = true;
    this.screen.print(this.format(message).text);
  }

  async suggest(choices: AutocompleteChoice[]): Promise<void> {
    this.answered = true;
    this.screen.print(choices.map((choice) => `- ${choice.name}`).join('\n'));
  }

  async announce(channelId: string, message: Message): Promise<void> {
    this.screen.print(`${this.labels.announcement(channelId)}\n${this.format(message).text}`);
  }

  /** The console has no DMs: the message is printed, marked as one. */
  async directMessage(message: Message): Promise<Delivery> {
    this.screen.print(`${this.labels.directMessage}\n${this.format(message).text}`);
    return { kind: 'sent', messageId: 'console' };
  }

  private show(message: Message, keepsPageButtons: boolean): void {
    this.answered = true;
    const { text, buttons } = this.format(message);
    this.screen.print(text);
    // Numbers refer to the newest answer with buttons, as the learner reads the screen.
    if (buttons.length > 0 || !keepsPageButtons) this.screen.setButtons(buttons);
  }
}
