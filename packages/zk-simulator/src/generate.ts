// Deterministic fixtures: the same seed gives byte-identical users and logs on every machine and in
// every time zone, so a failing test or a demo can be reproduced exactly.

import type { AttendanceRecord, User } from "./records.js";
import { encodeZkTime, wallClockFromSeconds } from "./zk-time.js";

/** mulberry32: tiny, fast, and good enough to spread fixtures; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// ASCII only: node-zklib decodes names as ASCII, so accented names would come back mangled.
const FIRST_NAMES = ["Anna", "Ben", "Clara", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kemal", "Lena", "Marek", "Nora", "Oskar", "Paula"];
const LAST_NAMES = ["Adler", "Berg", "Costa", "Dietz", "Engel", "Fischer", "Graf", "Hahn", "Imhof", "Jung", "Kaya", "Lang", "Meyer", "Novak", "Ortiz", "Peters"];

export function generateUsers(count: number, seed = 1): User[] {
  if (count > 65_535) throw new RangeError(`A terminal holds at most 65,535 users (uid is u16); asked for ${count}`);
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    uid: i + 1,
    userId: String(1000 + i),
    name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
    role: i === 0 ? 14 : 0,
    password: "",
    cardNo: Math.floor(random() * 16_000_000),
    groupId: "1",
  }));
}

export interface GenerateAttendanceOptions {
  /** Start of the log; its UTC fields are read as the device's wall clock. Default 2024-01-01 00:00:00. */
  start?: Date;
  seed?: number;
}

/**
 * Punches in chronological order, a few seconds to a few minutes apart, as a busy entrance would
 * log them. Times are produced on the wall clock directly, so the result does not depend on any zone.
 */
export function generateAttendance(
  count: number,
  users: readonly User[],
  { start = new Date(Date.UTC(2024, 0, 1)), seed = 2 }: GenerateAttendanceOptions = {},
): AttendanceRecord[] {
  if (count > 0 && users.length === 0) throw new RangeError("Generating attendance needs at least one user");
  const random = seededRandom(seed);
  let seconds = Math.floor(start.getTime() / 1000);
  return Array.from({ length: count }, () => {
    seconds += 1 + Math.floor(random() * 240);
    const user = users[Math.floor(random() * users.length)]!;
    return {
      userSn: user.uid,
      userId: user.userId,
      time: encodeZkTime(wallClockFromSeconds(seconds)),
      verifyType: random() < 0.8 ? 1 : 15,
      punchState: random() < 0.5 ? 0 : 1,
    };
  });
}
