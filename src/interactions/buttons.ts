import type { MessageKey } from '../i18n/index.js';
import type { ButtonIds } from '../ui/buttons/button-ids.js';
import type { Access } from './access.js';
import type { Call } from './call.js';

/** Whether a press still fits what it was made for, and what its handler acts on. */
export type Currency<Context> = { ok: true; value: Context } | { ok: false; refusal: MessageKey };

/**
 * One kind of button, declared next to the command whose messages carry it (in the command's
 * `buttons`). The registry routes a press by the ids' prefix and checks, in this order, whose
 * message it is, whether it is still current, and the presser's access; only then does `handle`
 * run. Adding a kind of button touches no router, union type or list outside its command.
 */
export interface ButtonFamily<App, Press, Context = undefined> {
  /** For logs and metrics (`page`, `release-claim`); unique across the bot. */
  name: string;
  /** The wire format: prefix and a zod schema per field (src/ui/buttons/, where the views draw them). */
  ids: ButtonIds<Press>;
  /** Buttons carry no permission of their own: this is checked on the server for every press. */
  access: Access;
  /** The user whose message the button is on; nobody else may press it. */
  owner(press: Press): string;
  /**
   * For buttons made for content that may change (a lesson's content version): refuses a stale
   * press, else gives what `handle` acts on. Without it the context is undefined.
   */
  current?(app: App, press: Press): Currency<Context>;
  handle(app: App, call: Call, press: Press, context: Context): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: each family has its own press and context types
export type AnyButtonFamily<App> = ButtonFamily<App, any, any>;

/** Ties a family's ids to its handler with the press and context types inferred. */
export function defineButtons<App, Press, Context = undefined>(
  family: ButtonFamily<App, Press, Context>,
): ButtonFamily<App, Press, Context> {
  return family;
}

/** Finds the family of a pressed button by its id's prefix. */
export class ButtonRegistry<App> {
  private readonly families: readonly AnyButtonFamily<App>[];

  constructor(families: readonly AnyButtonFamily<App>[]) {
    for (const [index, family] of families.entries()) {
      for (const other of families.slice(index + 1)) {
        if (family.name === other.name) throw new Error(`two button families are called ${family.name}`);
        // A prefix inside another would make routing depend on the order of the list.
        if (family.ids.prefix.startsWith(other.ids.prefix) || other.ids.prefix.startsWith(family.ids.prefix))
          throw new Error(`button prefixes overlap: ${family.ids.prefix} and ${other.ids.prefix}`);
      }
    }
    this.families = families;
  }

  /** The family whose ids start like this one, if any. */
  route(customId: string): AnyButtonFamily<App> | undefined {
    return this.families.find((family) => customId.startsWith(family.ids.prefix));
  }
}
