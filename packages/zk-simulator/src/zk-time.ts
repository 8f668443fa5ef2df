// Terminals keep wall-clock time with no zone attached: every timestamp on the wire is "what the
// clock on the wall of the device's site showed". These helpers move between instants, the
// wall clock of an IANA zone, and the device's packed encodings.

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone when it is not a valid IANA name. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch (cause) {
    throw new RangeError(`Unknown IANA time zone "${timeZone}"; use a name such as "Europe/Berlin"`, { cause });
  }
}

export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Seconds on a zone-less time line, for arithmetic between wall-clock readings. */
export function wallClockSeconds(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) / 1000;
}

export function wallClockFromSeconds(seconds: number): WallClock {
  const d = new Date(seconds * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The device's u32 time: every month counted as 31 days, seconds since 2000-01-01 00:00:00. */
export function encodeZkTime(wall: WallClock): number {
  const days = ((wall.year - 2000) * 12 + (wall.month - 1)) * 31 + (wall.day - 1);
  return days * 86_400 + wall.hour * 3_600 + wall.minute * 60 + wall.second;
}

export function decodeZkTime(value: number): WallClock {
  const second = value % 60;
  let rest = Math.floor(value / 60);
  const minute = rest % 60;
  rest = Math.floor(rest / 60);
  const hour = rest % 24;
  rest = Math.floor(rest / 24);
  const day = (rest % 31) + 1;
  rest = Math.floor(rest / 31);
  const month = (rest % 12) + 1;
  const year = Math.floor(rest / 12) + 2000;
  return { year, month, day, hour, minute, second };
}

/** The 6-byte form real-time events use: yy mm dd hh mi ss. */
export function encodeHexTime(wall: WallClock): Buffer {
  return Buffer.from([wall.year - 2000, wall.month, wall.day, wall.hour, wall.minute, wall.second]);
}
