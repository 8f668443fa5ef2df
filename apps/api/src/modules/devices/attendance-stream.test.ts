// The attendance dataset decoded as the device session hands it over: in the device's 65,472-byte chunks, which
// cut through the 4-byte header and the 40-byte records.
import { ATTENDANCE_RECORD_BYTES, type AttendanceRecord, encodeAttendance, encodeZkTime, MAX_CHUNK } from "@taskline/zk-simulator";
import { describe, expect, it } from "vitest";
import { AttendanceStream } from "./attendance-stream.js";
import type { AttendanceBatch } from "./attendance-writer.js";
import { DeviceClock } from "./device-time.js";

const at = (day: number, hour: number, minute = 0) => encodeZkTime({ year: 2024, month: 3, day, hour, minute, second: 0 });

function dataset(records: AttendanceRecord[]): Buffer {
  const bytes = Buffer.alloc(4 + records.length * ATTENDANCE_RECORD_BYTES);
  bytes.writeUInt32LE(records.length * ATTENDANCE_RECORD_BYTES, 0);
  records.forEach((r, i) => encodeAttendance(r, bytes, 4 + i * ATTENDANCE_RECORD_BYTES));
  return bytes;
}

function punches(count: number): AttendanceRecord[] {
  return Array.from({ length: count }, (_, i) => ({ userSn: i, userId: String(1000 + (i % 300)), time: at(1 + (i % 28), i % 24, i % 60), verifyType: i % 16, punchState: i % 2 }));
}

/** Pushes `bytes` in slices of `size` and takes every batch as it becomes ready. */
function decodeInSlices(stream: AttendanceStream, bytes: Buffer, size: number): AttendanceBatch[] {
  const batches: AttendanceBatch[] = [];
  for (let from = 0; from < bytes.length; from += size) {
    stream.push(bytes.subarray(from, from + size));
    const batch = stream.take();
    if (batch) batches.push(batch);
  }
  stream.finish();
  return batches;
}

const utc = () => new DeviceClock("UTC");
const joined = (batches: AttendanceBatch[]) => ({
  userIds: batches.flatMap((b) => b.userIds),
  epochSeconds: batches.flatMap((b) => b.epochSeconds),
  verifyTypes: batches.flatMap((b) => b.verifyTypes),
  punchStates: batches.flatMap((b) => b.punchStates),
});

describe("AttendanceStream", () => {
  it("decodes records that straddle the device's chunks exactly as the whole dataset", () => {
    const records = punches(5_000); // 200,004 bytes: 4 chunks, each boundary inside a record
    const bytes = dataset(records);
    const clock = utc();

    const batches = decodeInSlices(new AttendanceStream(clock, null), bytes, MAX_CHUNK);

    expect(MAX_CHUNK % ATTENDANCE_RECORD_BYTES).not.toBe(0);
    expect(batches.length).toBeGreaterThan(1);
    expect(joined(batches)).toEqual({
      userIds: records.map((r) => r.userId),
      epochSeconds: records.map((r) => clock.toEpochMs(r.time) / 1000),
      verifyTypes: records.map((r) => r.verifyType),
      punchStates: records.map((r) => r.punchState),
    });
  });

  it("decodes a stream cut into slices smaller than the header and a record", () => {
    const records = punches(7);
    const stream = new AttendanceStream(utc(), null);

    const batches = decodeInSlices(stream, dataset(records), 3);

    expect(joined(batches).userIds).toEqual(records.map((r) => r.userId));
    expect(stream.read).toBe(7);
    expect(stream.expected).toBe(7);
  });

  it("converts device wall-clock times in the device's timezone", () => {
    const stream = new AttendanceStream(new DeviceClock("America/New_York"), null);

    stream.push(dataset([{ userSn: 1, userId: "7", time: at(10, 3), verifyType: 1, punchState: 0 }])); // 03:00 EDT, just after the jump
    stream.finish();

    expect(stream.take()!.epochSeconds).toEqual([Date.parse("2024-03-10T07:00:00Z") / 1000]);
  });

  it("counts records before `since` and keeps those without a user id apart, with their position and time", () => {
    const records = [
      { userSn: 1, userId: "1", time: at(1, 8), verifyType: 1, punchState: 0 },
      { userSn: 2, userId: "", time: at(2, 9), verifyType: 1, punchState: 0 },
      { userSn: 3, userId: "3", time: at(3, 10), verifyType: 1, punchState: 0 },
    ];
    const stream = new AttendanceStream(utc(), Date.parse("2024-03-02T00:00:00Z") / 1000);

    const batches = decodeInSlices(stream, dataset(records), 50);

    expect(joined(batches).userIds).toEqual(["3"]);
    expect(stream.beforeSince).toBe(1);
    expect(stream.unstorable).toEqual([{ index: 1, zkTime: at(2, 9), reason: "The record has no user id" }]);
    expect(stream.read).toBe(3);
  });

  it("refuses a dataset that ends short of its header's length, or in the middle of a record", () => {
    const bytes = dataset(punches(10));
    const short = new AttendanceStream(utc(), null);
    const cut = new AttendanceStream(utc(), null);
    const corrupt = Buffer.from(bytes);
    corrupt.writeUInt32LE(9 * ATTENDANCE_RECORD_BYTES + 20, 0);

    short.push(bytes.subarray(0, bytes.length - ATTENDANCE_RECORD_BYTES));
    cut.push(corrupt.subarray(0, 4 + 9 * ATTENDANCE_RECORD_BYTES + 20));

    expect(() => short.finish()).toThrow(/the read is incomplete/);
    expect(() => cut.finish()).toThrow(/the read is incomplete/);
  });

  it("refuses more bytes than the header declares as soon as they arrive", () => {
    const bytes = dataset(punches(10));
    bytes.writeUInt32LE(5 * ATTENDANCE_RECORD_BYTES, 0);
    const stream = new AttendanceStream(utc(), null);

    expect(() => stream.push(bytes)).toThrow(/misaligned/);
  });

  it("takes an empty log, whether it comes as an empty dataset or as no bytes", () => {
    const empty = new AttendanceStream(utc(), null);
    const nothing = new AttendanceStream(utc(), null);

    empty.push(dataset([]));

    expect(() => empty.finish()).not.toThrow();
    expect(() => nothing.finish()).not.toThrow();
    expect(empty.take()).toBeNull();
    expect(empty.read).toBe(0);
  });
});
