import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type APIInteraction, type APIMessage, GatewayDispatchEvents } from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import { CommandRegistry, type StoredCommand } from './commands.js';
import { DirectMessages } from './direct-messages.js';
import { APPLICATION_ID, botUser, type FakeUser, fixtureUsers, GUILD_ID } from './fixtures.js';
import { FakeGateway, type GatewayEvent, type ReconnectOptions } from './gateway.js';
import { type DeadlineMiss, InteractionLedger, type InteractionResponse } from './interactions.js';
import { MessageStore } from './messages.js';
import {
  type AutocompleteInput,
  autocompletePayload,
  type ButtonInput,
  buttonPayload,
  type ChatCommandInput,
  chatCommandPayload,
  type PayloadContext,
} from './payloads.js';
import { createRestHandler, type PlannedFailure, type RecordedRequest } from './rest.js';
import { FakeGuildRoles } from './roles.js';
import { interactionRoutes } from './routes-interactions.js';
import { miscRoutes } from './routes-misc.js';
import { Signal } from './signal.js';
import { createSnowflakeFactory } from './snowflake.js';
import { walkComponents } from './validate.js';

export type { ReceivedFile } from './body.js';
export type { StoredCommand } from './commands.js';
export * from './fixtures.js';
export type { GatewayEvent, ReconnectOptions } from './gateway.js';
export type { DeadlineMiss, InteractionResponse, ResponseKind } from './interactions.js';
export {
  type AutocompleteInput,
  type ButtonInput,
  type ChatCommandInput,
  type CommandOption,
  option,
} from './payloads.js';
export type { PlannedFailure, RecordedRequest } from './rest.js';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST `Authorization: Bot …` and gateway IDENTIFY). */
  token?: string;
  /** HELLO's heartbeat_interval; default 41250 ms as on Discord. */
  heartbeatIntervalMs?: number;
  /** Time from dispatch to the first callback before Discord gives up; default 3000 ms. */
  interactionDeadlineMs?: number;
  /** How long webhook edits and follow-ups work after dispatch; default 15 min. */
  tokenLifetimeMs?: number;
  /** Listen on this port instead of a free one (a Discord that comes up late at a known address). */
  port?: number;
}

/** What an injected interaction gives back: enough to find its responses. */
export interface InjectedInteraction {
  id: string;
  token: string;
  payload: APIInteraction;
}

const DEFAULT_WAIT_MS = 15_000;

/** A small Discord (REST + gateway) on 127.0.0.1 that the real discord.js client talks to. */
export class FakeDiscord {
  readonly token: string;
  readonly applicationId = APPLICATION_ID;
  readonly guildId = GUILD_ID;
  readonly botUser = botUser;
  /** Every HTTP request in arrival order. */
  readonly requests: RecordedRequest[] = [];
  private readonly failures: PlannedFailure[] = [];
  /** The guild's roles, the bot's own, and what the bot granted. */
  readonly roles = new FakeGuildRoles();

  private readonly changed = new Signal();
  private readonly nextId = createSnowflakeFactory();
  private readonly users = new Map<string, FakeUser>(fixtureUsers.map((user) => [user.user.id, user]));
  private readonly ledger: InteractionLedger;
  private readonly messages: MessageStore;
  private readonly directMessages = new DirectMessages(this.nextId);
  private readonly commandRegistry: CommandRegistry;
  private readonly gateway: FakeGateway;
  private readonly server: Server;
  private readonly sockets: WebSocketServer;
  private readonly joinedAt = new Date().toISOString();
  private port = 0;
  private readonly wantedPort: number;

