import { CatchUpPolicy } from "./schedule.entity.js";
import { firesAfter, firesBefore, type Timing } from "./next-fires.js";

/** The tick looks this far ahead: it runs once a minute, so the next tick enqueues what comes after. */
export const TICK_LOOKAHEAD_MS = 60_000; // 1 minute
/**
 * A fire at most this late is on time, not missed: one tick lost to a restart or a slow queue must not make a
 * per-minute schedule with catch-up NONE drop a fire. Older fires are "missed" and follow the catch-up policy.
 */
export const LATE_GRACE_MS = 120_000; // 2 minutes
/** Fires one schedule may enqueue ahead per tick; only intervals of a minute can come near it. */
const MAX_UPCOMING = 10;

export type PlanInput = Timing & { catchUpPolicy: CatchUpPolicy; catchUpCap: number; lastEnqueuedFireAt: Date | null; createdAt: Date };
export type FirePlan = {
  /** Fires to enqueue, ascending. */
  enqueue: Date[];
  /** The catch-up policy dropped at least one missed fire (for the log). */
  droppedSome: boolean;
  /** The new `last_enqueued_fire_at`, or undefined when nothing moved. */
  advanceTo: Date | undefined;
};

/**
 * Which fires of one schedule a tick at `now` enqueues. Pure, so every tick, in any process, in any order, computes
 * the same answer from the same row. Missed fires are looked up backwards from `now`, so the work stays bounded by
 * the catch-up cap however long the downtime was.
 */
export function planFires(s: PlanInput, now: Date): FirePlan {
  const last = s.lastEnqueuedFireAt ?? s.createdAt;
  const lateBefore = new Date(now.getTime() - LATE_GRACE_MS);
  const horizon = new Date(now.getTime() + TICK_LOOKAHEAD_MS);

  let missed: Date[] = [];
  let droppedSome = false;
  let newestMissed: Date | undefined;
  if (last < lateBefore) {
    const keep = s.catchUpPolicy === CatchUpPolicy.ALL ? s.catchUpCap : s.catchUpPolicy === CatchUpPolicy.LATEST ? 1 : 0;
    // One more than kept tells whether any was dropped; the newest one moves the bookkeeping even when dropped.
    const found = firesBefore(s, lateBefore, Math.max(keep, 1) + 1, last);
    newestMissed = found[0];
    missed = found.slice(0, keep).reverse();
    droppedSome = found.length > keep;
  }
  const from = last > lateBefore ? last : new Date(lateBefore.getTime() - 1);
  const upcoming = firesAfter(s, from, MAX_UPCOMING, horizon);
  const enqueue = [...missed, ...upcoming];
  const newest = upcoming.at(-1) ?? newestMissed;
  return { enqueue, droppedSome, advanceTo: newest && newest > last ? newest : undefined };
}
