// The simulator driven by node-zklib 1.3.0 exactly as published, over loopback: every call
// Taskline makes, on a fresh connection each, as production does.
import type { ZKError } from "node-zklib";
import { describe, expect, it } from "vitest";
import { Command } from "./protocol.js";
import { encodeUser } from "./records.js";
import { useZkHarness, waitFor } from "./testing/zk-harness.js";
import { decodeZkTime, encodeZkTime, wallClockAt, type WallClock } from "./zk-time.js";

const zk = useZkHarness();

/** node-zklib builds Dates from the device's wall clock in this process's zone: read them back the same way. */
function localWallClock(date: Date): WallClock {
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
  };
}

function ack(reply: Buffer): number {
  return reply.readUInt16LE(0);
}

describe("node-zklib against the simulator", () => {
  it("connects and reports user and log counts through getInfo", async () => {
    const sim = await zk.start({ users: 25, attendance: 1_234 });
    const client = await zk.connect(sim);

    const info = await client.getInfo();

    expect(info).toEqual({ userCounts: 25, logCounts: 1_234, logCapacity: 200_000 });
  });

  it("lists users with names, roles, cards and user ids through getUsers", async () => {
    const sim = await zk.start({
      users: [
        { uid: 1, userId: "1001", name: "Anna Berg", role: 14, cardNo: 4_000_000_123 },
        { uid: 7, userId: "123456789", name: "Hugo Lang-Novak Ortiz", password: "1234" },
      ],
    });
    const client = await zk.connect(sim);

    const users = await client.getUsers();

    expect(users.err ?? null).toBeNull();
    expect(users.data).toEqual([
      { uid: 1, role: 14, password: "", name: "Anna Berg", cardno: 4_000_000_123, userId: "1001" },
      { uid: 7, role: 0, password: "1234", name: "Hugo Lang-Novak Ortiz", cardno: 0, userId: "123456789" },
    ]);
  });

  it("returns a small attendance log stamped with the device's wall clock", async () => {
    const sim = await zk.start({
      timezone: "America/New_York",
      users: [{ uid: 3, userId: "3003", name: "Ines Jung" }],
      attendance: [
        { userId: "3003", timestamp: new Date("2024-03-10T12:34:56Z"), punchState: 0 },
        { userId: "3003", timestamp: new Date("2024-03-10T21:00:05Z"), punchState: 1 },
      ],
    });
    const client = await zk.connect(sim);

    const log = await client.getAttendances();

    expect(log.err ?? null).toBeNull();
    expect(log.data.map((r) => [r.userSn, r.deviceUserId, localWallClock(r.recordTime)])).toEqual([
      [3, "3003", { year: 2024, month: 3, day: 10, hour: 8, minute: 34, second: 56 }],
      [3, "3003", { year: 2024, month: 3, day: 10, hour: 17, minute: 0, second: 5 }],
    ]);
  });

  it("creates a user from a 72-byte USER_WRQ record and updates it by uid", async () => {
    const sim = await zk.start({ users: 2 });
    const user = { uid: 42, userId: "4242", name: "Nora Kaya", role: 0, password: "", cardNo: 99, groupId: "1" };

    const created = await (await zk.connect(sim)).executeCmd(Command.USER_WRQ, encodeUser(user));
    const renamed = await (await zk.connect(sim)).executeCmd(Command.USER_WRQ, encodeUser({ ...user, name: "Nora Fischer" }));
    const refreshed = await (await zk.connect(sim)).executeCmd(Command.REFRESH_DATA, "");
    const users = await (await zk.connect(sim)).getUsers();

    expect([ack(created), ack(renamed), ack(refreshed)]).toEqual([Command.ACK_OK, Command.ACK_OK, Command.ACK_OK]);
    expect(users.data).toHaveLength(3);
    expect(users.data.find((u) => u.uid === 42)).toMatchObject({ name: "Nora Fischer", userId: "4242", cardno: 99 });
  });

  it("deletes a user by uid with DELETE_USER, and deleting it again still succeeds", async () => {
    const sim = await zk.start({ users: 3 });
    const uid = Buffer.alloc(2);
    uid.writeUInt16LE(2, 0);

    const first = await (await zk.connect(sim)).executeCmd(Command.DELETE_USER, uid);
    const again = await (await zk.connect(sim)).executeCmd(Command.DELETE_USER, uid);
    const users = await (await zk.connect(sim)).getUsers();

    expect([ack(first), ack(again)]).toEqual([Command.ACK_OK, Command.ACK_OK]);
    expect(users.data.map((u) => u.uid)).toEqual([1, 3]);
  });

  it("disables the device so nobody can punch, and enables it again", async () => {
    const sim = await zk.start({ users: 1 });

    await (await zk.connect(sim)).disableDevice();
    const whileDisabled = sim.state.enabled;
    expect(() => sim.punch("1000")).toThrow(/disabled/);
    await (await zk.connect(sim)).enableDevice();

    expect(whileDisabled).toBe(false);
    expect(sim.state.enabled).toBe(true);
    expect(sim.punch("1000").userId).toBe("1000");
  });

  it("empties the attendance log on clearAttendanceLog", async () => {
    const sim = await zk.start({ users: 5, attendance: 500 });

    const reply = await (await zk.connect(sim)).clearAttendanceLog();
    const info = await (await zk.connect(sim)).getInfo();

    expect(ack(reply)).toBe(Command.ACK_OK);
    expect(info.logCounts).toBe(0);
    expect(sim.state.attendance).toHaveLength(0);
  });

  it("pushes each punch to getRealTimeLogs as it happens, in the device's wall clock", async () => {
    const sim = await zk.start({ timezone: "Asia/Kolkata", users: 3 });
    const client = await zk.connect(sim);
    const seen: { userId: string; attTime: Date }[] = [];

    await client.getRealTimeLogs((log) => seen.push(log));
    await waitFor(() => sim.eventSubscribers === 1);
    sim.punch("1001", new Date("2025-06-01T03:15:00Z"));
    // One at a time: two events in one TCP read reach unwrapped node-zklib as one, and it keeps the first.
    await waitFor(() => seen.length === 1);
    sim.punch("1002", new Date("2025-06-01T03:16:30Z"));
    await waitFor(() => seen.length === 2);

    expect(seen.map((log) => [log.userId, localWallClock(log.attTime)])).toEqual([
      ["1001", { year: 2025, month: 6, day: 1, hour: 8, minute: 45, second: 0 }],
      ["1002", { year: 2025, month: 6, day: 1, hour: 8, minute: 46, second: 30 }],
    ]);
    expect(sim.state.attendance.map((r) => r.userId)).toEqual(["1001", "1002"]);
  });

  it("answers GET_TIME with the clock of the device's zone and keeps the time set by SET_TIME", async () => {
    const timezone = "Pacific/Kiritimati"; // UTC+14: unlike any host zone, so a zone mix-up shows
    const sim = await zk.start({ timezone });
    const expected = encodeZkTime(wallClockAt(new Date(), timezone));

    const now = await (await zk.connect(sim)).executeCmd(Command.GET_TIME, "");
    const target = { year: 2030, month: 1, day: 2, hour: 3, minute: 4, second: 5 };
    const time = Buffer.alloc(4);
    time.writeUInt32LE(encodeZkTime(target), 0);
    const set = await (await zk.connect(sim)).executeCmd(Command.SET_TIME, time);
    const later = await (await zk.connect(sim)).executeCmd(Command.GET_TIME, "");

    expect(ack(now)).toBe(Command.ACK_OK);
    expect(Math.abs(now.readUInt32LE(8) - expected)).toBeLessThanOrEqual(2);
    expect(ack(set)).toBe(Command.ACK_OK);
    expect(Math.abs(later.readUInt32LE(8) - encodeZkTime(target))).toBeLessThanOrEqual(2);
    expect(decodeZkTime(later.readUInt32LE(8))).toMatchObject({ year: 2030, month: 1, day: 2 });
  });
});

