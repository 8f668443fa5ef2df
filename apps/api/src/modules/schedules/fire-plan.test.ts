import { describe, expect, it } from "vitest";
import { planFires, type PlanInput } from "./fire-plan.js";
import { CatchUpPolicy } from "./schedule.entity.js";

const MIN = 60_000;
const t0 = new Date("2026-05-01T12:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);
const perMinute = (policy: CatchUpPolicy, cap = 10): PlanInput => ({
  cron: "* * * * *",
  intervalSeconds: null,
  timezone: "UTC",
  anchor: t0,
  createdAt: t0,
  catchUpPolicy: policy,
  catchUpCap: cap,
  lastEnqueuedFireAt: t0,
});
const iso = (d: Date[]) => d.map((x) => x.toISOString());

describe("which fires a tick enqueues", () => {
  it("enqueues the fires of the coming minute and advances to the last one", () => {
    const plan = planFires(perMinute(CatchUpPolicy.NONE), new Date(t0.getTime() + 30_000));
    expect(iso(plan.enqueue)).toEqual([at(1).toISOString()]);
    expect(plan.advanceTo).toEqual(at(1));
  });

  it("enqueues nothing twice: a second tick at the same time finds nothing new", () => {
    const s = perMinute(CatchUpPolicy.ALL);
    const first = planFires(s, at(5));
    const second = planFires({ ...s, lastEnqueuedFireAt: first.advanceTo! }, at(5));
    expect(second.enqueue).toEqual([]);
    expect(second.advanceTo).toBeUndefined();
  });

  it("after downtime, NONE skips the missed fires but keeps those within the grace", () => {
    const plan = planFires(perMinute(CatchUpPolicy.NONE), at(60));
    expect(iso(plan.enqueue)).toEqual(iso([at(58), at(59), at(60), at(61)]));
    expect(plan.droppedSome).toBe(true);
    expect(plan.advanceTo).toEqual(at(61));
  });

  it("after downtime, LATEST runs only the last missed fire", () => {
    const plan = planFires(perMinute(CatchUpPolicy.LATEST), at(60));
    expect(iso(plan.enqueue)).toEqual(iso([at(57), at(58), at(59), at(60), at(61)]));
  });

  it("after downtime, ALL runs the most recent missed fires up to the cap", () => {
    const plan = planFires(perMinute(CatchUpPolicy.ALL, 5), at(60));
    expect(iso(plan.enqueue)).toEqual(iso([at(53), at(54), at(55), at(56), at(57), at(58), at(59), at(60), at(61)]));
  });

  it("still moves past missed fires when the policy drops them all", () => {
    const s = { ...perMinute(CatchUpPolicy.NONE), cron: "0 * * * *" };
    const plan = planFires(s, at(150));
    expect(plan.enqueue).toEqual([]);
    expect(plan.advanceTo).toEqual(at(120));
  });

  it("fires a 02:30 daily schedule once on each DST transition day, ticking every 10 minutes", () => {
    for (const [zone, from] of [
      ["America/New_York", "2026-03-07T12:00:00Z"],
      ["America/New_York", "2026-10-31T12:00:00Z"],
      ["Europe/Berlin", "2026-03-28T12:00:00Z"],
      ["Europe/Berlin", "2026-10-24T12:00:00Z"],
    ] as const) {
      const start = new Date(from);
      let s: PlanInput = { ...perMinute(CatchUpPolicy.ALL), cron: "30 2 * * *", timezone: zone, createdAt: start, anchor: start, lastEnqueuedFireAt: start };
      const fires: Date[] = [];
      for (let now = start.getTime(); now < start.getTime() + 2 * 86_400_000; now += 10 * MIN) {
        const plan = planFires(s, new Date(now));
        fires.push(...plan.enqueue);
        if (plan.advanceTo) s = { ...s, lastEnqueuedFireAt: plan.advanceTo };
      }
      expect(fires, `${zone} from ${from}`).toHaveLength(2);
    }
  });
});
