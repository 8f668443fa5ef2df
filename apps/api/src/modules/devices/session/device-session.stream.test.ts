// DeviceSession.stream against the simulator on loopback (pacing off, so TCP coalesces the device's frames): the
// pieces the session child forwards while node-zklib reads must join into exactly the device's dataset.
import { ATTENDANCE_RECORD_BYTES, createZkSimulator, encodeAttendance, MAX_CHUNK, type ZkSimulator } from "@taskline/zk-simulator";
import { afterEach, describe, expect, it } from "vitest";
import { DeviceSession } from "./device-session.js";

const sims: ZkSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function simulator(attendance: number): Promise<ZkSimulator> {
  const sim = await createZkSimulator({ users: 10, attendance, faults: { pacingMs: 0 } });
  sims.push(sim);
  return sim;
}

function datasetOf(sim: ZkSimulator): Buffer {
  const records = sim.state.attendance;
  const bytes = Buffer.alloc(4 + records.length * ATTENDANCE_RECORD_BYTES);
  bytes.writeUInt32LE(records.length * ATTENDANCE_RECORD_BYTES, 0);
  records.forEach((r, i) => encodeAttendance(r, bytes, 4 + i * ATTENDANCE_RECORD_BYTES));
  return bytes;
}

describe("DeviceSession.stream", () => {
  it("hands over the attendance log chunk by chunk while it is read, the pieces joining into the device's dataset", async () => {
    const sim = await simulator(20_000); // 800,004 bytes: 13 chunks
    const session = await DeviceSession.open({ host: sim.host, port: sim.port }, { commandTimeoutMs: 5_000 });
    const pieces: Buffer[] = [];
    let receivedAt = -1;

    const bytes = await session
      .stream(
        "attendance",
        (piece) => void pieces.push(Buffer.from(piece)),
        () => (receivedAt = pieces.length),
      )
      .finally(() => session.close());

    expect(bytes).toBe(4 + 20_000 * ATTENDANCE_RECORD_BYTES);
    expect(pieces.length).toBe(Math.ceil(bytes / MAX_CHUNK));
    expect(Buffer.concat(pieces).equals(datasetOf(sim))).toBe(true);
    expect(receivedAt).toBeGreaterThanOrEqual(0);
  });

  it("keeps every byte in order when the consumer is slower than the device (the session stops reading and resumes)", async () => {
    // 200,000 punches are 123 chunks, past the 64 the session lets run ahead of its consumer.
    const sim = await simulator(200_000);
    const session = await DeviceSession.open({ host: sim.host, port: sim.port }, { commandTimeoutMs: 5_000 });
    const pieces: Buffer[] = [];

    await session
      .stream("attendance", async (piece) => {
        pieces.push(Buffer.from(piece));
        await new Promise((resolve) => setTimeout(resolve, 4));
      })
      .finally(() => session.close());

    expect(pieces.length).toBe(123);
    expect(Buffer.concat(pieces).equals(datasetOf(sim))).toBe(true);
  });

  it("ends the session when the consumer throws, rejects with the consumer's error, consumes nothing after it, and re-enables the device", async () => {
    const sim = await simulator(20_000);
    const session = await DeviceSession.open({ host: sim.host, port: sim.port }, { commandTimeoutMs: 5_000 });
    await session.disable();
    const disabled = !sim.state.enabled;
    let consumed = 0;

    const outcome = session
      .stream("attendance", () => {
        if (++consumed === 3) throw new Error("the database went away");
      })
      .finally(() => session.close());

    await expect(outcome).rejects.toThrow("the database went away");
    expect(consumed).toBe(3);
    expect(disabled).toBe(true);
    expect(sim.state.enabled).toBe(true);
  });
});
