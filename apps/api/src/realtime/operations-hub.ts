import type { Logger } from "../lib/logger.js";
import type { OperationsOverview } from "../modules/operations/operations.types.js";
import { PAUSE_CHANNEL } from "../worker/pause-gate.js";
import { CoalescingChannel } from "./channel.js";
import type { PgListener } from "./pg-listener.js";
import { SCHEDULE_CHANNEL } from "./schedule-hub.js";
import { TASK_CHANNEL } from "./task-hub.js";

/** Channels whose events change the overview: task changes (incl. the sweeper's), schedules, pauses. */
const CHANNELS = new Set([TASK_CHANNEL, SCHEDULE_CHANNEL, PAUSE_CHANNEL]);

export type OperationsHubOptions = {
  /** At most one recomputation per this many ms, however many events arrive: 1.5 s. */
  debounceMs?: number;
  /**
   * Recompute this often even without events while someone watches: heartbeat ages, SILENT pools and the rolling
   * time buckets change with the clock, not with an event. 10 s.
   */
  refreshMs?: number;
};

/**
 * Pushes a fresh operations overview to its subscribers, driven by NOTIFY events and debounced, computed once per
 * process for all of them. Quiet when nobody watches: no queries at all.
 */
export class OperationsHub {
  private readonly channels = new Set<CoalescingChannel<OperationsOverview>>();
  private timer: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private computing = false;
  private again = false;
  private lastRunAt = 0;
  private readonly debounceMs: number;
  private readonly refreshMs: number;

  constructor(
    listener: PgListener,
    private readonly compute: () => Promise<OperationsOverview>,
    private readonly log: Logger,
    { debounceMs = 1_500, refreshMs = 10_000 }: OperationsHubOptions = {},
  ) {
    this.debounceMs = debounceMs;
    this.refreshMs = refreshMs;
    listener.on("notification", (channel: string) => {
      if (CHANNELS.has(channel)) this.schedule();
    });
    listener.on("reconnected", () => this.schedule());
  }

  /** The current overview first, then a new one after changes. */
  watch(): AsyncIterableIterator<OperationsOverview> {
    const channel = new CoalescingChannel<OperationsOverview>(() => {
      this.channels.delete(channel);
      if (!this.channels.size) this.idle();
    });
    this.channels.add(channel);
    if (!this.ticker) {
      this.ticker = setInterval(() => this.schedule(), this.refreshMs);
      this.ticker.unref();
    }
    this.compute().then(
      (o) => channel.push("overview", o),
      (err) => this.log.error({ err }, "operations overview failed"),
    );
    return channel;
  }

  get subscriberCount(): number {
    return this.channels.size;
  }

  stop(): void {
    for (const c of [...this.channels]) c.close();
    this.idle();
  }

  private idle(): void {
    clearInterval(this.ticker);
    clearTimeout(this.timer);
    this.ticker = undefined;
    this.timer = undefined;
  }

  /** Trailing debounce with a floor between runs: a burst of events gives one run, a steady stream one per period. */
  private schedule(): void {
    if (!this.channels.size || this.timer) return;
    if (this.computing) {
      this.again = true;
      return;
    }
    const wait = Math.max(0, this.lastRunAt + this.debounceMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, Math.max(wait, 50));
  }

  private async run(): Promise<void> {
    if (!this.channels.size) return;
    this.computing = true;
    this.lastRunAt = Date.now();
    try {
      const overview = await this.compute();
      for (const c of this.channels) c.push("overview", overview);
    } catch (err) {
      this.log.error({ err }, "operations overview failed; the next event or refresh tries again");
    } finally {
      this.computing = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }
}
