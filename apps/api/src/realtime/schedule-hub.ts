import type { Logger } from "../lib/logger.js";
import { type Schedule, ScheduleUpdate } from "../modules/schedules/schedule.entity.js";
import { CoalescingChannel } from "./channel.js";
import type { PgListener } from "./pg-listener.js";

export const SCHEDULE_CHANNEL = "taskline_schedule";

type Listener = (update: ScheduleUpdate) => void;

export type ScheduleHubSources = {
  load(id: string): Promise<Schedule | null>;
  loadAll(): Promise<Schedule[]>;
};

/**
 * Fans schedule changes out from the process's one LISTEN connection, like the TaskHub does for tasks. A NOTIFY
 * carries only [id, version, deleted]; the hub reads the row once per change for all its subscribers (schedules
 * change rarely). After a reconnect it re-reads every schedule, since NOTIFYs sent meanwhile are lost, and reports
 * the ones that disappeared as deleted.
 */
export class ScheduleHub {
  private readonly listeners = new Set<Listener>();
  /** Newest version delivered per schedule; a deleted schedule stays at Infinity. */
  private readonly versions = new Map<string, number>();

  constructor(
    listener: PgListener,
    private readonly sources: ScheduleHubSources,
    private readonly log: Logger,
  ) {
    listener.on("notification", (channel: string, payload: string) => {
      if (channel === SCHEDULE_CHANNEL) void this.onNotification(payload);
    });
    listener.on("reconnected", () => void this.resync());
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every change to any schedule, newest state per schedule. */
  watch(): AsyncIterableIterator<ScheduleUpdate> {
    const channel = new CoalescingChannel<ScheduleUpdate>(() => unsubscribe());
    const unsubscribe = this.subscribe((u) => channel.push(u.id, u));
    return channel;
  }

  private publish(update: ScheduleUpdate): void {
    const known = this.versions.get(update.id) ?? -1;
    // A delete carries the last version the row had: it still supersedes that version's update.
    if (known === Infinity || (!update.deleted && known >= update.version)) return;
    this.versions.set(update.id, update.deleted ? Infinity : update.version);
    for (const l of this.listeners) l(update);
  }

  private async onNotification(payload: string): Promise<void> {
    if (!this.listeners.size) return;
    try {
      const [id, version, deleted] = JSON.parse(payload) as [string, number, boolean];
      if (deleted) return this.publish(toUpdate(id, version, null));
      const schedule = await this.sources.load(id);
      // Gone already: its delete event follows.
      if (schedule) this.publish(toUpdate(id, schedule.version, schedule));
    } catch (err) {
      this.log.error({ err, payload: payload.slice(0, 200) }, "schedule event not delivered");
    }
  }

  private async resync(): Promise<void> {
    if (!this.listeners.size) return;
    try {
      const all = await this.sources.loadAll();
      const present = new Set(all.map((s) => s.id));
      for (const s of all) this.publish(toUpdate(s.id, s.version, s));
      for (const [id, version] of this.versions) if (!present.has(id) && version !== Infinity) this.publish(toUpdate(id, version, null));
    } catch (err) {
      this.log.error({ err }, "resynchronising schedule events failed");
    }
  }
}

function toUpdate(id: string, version: number, schedule: Schedule | null): ScheduleUpdate {
  return Object.assign(new ScheduleUpdate(), { id, version, deleted: schedule === null, schedule });
}
