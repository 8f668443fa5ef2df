import type { WorkerPool } from "graphile-worker";
import type { Logger } from "../lib/logger.js";
import { DUE_CHANNEL } from "../modules/schedules/scheduler.js";
import type { PgListener } from "../realtime/pg-listener.js";


/** Instants further ahead are left to graphile-worker's polling (the tick plans about a minute ahead). */
const HORIZON_MS = 5 * 60_000;
/** A second nudge, for a database clock slightly behind this process's (the first fetch would find nothing yet). */
const SECOND_NUDGE_MS = 250;

/**
 * graphile-worker hears of a job when it is inserted, not when it comes due: a job planned a minute ahead is found
 * by the next poll, up to `pollInterval` (2 s) late. The schedule engine announces the instants it planned, and
 * this wakes the pool's local queue at each of them.
 */
export class DueWaker {
  private readonly timers = new Map<number, NodeJS.Timeout[]>();
  private readonly onNotification = (channel: string, payload: string) => {
    if (channel === DUE_CHANNEL) this.schedule(payload);
  };

  constructor(
    private readonly listener: PgListener,
    private readonly pool: Pick<WorkerPool, "nudge">,
    private readonly slots: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.listener.on("notification", this.onNotification);
  }

  stop(): void {
    this.listener.off("notification", this.onNotification);
    for (const timers of this.timers.values()) timers.forEach(clearTimeout);
    this.timers.clear();
  }

  private schedule(payload: string): void {
    let instants: unknown;
    try {
      instants = JSON.parse(payload);
    } catch {
      instants = null;
    }
    if (!Array.isArray(instants)) {
      this.log.warn({ payload: payload.slice(0, 200) }, "ignoring a malformed due notice");
      return;
    }
    const now = Date.now();
    for (const at of instants) {
      if (typeof at !== "number" || at <= now || at > now + HORIZON_MS || this.timers.has(at)) continue;
      const wake = (last: boolean) => () => {
        if (last) this.timers.delete(at);
        this.pool.nudge(this.slots);
      };
      this.timers.set(at, [setTimeout(wake(false), at - now), setTimeout(wake(true), at - now + SECOND_NUDGE_MS)]);
    }
  }
}
