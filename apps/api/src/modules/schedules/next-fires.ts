import { CronExpressionParser, type CronExpression } from "cron-parser";
import cronstrue from "cronstrue";
import { BadUserInputError } from "../../graphql/errors.js";

/**
 * When a schedule fires. cron-parser is the one library that answers this, for the API's preview and for the tick
 * alike, so what the form shows is what runs. Cron expressions are evaluated in the schedule's IANA timezone
 * (cron-parser handles daylight saving: a wall-clock time that does not exist fires at the first instant after the
 * gap, one that exists twice fires once). Intervals are plain elapsed time from `anchor` (the schedule's creation):
 * they ignore the timezone, as "every 30 minutes" should.
 */
export type Timing = {
  cron: string | null;
  intervalSeconds: number | null;
  timezone: string;
  /** Interval schedules fire at anchor + k * interval, k >= 1. */
  anchor: Date;
};

/** The macros cron-parser understands; anything else must be exactly five fields (no seconds, no year). */
const MACROS = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);
export const MIN_INTERVAL_SECONDS = 60;

/** A valid IANA timezone, or BAD_USER_INPUT. */
export function checkTimezone(timezone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    throw new BadUserInputError(`Unknown timezone "${timezone}": use an IANA name such as Europe/Berlin or UTC`, { field: "timezone" });
  }
  return timezone;
}

/** A valid cron expression (5 fields or a macro), or BAD_USER_INPUT saying what is wrong. */
export function checkCron(expression: string): string {
  const expr = expression.trim().replace(/\s+/g, " ");
  if (expr.startsWith("@")) {
    if (!MACROS.has(expr.toLowerCase())) throw new BadUserInputError(`Invalid cron expression "${expression}": unknown macro; use one of ${[...MACROS].join(", ")}`, { field: "cron" });
    return expr.toLowerCase();
  }
  const fields = expr.split(" ").length;
  if (fields !== 5) throw new BadUserInputError(`Invalid cron expression "${expression}": expected 5 fields (minute hour day-of-month month day-of-week), got ${fields}`, { field: "cron" });
  try {
    CronExpressionParser.parse(expr, { tz: "UTC" }).next(); // next() also refuses dates that never come (30 February)
  } catch (err) {
    throw new BadUserInputError(`Invalid cron expression "${expression}": ${(err as Error).message}`, { field: "cron" });
  }
  return expr;
}

/** Checks a timing as a user gave it: exactly one of cron and interval, a known timezone. */
export function checkTiming(t: { cron?: string | null; intervalSeconds?: number | null; timezone: string }): { cron: string | null; intervalSeconds: number | null; timezone: string } {
  const hasCron = t.cron != null && t.cron.trim() !== "";
  const hasInterval = t.intervalSeconds != null;
  if (hasCron === hasInterval) throw new BadUserInputError("Give either a cron expression or an interval, not both and not neither", { field: "cron" });
  if (hasInterval && (!Number.isInteger(t.intervalSeconds) || t.intervalSeconds! < MIN_INTERVAL_SECONDS)) {
    throw new BadUserInputError(`Invalid interval: at least ${MIN_INTERVAL_SECONDS} seconds, in whole seconds`, { field: "intervalSeconds" });
  }
  return { cron: hasCron ? checkCron(t.cron!) : null, intervalSeconds: hasInterval ? t.intervalSeconds! : null, timezone: checkTimezone(t.timezone) };
}

function cronFrom(t: Timing, currentDate: Date): CronExpression {
  return CronExpressionParser.parse(t.cron!, { tz: t.timezone, currentDate });
}

/** Up to `count` fires strictly after `after` and at or before `until`, ascending. */
export function firesAfter(t: Timing, after: Date, count: number, until?: Date): Date[] {
  const out: Date[] = [];
  const limit = until?.getTime() ?? Infinity;
  if (t.intervalSeconds) {
    const step = t.intervalSeconds * 1000;
    const a = t.anchor.getTime();
    let k = Math.max(1, Math.floor((after.getTime() - a) / step) + 1);
    for (; out.length < count; k++) {
      const at = a + k * step;
      if (at > limit) break;
      out.push(new Date(at));
    }
    return out;
  }
  // cron-parser moves a fire that falls into a spring-forward gap (02:30) to just after it (03:30) only when it
  // walks across the gap; started after the gap, it skips that day. So start before a nearby offset change.
  const start = offsetChangedWithin(t.timezone, after, DST_LOOKBACK_MS) ? new Date(after.getTime() - DST_LOOKBACK_MS) : after;
  const it = cronFrom(t, start);
  while (out.length < count) {
    const at = it.next().toDate();
    if (at.getTime() > limit) break;
    if (at.getTime() > after.getTime()) out.push(at);
  }
  return out;
}

/**
 * Up to `count` fires strictly before `before` and strictly after `after`, newest first. cron-parser's prev() does
 * not see a fire moved out of a spring-forward gap, so it only finds where to start; the forward walk decides.
 */
export function firesBefore(t: Timing, before: Date, count: number, after: Date): Date[] {
  const floor = after.getTime();
  if (t.intervalSeconds) {
    const out: Date[] = [];
    const step = t.intervalSeconds * 1000;
    const a = t.anchor.getTime();
    for (let k = Math.ceil((before.getTime() - a) / step) - 1; k >= 1 && out.length < count; k--) {
      const at = a + k * step;
      if (at <= floor) break;
      out.push(new Date(at));
    }
    return out;
  }
  if (count <= 0) return [];
  const it = cronFrom(t, before);
  let from = after;
  for (let i = 0; i <= count; i++) {
    const at = it.prev().toDate();
    if (at.getTime() <= floor) {
      from = after;
      break;
    }
    from = new Date(at.getTime() - 1);
  }
  // A moved fire adds at most one per offset change in the range; a few spare cover them.
  const forward = firesAfter(t, from, count + 4, new Date(before.getTime() - 1));
  return forward.slice(-count).reverse();
}

/** Longer than any daylight-saving shift (one hour almost everywhere; Lord Howe Island: 30 minutes). */
const DST_LOOKBACK_MS = 2 * 3_600_000; // 2 hours
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function utcOffsetMinutes(timeZone: string, at: Date): number {
  let f = offsetFormats.get(timeZone);
  if (!f) offsetFormats.set(timeZone, (f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })));
  const name = f.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

function offsetChangedWithin(timeZone: string, at: Date, ms: number): boolean {
  return utcOffsetMinutes(timeZone, at) !== utcOffsetMinutes(timeZone, new Date(at.getTime() - ms));
}

/** "At 08:00, only on Monday (Europe/Berlin)"; "Every 30 minutes". */
export function describeTiming(t: Pick<Timing, "cron" | "intervalSeconds" | "timezone">): string {
  if (t.intervalSeconds) return `Every ${describeSeconds(t.intervalSeconds)}`;
  return `${cronstrue.toString(t.cron!, { use24HourTimeFormat: true, verbose: false })} (${t.timezone})`;
}

function describeSeconds(s: number): string {
  const units: Array<[number, string]> = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
    [1, "second"],
  ];
  for (const [size, name] of units) if (s % size === 0) return s === size ? name : `${s / size} ${name}s`;
  return `${s} seconds`;
}