describe("node-zklib against a misbehaving device", () => {
  it("resolves a read cut off mid-transfer with the chunks that arrived and err set, without the 10 s wait", async () => {
    // Paced so unwrapped node-zklib keeps every chunk it gets; the drop is then the only loss.
    const sim = await zk.start({ users: 10, attendance: 16_000, faults: { pacingMs: 30, dropMidTransferAfterChunks: 3 } });
    const client = await zk.connect(sim);

    const started = Date.now();
    const log = await client.getAttendances();

    expect(log.err?.message).toBe("Socket is disconnected unexpectedly");
    expect(log.data).toHaveLength(Math.floor((3 * 65_472 - 4) / 40));
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("fails createSocket when the device hangs up on connect, after node-zklib's fixed 2 s", async () => {
    const sim = await zk.start({ faults: { refuseConnections: true } });

    const error = (await zk.connect(sim).catch((e: unknown) => e)) as ZKError;
    sim.setFaults({ refuseConnections: false });
    const retry = await zk.connect(sim);

    expect(error.command).toBe("TCP CONNECT");
    expect(error.err.message).toBe("TIMEOUT_ON_WRITING_MESSAGE");
    expect(await retry.getInfo()).toMatchObject({ userCounts: 0 });
  });

  it("rejects a command the device never answers once the client's timeout passes", async () => {
    const sim = await zk.start({ faults: { stallCommand: Command.GET_FREE_SIZES } });
    const client = await zk.connect(sim, { timeoutMs: 300 });

    const error = (await client.getInfo().catch((e: unknown) => e)) as ZKError;

    expect(error.err.message).toBe("TIMEOUT_ON_WRITING_MESSAGE");
  });

  it("rejects a bulk read the device never answers, and node-zklib leaks an unhandled TypeError doing so", async () => {
    const sim = await zk.start({ users: 5, faults: { stallCommand: Command.DATA_WRRQ } });
    const client = await zk.connect(sim, { timeoutMs: 300 });

    const error = (await client.getUsers().catch((e: unknown) => e)) as ZKError;
    const leaked = await zk.takeUnhandledRejections();

    expect(error.err.message).toBe("TIMEOUT_IN_RECEIVING_RESPONSE_AFTER_REQUESTING_DATA");
    // readWithBuffer rejects, then carries on and dereferences the missing reply (hazard 1).
    expect(leaked).toHaveLength(1);
    expect(String(leaked[0])).toMatch(/TypeError: Cannot read properties of null \(reading 'subarray'\)/);
  });
});