  /** Use `startFakeDiscord()`; the constructor does not listen yet. */
  constructor(options: FakeDiscordOptions = {}) {
    // Shaped like a real bot token (the bot's id in base64, a time part, a signature), as the bot checks.
    this.wantedPort = options.port ?? 0;
    this.token =
      options.token ??
      [botUser.id, randomBytes(4), randomBytes(27)]
        .map((part) => Buffer.from(part).toString('base64url'))
        .join('.');
    this.ledger = new InteractionLedger(
      {
        deadlineMs: options.interactionDeadlineMs ?? 3000,
        tokenLifetimeMs: options.tokenLifetimeMs ?? 15 * 60_000,
      },
      this.changed,
    );
    this.messages = new MessageStore(this.nextId, () => this.baseUrl);
    this.commandRegistry = new CommandRegistry(APPLICATION_ID, this.nextId);
    this.gateway = new FakeGateway({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      gatewayUrl: () => this.gatewayUrl,
      changed: this.changed,
      roles: this.roles,
    });
    const routes = [
      ...interactionRoutes({ ledger: this.ledger, messages: this.messages }),
      ...miscRoutes({
        messages: this.messages,
        directMessages: this.directMessages,
        roles: this.roles,
        commands: this.commandRegistry,
        gatewayUrl: () => this.gatewayUrl,
        findUser: (id) => this.users.get(id),
        joinedAt: this.joinedAt,
      }),
    ];
    this.server = createServer(
      createRestHandler({
        routes,
        token: this.token,
        requests: this.requests,
        failures: this.failures,
        changed: this.changed,
      }),
    );
    this.sockets = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      this.sockets.handleUpgrade(req, socket, head, (ws) => this.gateway.accept(ws));
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.wantedPort, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Give this to discord.js as `rest: { api }` (or DISCORD_API_URL). */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Frames in and out of the gateway, in order. */
  get gatewayLog(): readonly GatewayEvent[] {
    return this.gateway.events;
  }

  get deadlineMisses(): readonly DeadlineMiss[] {
    return this.ledger.deadlineMisses;
  }

  /** Requests no route knew (each was answered 404): tests assert this stays empty. */
  unexpectedRequests(): RecordedRequest[] {
    return this.requests.filter((request) => request.route === undefined);
  }

  /** Resolves once the bot has identified (READY and GUILD_CREATE were sent). */
  async waitForBot(timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await this.changed.waitFor(
      () => (this.gateway.hasSession ? true : undefined),
      timeoutMs,
      () => 'no bot identified with the fake gateway',
    );
  }

  /** Changes a role and tells the bot (GUILD_ROLE_UPDATE), as Discord does when an admin edits it. */
  updateRole(roleId: string, patch: { permissions?: bigint; position?: number }): void {
    const role = this.roles.update(roleId, patch);
    this.gateway.dispatch(GatewayDispatchEvents.GuildRoleUpdate, { guild_id: GUILD_ID, role });
  }

  /** Roles the bot granted to a member through the REST API. */
  grantedRoles(userId: string): string[] {
    return this.roles.grantedTo(userId);
  }

  /** Waits until the bot has granted `roleId` to the member. */
  async waitForRole(userId: string, roleId: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await this.changed.waitFor(
      () => (this.roles.grantedTo(userId).includes(roleId) ? true : undefined),
      timeoutMs,
      () => `role ${roleId} was not granted to ${userId}`,
    );
  }

  /** Lets USER options given as a bare id name people beyond the fixtures. */
  addUser(user: FakeUser): void {
    this.users.set(user.user.id, user);
  }

  sendChatCommand(input: ChatCommandInput): InjectedInteraction {
    if (input.user) this.addUser(input.user);
    return this.inject(chatCommandPayload(this.payloadContext(), input));
  }

  sendAutocomplete(input: AutocompleteInput): InjectedInteraction {
    if (input.user) this.addUser(input.user);
    return this.inject(autocompletePayload(this.payloadContext(), input));
  }

  /** Presses a button on a message; the button must be on that message, as on Discord. */
  pressButton(input: ButtonInput): InjectedInteraction {
    if (!findCustomIds(input.message.components ?? []).includes(input.customId)) {
      throw new Error(`Message ${input.message.id} has no component with custom_id ${input.customId}.`);
    }
    if (input.user) this.addUser(input.user);
    return this.inject(buttonPayload(this.payloadContext(), input));
  }

  /** Sends any INTERACTION_CREATE payload as it is (for shapes the helpers do not build). */
  inject(payload: APIInteraction): InjectedInteraction {
    for (const user of [payload.member?.user, payload.user]) {
      if (user && !this.users.has(user.id))
        throw new Error(`Unknown user ${user.id}: add it with addUser().`);
    }
    if (!this.gateway.hasSession) throw new Error('No bot has identified with the fake gateway yet.');
    // Track first so the deadline counts from the moment Discord would dispatch.
    this.ledger.track(payload);
    this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return { id: payload.id, token: payload.token, payload };
  }

  /** Sends a raw gateway dispatch; returns its sequence number. */
  dispatch(event: string, data: unknown): number {
    return this.gateway.dispatch(event, data);
  }

  responsesFor(interactionId: string): InteractionResponse[] {
    return [...(this.ledger.get(interactionId)?.responses ?? [])];
  }

  /** Resolves with the first response (in order) matching `predicate`, waiting if needed. */
  waitForResponse(
    interactionId: string,
    predicate: (response: InteractionResponse) => boolean = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<InteractionResponse> {
    return this.changed.waitFor(
      () => this.ledger.get(interactionId)?.responses.find(predicate),
      timeoutMs,
      () =>
        `no matching response to interaction ${interactionId}; got ${describe(this.responsesFor(interactionId))}`,
    );
  }

  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = DEFAULT_WAIT_MS) {
    return this.changed.waitFor(
      () => this.requests.find((request) => request.status !== undefined && predicate(request)),
      timeoutMs,
      () => 'no matching request arrived',
    );
  }

  /** The message `@original` names now (the reply, or the message a component was on). */
  originalMessage(interactionId: string): APIMessage | undefined {
    const id = this.ledger.get(interactionId)?.originalMessageId;
    return id ? this.messages.get(id) : undefined;
  }

  /** The message the bot most recently created or edited for an interaction. */
  lastMessageFor(interactionId: string): APIMessage | undefined {
    const responses = this.ledger.get(interactionId)?.responses ?? [];
    for (const response of [...responses].reverse()) {
      const message = response.messageId ? this.messages.get(response.messageId) : undefined;
      if (message) return message;
    }
    return undefined;
  }

  message(id: string): APIMessage | undefined {
    return this.messages.get(id);
  }

  /** Messages the bot posted in a channel (announcements and interaction replies). */
  channelMessages(channelId: string): APIMessage[] {
    return this.messages.inChannel(channelId);
  }

  /** Direct messages the bot sent a user (empty when it never opened a DM channel with them). */
  directMessagesTo(userId: string): APIMessage[] {
    const channelId = this.directMessages.channelOf(userId);
    return channelId ? this.messages.inChannel(channelId) : [];
  }

  /** Closes (or opens again) a user's DMs: the bot's messages get 403 50007 as on Discord. */
  setDirectMessagesClosed(userId: string, closed = true): void {
    this.directMessages.setClosed(userId, closed);
  }

  /** Commands stored by the bot's last PUT (global when no guild is given). */
  commands(guildId?: string): StoredCommand[] {
    return this.commandRegistry.list(guildId);
  }

  /**
   * Makes the next request(s) to a route fail like a Discord outage or rate limit. Route
   * names: interaction-callback, webhook-followup, webhook-message-edit, webhook-message-get,
   * webhook-message-delete, channel-message-create, commands-put, guild-commands-put, ….
   */
  failNext(failure: PlannedFailure): void {
    this.failures.push({ ...failure });
  }

  forceReconnect(options?: ReconnectOptions): Promise<void> {
    return this.gateway.forceReconnect(options);
  }

  /** Ends the bot's gateway session with a close code (4004: the token was reset). */
  closeSession(code: number, reason = 'Closed by the fake Discord.'): void {
    this.gateway.closeSession(code, reason);
  }

  /** Closes the gateway, the HTTP server and every timer. Destroy the client first. */
  async stop(): Promise<void> {
    this.ledger.close();
    this.changed.close();
    this.gateway.close();
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private payloadContext(): PayloadContext {
    return {
      nextId: this.nextId,
      commandId: (name) => this.commandRegistry.idOf(name, GUILD_ID) ?? stableCommandId(name),
      findUser: (id) => this.users.get(id),
      findRole: (id) => this.roles.find(id),
      joinedAt: this.joinedAt,
    };
  }
}

/** A command that was never registered still gets the same id every time. */
function stableCommandId(name: string): string {
  let hash = 0n;
  for (const char of name) hash = (hash * 31n + BigInt(char.codePointAt(0)!)) % 1_000_000n;
  return (1_300_000_000_000_500_000n + hash).toString();
}

function findCustomIds(components: readonly unknown[]): string[] {
  const ids: string[] = [];
  walkComponents(components as Record<string, unknown>[], (component) => {
    if (typeof component.custom_id === 'string') ids.push(component.custom_id);
  });
  return ids;
}

function describe(responses: InteractionResponse[]): string {
  if (responses.length === 0) return 'nothing';
  return responses
    .map((response) => `${response.kind}${response.type ? `(${response.type})` : ''} ${response.status}`)
    .join(', ');
}

/** Starts a fake Discord on 127.0.0.1, on an ephemeral port unless `options.port` names one. */
export async function startFakeDiscord(options?: FakeDiscordOptions): Promise<FakeDiscord> {
  const fake = new FakeDiscord(options);
  await fake.listen();
  return fake;
}
