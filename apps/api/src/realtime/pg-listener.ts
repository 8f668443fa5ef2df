import { EventEmitter } from "node:events";
import pg from "pg";
import type { Logger } from "../lib/logger.js";

export type PgListenerOptions = {
  connectionString: string;
  channels: string[];
  log: Logger;
  /** First reconnect delay, doubled per failure up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** A silent connection is checked this often, so a dead network is noticed, not just a closed socket. */
  pingIntervalMs?: number;
};

/**
 * The process's one LISTEN connection. It reconnects with backoff whenever the connection drops (Postgres restart,
 * network, pg_terminate_backend) and emits `reconnected` once listening again, so owners can re-read whatever
 * they may have missed: NOTIFYs sent while nobody listened are gone for good.
 *
 * Events: `notification` (channel, payload), `connected`, `reconnected`, `disconnected` (error).
 */
export class PgListener extends EventEmitter {
  private client: pg.Client | undefined;
  private stopped = false;
  private everConnected = false;
  private failures = 0;
  private pingTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly opts: Required<PgListenerOptions>;
  reconnects = 0;

  constructor({
    minBackoffMs = 100, // 0.1 second
    maxBackoffMs = 5_000, // 5 seconds
    pingIntervalMs = 15_000, // 15 seconds
    ...rest
  }: PgListenerOptions) {
    super();
    this.opts = { minBackoffMs, maxBackoffMs, pingIntervalMs, ...rest };
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  /** Resolves once listening the first time; later drops are handled in the background. */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.opts.connectionString, keepAlive: true, application_name: "taskline-listener" });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client, new Error("LISTEN connection ended")));
    client.on("notification", (msg) => this.emit("notification", msg.channel, msg.payload ?? ""));
    try {
      await client.connect();
      for (const channel of this.opts.channels) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      client.removeAllListeners("end");
      client.end().catch(() => {});
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.failures = 0;
    this.pingTimer = setInterval(() => {
      client.query("SELECT 1").catch((err) => this.lost(client, err));
    }, this.opts.pingIntervalMs).unref();
    const again = this.everConnected;
    this.everConnected = true;
    this.emit("connected");
    if (again) {
      this.reconnects++;
      this.emit("reconnected");
    }
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    clearInterval(this.pingTimer);
    client.end().catch(() => {});
    if (this.stopped) return;
    this.opts.log.warn({ err: err.message }, "LISTEN connection lost; reconnecting");
    this.emit("disconnected", err);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = Math.min(this.opts.maxBackoffMs, this.opts.minBackoffMs * 2 ** this.failures);
    this.failures++;
    this.retryTimer = setTimeout(() => {
      this.connect().catch((err) => {
        this.opts.log.warn({ err: (err as Error).message, attempt: this.failures }, "LISTEN reconnect failed");
        if (!this.stopped) this.scheduleReconnect();
      });
    }, delay);
    this.retryTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
    }
  }
}
