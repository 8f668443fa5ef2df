import { describe, expect, it } from "vitest";
import {
  ATTENDANCE_RECORD_BYTES,
  USER_RECORD_BYTES,
  decodeAttendance,
  decodeUser,
  encodeAttendance,
  encodeRealtimeAttendance,
  encodeUser,
  type User,
} from "./records.js";
import { decodeZkTime, encodeZkTime, wallClockAt } from "./zk-time.js";

const user: User = {
  uid: 513,
  userId: "123456789",
  name: "Greta Hahn",
  role: 14,
  password: "4711",
  cardNo: 0xdeadbeef,
  groupId: "3",
};

describe("user records", () => {
  it("lays a user out as pyzk's <HB8s24sIx7sx24s", () => {
    const record = encodeUser(user);

    expect(record).toHaveLength(USER_RECORD_BYTES);
    expect(record.readUInt16LE(0)).toBe(513);
    expect(record[2]).toBe(14);
    expect(record.subarray(3, 7).toString()).toBe("4711");
    expect(record.subarray(11, 21).toString()).toBe("Greta Hahn");
    expect(record.readUInt32LE(35)).toBe(0xdeadbeef);
    expect(record.subarray(40, 41).toString()).toBe("3");
    expect(record.subarray(48, 57).toString()).toBe("123456789");
  });

  it("reads back what it wrote", () => {
    expect(decodeUser(encodeUser(user))).toEqual(user);
  });

  it("cuts an over-long UTF-8 name on a character boundary", () => {
    const name = "Zoë ".repeat(8); // 40 bytes in UTF-8

    const decoded = decodeUser(encodeUser({ ...user, name }));

    expect(Buffer.byteLength(decoded.name)).toBeLessThanOrEqual(24);
    expect(name.startsWith(decoded.name)).toBe(true);
  });
});

describe("attendance records", () => {
  const entry = { userSn: 7, userId: "1007", time: 123_456_789, verifyType: 15, punchState: 1 };

  it("lays a punch out in 40 bytes: serial, user id, verify type @26, time @27, punch state @31", () => {
    const record = encodeAttendance(entry);

    expect(record).toHaveLength(ATTENDANCE_RECORD_BYTES);
    expect(record.readUInt16LE(0)).toBe(7);
    expect(record.subarray(2, 6).toString()).toBe("1007");
    expect(record[26]).toBe(15);
    expect(record.readUInt32LE(27)).toBe(123_456_789);
    expect(record[31]).toBe(1);
    expect(decodeAttendance(record)).toEqual(entry);
  });

  it("puts the real-time event's time in the six yy mm dd hh mi ss bytes at 26", () => {
    const time = encodeZkTime({ year: 2025, month: 12, day: 31, hour: 23, minute: 59, second: 58 });

    const payload = encodeRealtimeAttendance({ ...entry, time });

    expect([...payload.subarray(26, 32)]).toEqual([25, 12, 31, 23, 59, 58]);
    expect(payload.subarray(0, 4).toString()).toBe("1007");
  });
});

describe("ZK time", () => {
  it("counts every month as 31 days from 2000-01-01", () => {
    expect(encodeZkTime({ year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0 })).toBe(0);
    expect(encodeZkTime({ year: 2000, month: 2, day: 1, hour: 0, minute: 0, second: 1 })).toBe(31 * 86_400 + 1);
  });

  it("decodes what it encodes", () => {
    const wall = { year: 2031, month: 2, day: 28, hour: 17, minute: 5, second: 9 };

    expect(decodeZkTime(encodeZkTime(wall))).toEqual(wall);
  });

  it("reads an instant as the wall clock of the device's zone, daylight saving included", () => {
    const instant = new Date("2024-03-10T12:34:56Z"); // New York switched to EDT (UTC-4) that morning

    expect(wallClockAt(instant, "America/New_York")).toEqual({
      year: 2024,
      month: 3,
      day: 10,
      hour: 8,
      minute: 34,
      second: 56,
    });
  });
});
