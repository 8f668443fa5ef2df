import { describe, expect, it } from "vitest";
import { checkCron, checkTimezone, checkTiming, describeTiming, firesAfter, firesBefore, type Timing } from "./next-fires.js";

const cron = (expr: string, timezone = "UTC"): Timing => ({ cron: expr, intervalSeconds: null, timezone, anchor: new Date(0) });
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
/** Local wall-clock date and time of an instant in a zone, e.g. "2026-03-08 03:30". */
const local = (d: Date, timeZone: string) => d.toLocaleString("sv-SE", { timeZone }).slice(0, 16);

describe("next fires", () => {
  it("gives the next fires of a weekly cron in the schedule's timezone", () => {
    const fires = firesAfter(cron("0 8 * * 1", "Europe/Berlin"), new Date("2026-01-01T00:00:00Z"), 3);
    expect(iso(fires)).toEqual(["2026-01-05T07:00:00.000Z", "2026-01-12T07:00:00.000Z", "2026-01-19T07:00:00.000Z"]);
  });

  it("understands macros like @daily, @hourly and @weekly", () => {
    const from = new Date("2026-10-24T12:00:00Z");
    expect(iso(firesAfter(cron("@hourly"), from, 1))).toEqual(["2026-10-24T13:00:00.000Z"]);
    expect(iso(firesAfter(cron("@daily"), from, 1))).toEqual(["2026-10-25T00:00:00.000Z"]);
    expect(iso(firesAfter(cron("@weekly"), from, 1))).toEqual(["2026-10-25T00:00:00.000Z"]);
  });

  it("anchors interval schedules on their creation and stops at the given end", () => {
    const t: Timing = { cron: null, intervalSeconds: 1800, timezone: "UTC", anchor: new Date("2026-01-01T10:10:00Z") };
    expect(iso(firesAfter(t, new Date("2026-01-01T10:00:00Z"), 3))).toEqual(["2026-01-01T10:40:00.000Z", "2026-01-01T11:10:00.000Z", "2026-01-01T11:40:00.000Z"]);
    expect(iso(firesAfter(t, new Date("2026-01-01T10:40:00Z"), 5, new Date("2026-01-01T11:30:00Z")))).toEqual(["2026-01-01T11:10:00.000Z"]);
    expect(iso(firesBefore(t, new Date("2026-01-01T11:40:00Z"), 5, new Date("2026-01-01T10:10:00Z")))).toEqual(["2026-01-01T11:10:00.000Z", "2026-01-01T10:40:00.000Z"]);
  });

  it("looks back from an instant, newest first, never at or before the floor", () => {
    const fires = firesBefore(cron("*/15 * * * *"), new Date("2026-01-01T01:00:00Z"), 10, new Date("2026-01-01T00:15:00Z"));
    expect(iso(fires)).toEqual(["2026-01-01T00:45:00.000Z", "2026-01-01T00:30:00.000Z"]);
  });
});

describe("daylight saving", () => {
  for (const [zone, springDay, fallDay] of [
    ["America/New_York", "2026-03-08", "2026-11-01"],
    ["Europe/Berlin", "2026-03-29", "2026-10-25"],
  ] as const) {
    it(`fires a 02:30 daily schedule once on both transition days in ${zone}`, () => {
      for (const day of [springDay, fallDay]) {
        const start = new Date(`${day}T00:00:00Z`);
        const fires = firesAfter(cron("30 2 * * *", zone), new Date(start.getTime() - 2 * 86_400_000), 5);
        const onDay = fires.filter((f) => local(f, zone).startsWith(day));
        expect(onDay, `${zone} ${day}: ${iso(fires)}`).toHaveLength(1);
        // Every day before and after fires once too: no day skipped, none doubled.
        expect(new Set(fires.map((f) => local(f, zone).slice(0, 10))).size).toBe(5);
      }
    });
  }

  it("moves the spring-forward fire to the first instant after the gap (03:30 local)", () => {
    const [fire] = firesAfter(cron("30 2 * * *", "America/New_York"), new Date("2026-03-08T05:00:00Z"), 1);
    expect(local(fire!, "America/New_York")).toBe("2026-03-08 03:30");
  });
});

describe("validation", () => {
  it("refuses an invalid cron expression with a message saying what is wrong", () => {
    expect(() => checkCron("61 * * * *")).toThrow(/Invalid cron expression "61 \* \* \* \*": .*59/);
    expect(() => checkCron("* * * * * *")).toThrow(/expected 5 fields .* got 6/);
    expect(() => checkCron("@sometimes")).toThrow(/unknown macro/);
    expect(() => checkCron("0 0 30 2 *")).toThrow(/Invalid cron expression/);
  });

  it("refuses an unknown timezone", () => {
    expect(() => checkTimezone("Mars/Olympus_Mons")).toThrow(/Unknown timezone "Mars\/Olympus_Mons"/);
    expect(checkTimezone("Europe/Berlin")).toBe("Europe/Berlin");
  });

  it("needs exactly one of cron and interval, and intervals of a minute or more", () => {
    expect(() => checkTiming({ cron: "* * * * *", intervalSeconds: 60, timezone: "UTC" })).toThrow(/either a cron expression or an interval/);
    expect(() => checkTiming({ timezone: "UTC" })).toThrow(/either a cron expression or an interval/);
    expect(() => checkTiming({ intervalSeconds: 30, timezone: "UTC" })).toThrow(/at least 60 seconds/);
  });
});

describe("descriptions", () => {
  it("reads a cron schedule with its timezone", () => {
    expect(describeTiming({ cron: "0 8 * * 1", intervalSeconds: null, timezone: "Europe/Berlin" })).toBe("At 08:00, only on Monday (Europe/Berlin)");
  });

  it("reads an interval in its largest whole unit", () => {
    expect(describeTiming({ cron: null, intervalSeconds: 1800, timezone: "UTC" })).toBe("Every 30 minutes");
    expect(describeTiming({ cron: null, intervalSeconds: 3600, timezone: "UTC" })).toBe("Every hour");
  });
});
