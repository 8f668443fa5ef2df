// What a terminal remembers: its users, its attendance log, whether it accepts punches, and its
// clock. Knows nothing about sockets, so tests and the CLI can inspect and change it directly.

import { generateAttendance, generateUsers } from "./generate.js";
import type { AttendanceRecord, User } from "./records.js";
import {
  assertTimeZone,
  encodeZkTime,
  wallClockAt,
  wallClockFromSeconds,
  wallClockSeconds,
  type WallClock,
} from "./zk-time.js";

export type UserInput = Pick<User, "uid" | "userId" | "name"> & Partial<User>;

export interface AttendanceInput {
  userId: string;
  /** An instant; stored as the wall clock the device would have shown then. */
  timestamp: Date;
  verifyType?: number;
  punchState?: number;
}

export interface DeviceStateOptions {
  /** Users to hold, or how many to generate (seeded). Default 0. */
  users?: readonly UserInput[] | number;
  /** Attendance to hold, or how many records to generate (seeded, over the users). Default 0. */
  attendance?: readonly AttendanceInput[] | number;
  /** IANA zone of the device's site; its clock and logs are wall-clock times there. Default "UTC". */
  timezone?: string;
  /** Reported for "~SerialNumber". Default "SIM0000000001". */
  serialNumber?: string;
  /** Seed for generated users and attendance. Default 1. */
  seed?: number;
  /** Capacities reported by GET_FREE_SIZES. Defaults 10,000 users and 200,000 records. */
  userCapacity?: number;
  logCapacity?: number;
}

export class DeviceState {
  readonly timezone: string;
  serialNumber: string;
  enabled = true;
  readonly userCapacity: number;
  readonly logCapacity: number;
  readonly attendance: AttendanceRecord[];
  private readonly usersByUid = new Map<number, User>();
  private readonly usersByUserId = new Map<string, User>();
  /** SET_TIME moves the device clock, not the host's: keep the difference on the wall-clock line. */
  private clockOffsetSeconds = 0;

  constructor({
    users = 0,
    attendance = 0,
    timezone = "UTC",
    serialNumber = "SIM0000000001",
    seed = 1,
    userCapacity = 10_000,
    logCapacity = 200_000,
  }: DeviceStateOptions = {}) {
    assertTimeZone(timezone);
    this.timezone = timezone;
    this.serialNumber = serialNumber;
    this.userCapacity = userCapacity;
    this.logCapacity = logCapacity;
    const initialUsers = typeof users === "number" ? generateUsers(users, seed) : users.map(withUserDefaults);
    for (const user of initialUsers) this.upsertUser(user);
    this.attendance =
      typeof attendance === "number"
        ? generateAttendance(attendance, this.users, { seed: seed + 1 })
        : attendance.map((entry) => this.toRecord(entry));
  }

  /** Users ordered by uid, as the device lists them. */
  get users(): User[] {
    return [...this.usersByUid.values()].sort((a, b) => a.uid - b.uid);
  }

  get userCount(): number {
    return this.usersByUid.size;
  }

  upsertUser(user: User): void {
    if (!Number.isInteger(user.uid) || user.uid < 1 || user.uid > 65_535) {
      throw new RangeError(`uid must be an integer from 1 to 65535; got ${user.uid}`);
    }
    const previous = this.usersByUid.get(user.uid);
    if (previous) this.usersByUserId.delete(previous.userId);
    const stored = { ...user };
    this.usersByUid.set(user.uid, stored);
    this.usersByUserId.set(user.userId, stored);
  }

  /** Returns whether a user was removed; deleting an absent uid is not an error, so retries are safe. */
  deleteUser(uid: number): boolean {
    const user = this.usersByUid.get(uid);
    if (!user) return false;
    this.usersByUid.delete(uid);
    this.usersByUserId.delete(user.userId);
    return true;
  }

  findUser(userId: string): User | undefined {
    return this.usersByUserId.get(userId);
  }

  addAttendance(entry: AttendanceInput): AttendanceRecord {
    const record = this.toRecord(entry);
    this.attendance.push(record);
    return record;
  }

  clearAttendance(): void {
    this.attendance.length = 0;
  }

  /** The device clock: the site's wall clock plus whatever SET_TIME moved it by. */
  clock(now = new Date()): WallClock {
    return wallClockFromSeconds(wallClockSeconds(wallClockAt(now, this.timezone)) + this.clockOffsetSeconds);
  }

  setClock(wall: WallClock, now = new Date()): void {
    this.clockOffsetSeconds = wallClockSeconds(wall) - wallClockSeconds(wallClockAt(now, this.timezone));
  }

  /** The device's instant `timestamp`, shifted by the clock offset like every punch it records. */
  private toRecord(entry: AttendanceInput): AttendanceRecord {
    return {
      userSn: this.findUser(entry.userId)?.uid ?? 0,
      userId: entry.userId,
      time: encodeZkTime(this.clock(entry.timestamp)),
      verifyType: entry.verifyType ?? 1,
      punchState: entry.punchState ?? 0,
    };
  }
}

function withUserDefaults(user: UserInput): User {
  return { role: 0, password: "", cardNo: 0, groupId: "1", ...user };
}
