import { type Client, Status } from 'discord.js';

type Phase = 'starting' | 'connecting' | 'running' | 'stopping';

/**
 * Where the bot's Discord connection stands, for the health endpoint and metrics: which
 * start-up attempt is running, then the live client's own gateway status and ping.
 */
export class GatewayStatus {
  private phase: Phase = 'starting';
  private attempt = 0;
  private client: Client | undefined;

  connecting(attempt: number, client: Client): void {
    this.phase = 'connecting';
    this.attempt = attempt;
    this.client = client;
  }

  running(client: Client): void {
    this.phase = 'running';
    this.client = client;
  }

  stopping(): void {
    this.phase = 'stopping';
  }

  /**
   * Every shard's own status is Ready. (The manager's status stays Ready while a shard
   * reconnects, so it cannot tell a dropped connection.)
   */
  get connected(): boolean {
    return (
      this.phase === 'running' && this.notReady() === undefined && (this.client?.ws.shards.size ?? 0) > 0
    );
  }

  /** The status of the first shard that is not ready, if any. */
  private notReady(): Status | undefined {
    return this.client?.ws.shards.find((shard) => shard.status !== Status.Ready)?.status;
  }

  /** Last heartbeat round trip in ms; null before the first one. */
  get pingMs(): number | null {
    const ping = this.client?.ws.ping;
    return ping === undefined || ping < 0 ? null : ping;
  }

  describe(): string {
    switch (this.phase) {
      case 'starting':
        return 'not started';
      case 'connecting':
        return `connecting (attempt ${this.attempt})`;
      case 'stopping':
        return 'shutting down';
      default:
        return this.connected
          ? 'connected'
          : `reconnecting (${Status[this.client?.ws.status ?? Status.Idle]})`;
    }
  }
}
