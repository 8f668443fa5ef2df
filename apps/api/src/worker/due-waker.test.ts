import EventEmitter from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../lib/logger.js";
import { DUE_CHANNEL } from "../modules/schedules/scheduler.js";
import type { PgListener } from "../realtime/pg-listener.js";
import { DueWaker } from "./due-waker.js";

describe("DueWaker", () => {
  afterEach(() => vi.useRealTimers());

  it("nudges the pool at each announced instant (and once more just after), once per instant, and stops on stop()", () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const listener = new EventEmitter() as unknown as PgListener;
    const nudges: Array<[number, number]> = [];
    const waker = new DueWaker(listener, { nudge: (n: number) => void nudges.push([Date.now(), n]) }, 50, createLogger("silent"));
    waker.start();
    listener.emit("notification", DUE_CHANNEL, JSON.stringify([1_060_000, 1_000_500]));
    listener.emit("notification", DUE_CHANNEL, JSON.stringify([1_060_000])); // a second tick's notice of the same minute
    listener.emit("notification", DUE_CHANNEL, JSON.stringify([999_000, 1_000_000 + 10 * 60_000])); // past, too far
    listener.emit("notification", DUE_CHANNEL, "not json");
    listener.emit("notification", "other_channel", JSON.stringify([1_000_100]));
    vi.advanceTimersByTime(61_000);
    expect(nudges).toEqual([
      [1_000_500, 50],
      [1_000_750, 50],
      [1_060_000, 50],
      [1_060_250, 50],
    ]);

    listener.emit("notification", DUE_CHANNEL, JSON.stringify([1_120_000]));
    waker.stop();
    vi.advanceTimersByTime(120_000);
    expect(nudges).toHaveLength(4);
  });
});
