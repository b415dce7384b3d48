import type { APIInteraction } from 'discord-api-types/v10';
import type { ReceivedFile } from './body.js';
import type { Signal } from './signal.js';

export type ResponseKind =
  | 'callback'
  | 'edit-original'
  | 'delete-original'
  | 'followup'
  | 'edit-followup'
  | 'delete-followup';

/** One answer the bot gave to an interaction, accepted or refused. */
export interface InteractionResponse {
  kind: ResponseKind;
  /** The callback type (4 reply, 5 deferred, 6 deferred update, 7 update, 8 choices, 9 modal). */
  type?: number;
  /** The JSON body (for a callback: its `data`; for webhooks: the message body). */
  body: unknown;
  files: ReceivedFile[];
  /** HTTP status the fake answered with. */
  status: number;
  /** Discord's JSON error code when refused (10062, 40060, 10008, 50035 …). */
  errorCode?: number;
  /** The message created or edited, when there is one. */
  messageId?: string;
  at: number;
}

/** The first callback came too late (or never): Discord would show "interaction failed". */
export interface DeadlineMiss {
  interactionId: string;
  dispatchedAt: number;
  /** When a late callback arrived, if one did. */
  lateCallbackAt?: number;
}

export interface TrackedInteraction {
  id: string;
  token: string;
  payload: APIInteraction;
  dispatchedAt: number;
  callbackType?: number;
  /** The message `@original` refers to: the reply, or the message a component was on. */
  originalMessageId?: string;
  followupIds: Set<string>;
  responses: InteractionResponse[];
  missedDeadline: boolean;
}

export interface LedgerTiming {
  deadlineMs: number;
  tokenLifetimeMs: number;
}

/** Every interaction the fake dispatched and everything the bot answered to it, in order. */
export class InteractionLedger {
  private readonly byId = new Map<string, TrackedInteraction>();
  private readonly byToken = new Map<string, TrackedInteraction>();
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly deadlineMisses: DeadlineMiss[] = [];

  constructor(
    private readonly timing: LedgerTiming,
    private readonly changed: Signal,
  ) {}

  track(payload: APIInteraction): TrackedInteraction {
    const tracked: TrackedInteraction = {
      id: payload.id,
      token: payload.token,
      payload,
      dispatchedAt: Date.now(),
      followupIds: new Set(),
      responses: [],
      missedDeadline: false,
      ...(payload.message ? { originalMessageId: payload.message.id } : {}),
    };
    this.byId.set(tracked.id, tracked);
    this.byToken.set(tracked.token, tracked);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (tracked.callbackType === undefined) this.missDeadline(tracked);
    }, this.timing.deadlineMs);
    timer.unref();
    this.timers.add(timer);
    return tracked;
  }

  get(id: string): TrackedInteraction | undefined {
    return this.byId.get(id);
  }

  findByToken(token: string): TrackedInteraction | undefined {
    return this.byToken.get(token);
  }

  /** Deadline check at the moment a callback arrives (timers may lag on a busy machine). */
  isPastDeadline(tracked: TrackedInteraction, at: number): boolean {
    return tracked.missedDeadline || at - tracked.dispatchedAt > this.timing.deadlineMs;
  }

  isTokenExpired(tracked: TrackedInteraction, at: number): boolean {
    return at - tracked.dispatchedAt > this.timing.tokenLifetimeMs;
  }

  missDeadline(tracked: TrackedInteraction, lateCallbackAt?: number): void {
    const existing = this.deadlineMisses.find((miss) => miss.interactionId === tracked.id);
    if (existing) {
      if (lateCallbackAt !== undefined) existing.lateCallbackAt ??= lateCallbackAt;
    } else {
      tracked.missedDeadline = true;
      this.deadlineMisses.push({
        interactionId: tracked.id,
        dispatchedAt: tracked.dispatchedAt,
        ...(lateCallbackAt === undefined ? {} : { lateCallbackAt }),
      });
    }
    this.changed.notify();
  }

  record(tracked: TrackedInteraction, response: InteractionResponse): void {
    tracked.responses.push(response);
    this.changed.notify();
  }

  all(): TrackedInteraction[] {
    return [...this.byId.values()];
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
