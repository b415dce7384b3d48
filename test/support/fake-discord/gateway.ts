import { randomBytes } from 'node:crypto';
import {
  ApplicationFlags,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { WebSocket } from 'ws';
import { APPLICATION_ID, botUser, GUILD_ID } from './fixtures.js';
import { guildCreatePayload } from './guild.js';
import type { FakeGuildRoles } from './roles.js';
import type { Signal } from './signal.js';
import { gatewayFrameSchema, identifySchema, resumeSchema } from './wire.js';

/** One frame in or out of the gateway, for tests that check the conversation. */
export interface GatewayEvent {
  direction: 'in' | 'out';
  op: number;
  t?: string;
  s?: number;
  at: number;
}

export interface ReconnectOptions {
  /** true: discord.js resumes the session (op 6); false: it must identify again. */
  resumable?: boolean;
  /** How the fake asks: close the socket with 4000, or send op 7 RECONNECT. */
  via?: 'close' | 'reconnect-op';
  timeoutMs?: number;
}

interface Session {
  id: string;
  /** The last sequence number used. */
  seq: number;
  /** Every dispatch of the session, so a resume can replay what the client missed. */
  log: { s: number; t: string; frame: string }[];
  socket: WebSocket | undefined;
}

export interface GatewayOptions {
  /** The guild's roles and the bot's own roles, as GUILD_CREATE announces them. */
  roles: FakeGuildRoles;
  token: string;
  heartbeatIntervalMs: number;
  gatewayUrl: () => string;
  changed: Signal;
}

/** The fake's gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, dispatches, RESUME. */
export class FakeGateway {
  readonly events: GatewayEvent[] = [];
  private readonly sessions = new Map<string, Session>();
  private current: Session | undefined;
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly options: GatewayOptions) {}

  /** Takes over a freshly upgraded WebSocket connection. */
  accept(socket: WebSocket): void {
    this.sockets.add(socket);
    let session: Session | undefined;
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (session?.socket === socket) session.socket = undefined;
      this.options.changed.notify();
    });
    socket.on('message', (data) => {
      const parsed = gatewayFrameSchema.safeParse(safeJson(data.toString()));
      if (!parsed.success) {
        socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
        return;
      }
      const frame = parsed.data;
      this.log('in', frame.op);
      if (frame.op === GatewayOpcodes.Heartbeat) {
        this.send(socket, { op: GatewayOpcodes.HeartbeatAck });
        return;
      }
      if (frame.op === GatewayOpcodes.Identify || frame.op === GatewayOpcodes.Resume) {
        if (session) {
          socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'You sent more than one identify payload.');
          return;
        }
        session =
          frame.op === GatewayOpcodes.Identify
            ? this.identify(socket, frame.d)
            : this.resume(socket, frame.d);
        return;
      }
      if (!session)
        socket.close(GatewayCloseCodes.NotAuthenticated, 'You sent a payload prior to identifying.');
    });
    this.send(socket, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
    });
  }

  /** Sends a dispatch to the bot's session; kept for replay when the bot is reconnecting. */
  dispatch(t: string, d: unknown): number {
    const session = this.current;
    if (!session) throw new Error('No bot has identified with the fake gateway yet.');
    return this.dispatchTo(session, t, d);
  }

  /** True once a session exists (READY and GUILD_CREATE were sent). */
  get hasSession(): boolean {
    return this.current !== undefined;
  }

  /** Drops the bot's connection and resolves when it is back (resumed or identified anew). */
  async forceReconnect(options: ReconnectOptions = {}): Promise<void> {
    const session = this.current;
    const socket = session?.socket;
    if (!session || !socket) throw new Error('No bot is connected to the fake gateway.');
    const resumable = options.resumable ?? true;
    const mark = this.events.length;
    if (!resumable) {
      this.send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
    } else if (options.via === 'reconnect-op') {
      this.send(socket, { op: GatewayOpcodes.Reconnect, d: null });
    } else {
      socket.close(4000, 'Fake Discord forced a reconnect.');
    }
    const awaited = resumable ? GatewayDispatchEvents.Resumed : GatewayDispatchEvents.Ready;
    await this.options.changed.waitFor(
      () =>
        this.events.slice(mark).some((event) => event.direction === 'out' && event.t === awaited)
          ? true
          : undefined,
      options.timeoutMs ?? 20_000,
      () => `the bot did not come back with ${awaited} after a forced reconnect`,
    );
  }

  /** Closes the bot's connection with a close code, as Discord does when it ends a session for good. */
  closeSession(code: number, reason: string): void {
    const socket = this.current?.socket;
    if (!socket) throw new Error('No bot is connected to the fake gateway.');
    socket.close(code, reason);
  }

  close(): void {
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
  }

  private identify(socket: WebSocket, data: unknown): Session | undefined {
    const identify = identifySchema.safeParse(data);
    if (!identify.success || identify.data.token !== this.options.token) {
      socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return undefined;
    }
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, log: [], socket };
    this.sessions.set(session.id, session);
    this.current = session;
    const joinedAt = new Date().toISOString();
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: botUser,
      guilds: [{ id: GUILD_ID, unavailable: true }],
      session_id: session.id,
      resume_gateway_url: this.options.gatewayUrl(),
      shard: identify.data.shard ?? [0, 1],
      application: {
        id: APPLICATION_ID,
        flags: ApplicationFlags.GatewayMessageContentLimited,
        flags_new: String(ApplicationFlags.GatewayMessageContentLimited),
      },
    };
    this.dispatchTo(session, GatewayDispatchEvents.Ready, ready);
    this.dispatchTo(
      session,
      GatewayDispatchEvents.GuildCreate,
      guildCreatePayload(joinedAt, this.options.roles.roles, this.options.roles.botRoleIds),
    );
    return session;
  }

  private resume(socket: WebSocket, data: unknown): Session | undefined {
    const resume = resumeSchema.safeParse(data);
    if (!resume.success || resume.data.token !== this.options.token) {
      socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return undefined;
    }
    const session = this.sessions.get(resume.data.session_id);
    if (!session) {
      this.send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
      return undefined;
    }
    session.socket = socket;
    const after = resume.data.seq ?? 0;
    for (const entry of session.log) {
      if (entry.s <= after) continue;
      this.log('out', GatewayOpcodes.Dispatch, entry.t, entry.s);
      socket.send(entry.frame);
    }
    // RESUMED takes a sequence number but is not itself replayed by a later resume.
    session.seq += 1;
    this.send(socket, {
      op: GatewayOpcodes.Dispatch,
      t: GatewayDispatchEvents.Resumed,
      s: session.seq,
      d: {},
    });
    return session;
  }

  private dispatchTo(session: Session, t: string, d: unknown): number {
    session.seq += 1;
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
    session.log.push({ s: session.seq, t, frame });
    this.log('out', GatewayOpcodes.Dispatch, t, session.seq);
    // A closing socket drops the frame; the log still holds it for the client's RESUME.
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(frame);
    return session.seq;
  }

  private send(socket: WebSocket, frame: { op: number; d?: unknown; t?: string; s?: number }): void {
    this.log('out', frame.op, frame.t, frame.s);
    socket.send(JSON.stringify({ s: null, t: null, d: null, ...frame }));
  }

  private log(direction: 'in' | 'out', op: number, t?: string, s?: number): void {
    this.events.push({
      direction,
      op,
      at: Date.now(),
      ...(t ? { t } : {}),
      ...(s === undefined ? {} : { s }),
    });
    this.options.changed.notify();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
