// Framing between the socket and node-zklib, against the simulator on loopback. The simulator's
// default (pacingMs 0) writes each chunk's three frames back to back, so TCP coalesces them as a
// busy network would.
import { Command, MAX_CHUNK, encodeFrame, type ZkSimulator } from "@taskline/zk-simulator";
import { useZkHarness, waitFor } from "@taskline/zk-simulator/testing";
import { describe, expect, it } from "vitest";
import { ZkFrameSplitter, installFraming } from "./zk-framing.js";

const zk = useZkHarness();
const framed = { prepare: installFraming };

/** Chunks node-zklib will ask for to read `records` attendance records. */
function chunksFor(records: number): number {
  return Math.ceil((4 + records * 40) / MAX_CHUNK);
}

describe("ZkFrameSplitter", () => {
  const a = encodeFrame(Command.PREPARE_DATA, 9, 3, Buffer.alloc(8));
  const b = encodeFrame(Command.DATA, 9, 3, Buffer.alloc(1_000, 7));
  const c = encodeFrame(Command.ACK_OK, 9, 3);

  it("splits one read holding several frames into one buffer per frame", () => {
    const frames = new ZkFrameSplitter().push(Buffer.concat([a, b, c]));

    expect(frames).toEqual([a, b, c]);
  });

  it("holds back a partial frame until the rest arrives", () => {
    const splitter = new ZkFrameSplitter();
    const bytes = Buffer.concat([a, b, c]);

    const first = splitter.push(bytes.subarray(0, a.length + 500));
    const pending = splitter.pendingBytes;
    const rest = splitter.push(bytes.subarray(a.length + 500));

    expect(first).toEqual([a]);
    expect(pending).toBe(500);
    expect(rest).toEqual([b, c]);
    expect(splitter.pendingBytes).toBe(0);
  });

  it("finds a frame whose magic header is split across reads", () => {
    const splitter = new ZkFrameSplitter();

    const before = splitter.push(Buffer.concat([Buffer.from([0xff]), c.subarray(0, 2)]));
    const after = splitter.push(c.subarray(2));

    expect(before).toEqual([]);
    expect(after).toEqual([c]);
  });
});

describe("node-zklib with framing", () => {
  it("reads 100,000 attendance records through the chunked path, complete and fast", async () => {
    const sim = await zk.start({ users: 3_000, attendance: 100_000, timezone: "Europe/Berlin" });
    const client = await zk.connect(sim, framed);

    const started = performance.now();
    const log = await client.getAttendances();
    const elapsedMs = performance.now() - started;
    console.info(`framed read of 100,000 records in ${chunksFor(100_000)} chunks: ${elapsedMs.toFixed(0)} ms`);

    expect(log.err ?? null).toBeNull();
    expect(log.data).toHaveLength(100_000);
    expect(log.data.map((r) => r.deviceUserId)).toEqual(sim.state.attendance.map((r) => r.userId));
    expect(sim.stats.chunksSent).toBe(chunksFor(100_000));
    // Far below node-zklib's 10 s partial-read timeout, which is what a lost frame costs.
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it("reads 3,000 users through the chunked path", async () => {
    const sim = await zk.start({ users: 3_000 });
    const client = await zk.connect(sim, framed);

    const users = await client.getUsers();

    expect(users.err ?? null).toBeNull();
    expect(users.data.map((u) => [u.uid, u.userId, u.name])).toEqual(sim.state.users.map((u) => [u.uid, u.userId, u.name]));
  });

  it("delivers real-time punches that arrive in the same TCP read", async () => {
    const sim = await zk.start({ users: 3 });
    const client = await zk.connect(sim, framed);
    const seen: string[] = [];

    await client.getRealTimeLogs((log) => seen.push(log.userId));
    await waitFor(() => sim.eventSubscribers === 1);
    sim.punch("1000");
    sim.punch("1001");
    sim.punch("1002");
    await waitFor(() => seen.length === 3);

    expect(seen).toEqual(["1000", "1001", "1002"]);
  });

  it("gets the whole log on a retry after the first read was cut off", async () => {
    const sim = await zk.start({ users: 10, attendance: 16_000, faults: { dropMidTransferAfterChunks: 2 } });

    const cutOff = await (await zk.connect(sim, framed)).getAttendances();
    sim.setFaults({ dropMidTransferAfterChunks: null });
    const retried = await (await zk.connect(sim, framed)).getAttendances();

    expect(cutOff.err?.message).toBe("Socket is disconnected unexpectedly");
    expect(cutOff.data.length).toBeLessThan(16_000);
    expect(retried.err ?? null).toBeNull();
    expect(retried.data).toHaveLength(16_000);
  });
});

describe("node-zklib without framing", () => {
  /** Ends a read node-zklib would otherwise leave waiting 10 s for frames it already threw away. */
  async function hangUpAfterTransfer(sim: ZkSimulator, chunks: number): Promise<void> {
    await waitFor(() => sim.stats.chunksSent === chunks);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await sim.close();
  }

  it("loses records when the device sends each chunk's frames back to back", async () => {
    const sim = await zk.start({ users: 10, attendance: 16_000 });
    const client = await zk.connect(sim);

    const [log] = await Promise.all([client.getAttendances(), hangUpAfterTransfer(sim, chunksFor(16_000))]);

    expect(sim.stats.chunksSent).toBe(chunksFor(16_000));
    expect(log.err).toBeInstanceOf(Error);
    expect(log.data.length).toBeLessThan(16_000);
  });

  it("gets every record only when the device pauses around each chunk", async () => {
    const sim = await zk.start({ users: 10, attendance: 8_000, faults: { pacingMs: 30 } });
    const client = await zk.connect(sim);

    const log = await client.getAttendances();

    expect(log.err ?? null).toBeNull();
    expect(log.data).toHaveLength(8_000);
  });
});
