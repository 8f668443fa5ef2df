import { DateTime, IANAZone } from "luxon";

/**
 * Terminals keep wall-clock time with no zone: every time on the wire is what the clock on the wall of the device's
 * site showed, packed as seconds since 2000-01-01 with every month counted as 31 days. Turning it into an instant
 * needs the device's IANA timezone (its UTC offset changes with daylight saving time).
 */
export function decodeZkTime(value: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const second = value % 60;
  let rest = Math.floor(value / 60);
  const minute = rest % 60;
  rest = Math.floor(rest / 60);
  const hour = rest % 24;
  rest = Math.floor(rest / 24);
  const day = (rest % 31) + 1;
  rest = Math.floor(rest / 31);
  const month = (rest % 12) + 1;
  return { year: Math.floor(rest / 12) + 2000, month, day, hour, minute, second };
}

export function isTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/**
 * Converts ZK times of one device to epoch milliseconds. A day without a transition has one offset (two look-ups
 * per day); on a transition day offsets only change on a quarter hour of wall-clock time, so luxon is asked once per
 * quarter hour seen there, never once per punch. A
 * wall-clock time that occurs twice (the hour clocks go back) is read as the first; one that never occurs (the
 * hour they skip) is moved forward, as luxon does.
 */
export class DeviceClock {
  private readonly offsets = new Map<number, number>();
  private readonly dayOffsets = new Map<number, number | null>();
  private readonly iana: IANAZone;

  constructor(readonly zone: string) {
    if (!isTimeZone(zone)) throw new RangeError(`Unknown IANA timezone "${zone}"`);
    this.iana = IANAZone.create(zone);
  }

  toEpochMs(zkTime: number): number {
    const w = decodeZkTime(zkTime);
    const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    // Most days have one offset throughout: found with two look-ups per day (each costs ~15 µs of Intl).
    const day = Math.floor(wallMs / 86_400_000);
    let dayOffset = this.dayOffsets.get(day);
    if (dayOffset === undefined) {
      const first = this.iana.offset(day * 86_400_000 - 14 * 3_600_000);
      const last = this.iana.offset((day + 1) * 86_400_000 + 14 * 3_600_000);
      dayOffset = first === last ? first * 60_000 : null;
      this.dayOffsets.set(day, dayOffset);
    }
    if (dayOffset !== null) return wallMs - dayOffset;
    // A day with a transition: per quarter hour.
    const slot = Math.floor(wallMs / 900_000);
    let offsetMs = this.offsets.get(slot);
    if (offsetMs === undefined) {
      offsetMs = this.offsetFor(slot * 900_000);
      this.offsets.set(slot, offsetMs);
    }
    return wallMs - offsetMs;
  }

  /** The UTC offset that makes `wallMs` (a wall-clock reading written as if UTC) a real instant of the zone. */
  private offsetFor(wallMs: number): number {
    const offsetAt = (instant: number) => this.iana.offset(instant) * 60_000;
    // The offsets in force half a day either side: a wall-clock time can only mean one of them.
    const before = offsetAt(wallMs - 12 * 3_600_000);
    const after = offsetAt(wallMs + 12 * 3_600_000);
    const fits = (offset: number) => offsetAt(wallMs - offset) === offset;
    const candidates = [before, after].filter(fits);
    // Twice (clocks went back): the first occurrence, i.e. the earlier instant, i.e. the larger offset.
    if (candidates.length) return Math.max(...candidates);
    // Never (clocks skipped it): read with the offset before the jump, which moves it forward by the jump.
    return before;
  }
  /** The device's wall clock as an ISO local time, for messages ("device clock 2024-03-10 08:34"). */
  static describe(zkTime: number): string {
    const w = decodeZkTime(zkTime);
    const p = (n: number) => String(n).padStart(2, "0");
    return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
  }
}
