// The simulator on the wire, seen by a minimal client of our own: what a real terminal sends back,
// byte for byte, where node-zklib would hide it.
import { connect, type Socket } from "node:net";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { Command, FrameDecoder, MAX_CHUNK, encodeFrame, type Frame } from "./protocol.js";
import { createZkSimulator, type ZkSimulator, type ZkSimulatorOptions } from "./server.js";

class RawClient {
  private readonly frames: Frame[] = [];
  private waiting: (() => void) | null = null;
  private readonly decoder = new FrameDecoder();
  sessionId = 0;

  private constructor(readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.frames.push(...this.decoder.push(chunk));
      this.waiting?.();
    });
  }

  static async open(sim: ZkSimulator): Promise<RawClient> {
    const socket = connect(sim.port, sim.host);
    await once(socket, "connect");
    return new RawClient(socket);
  }

  send(command: number, replyId: number, payload?: Buffer): void {
    this.socket.write(encodeFrame(command, this.sessionId, replyId, payload));
  }

  async next(timeoutMs = 2_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      if (Date.now() > deadline) throw new Error("No frame arrived in time");
      await Promise.race([
        new Promise<void>((resolve) => (this.waiting = resolve)),
        new Promise((resolve) => setTimeout(resolve, 50)),
      ]);
    }
    return this.frames.shift()!;
  }

  async handshake(): Promise<Frame> {
    this.send(Command.CONNECT, 0);
    const reply = await this.next();
    this.sessionId = reply.sessionId;
    return reply;
  }

  close(): void {
    this.socket.destroy();
  }
}

const sims: ZkSimulator[] = [];
const clients: RawClient[] = [];

async function start(options: ZkSimulatorOptions = {}): Promise<ZkSimulator> {
  const sim = await createZkSimulator(options);
  sims.push(sim);
  return sim;
}

async function client(sim: ZkSimulator): Promise<RawClient> {
  const raw = await RawClient.open(sim);
  clients.push(raw);
  return raw;
}

afterEach(async () => {
  for (const raw of clients.splice(0)) raw.close();
  await Promise.all(sims.splice(0).map((sim) => sim.close()));
});

function readRequest(inner: number): Buffer {
  const payload = Buffer.alloc(11);
  payload[0] = 1;
  payload.writeUInt16LE(inner, 1);
  return payload;
}

function chunkRequest(start: number, length: number): Buffer {
  const payload = Buffer.alloc(8);
  payload.writeUInt32LE(start, 0);
  payload.writeUInt32LE(length, 4);
  return payload;
}

describe("the simulator on the wire", () => {
  it("assigns a session id on CONNECT and echoes each request's reply id", async () => {
    const raw = await client(await start());

    const hello = await raw.handshake();
    raw.send(Command.GET_VERSION, 41);
    const version = await raw.next();

    expect(hello.command).toBe(Command.ACK_OK);
    expect(hello.sessionId).toBeGreaterThan(0);
    expect(version).toMatchObject({ command: Command.ACK_OK, replyId: 41, sessionId: hello.sessionId });
    expect(version.payload.toString("ascii")).toMatch(/^Ver \d/);
  });

  it("refuses commands before CONNECT and answers unknown commands with ACK_UNKNOWN", async () => {
    const raw = await client(await start());

    raw.send(Command.GET_TIME, 1);
    const unauthorised = await raw.next();
    await raw.handshake();
    raw.send(4242, 2);
    const unknown = await raw.next();

    expect(unauthorised.command).toBe(Command.ACK_UNAUTH);
    expect(unknown).toMatchObject({ command: Command.ACK_UNKNOWN, replyId: 2 });
  });

  it("reports its serial number for ~SerialNumber and an error for an unknown option", async () => {
    const raw = await client(await start({ serialNumber: "CEXJ201260123" }));
    await raw.handshake();

    raw.send(Command.OPTIONS_RRQ, 1, Buffer.from("~SerialNumber\0"));
    const serial = await raw.next();
    raw.send(Command.OPTIONS_RRQ, 2, Buffer.from("~NoSuchOption\0"));
    const missing = await raw.next();

    expect(serial.payload.toString("ascii")).toBe("~SerialNumber=CEXJ201260123\0");
    expect(missing.command).toBe(Command.ACK_ERROR);
  });

  it("reports 92 bytes of sizes with users at 16, records at 32 and log capacity at 64", async () => {
    const raw = await client(await start({ users: 12, attendance: 34, logCapacity: 50_000 }));
    await raw.handshake();

    raw.send(Command.GET_FREE_SIZES, 1);
    const sizes = await raw.next();

    expect(sizes.payload).toHaveLength(92);
    expect(sizes.payload.readInt32LE(16)).toBe(12);
    expect(sizes.payload.readInt32LE(32)).toBe(34);
    expect(sizes.payload.readInt32LE(64)).toBe(50_000);
  });

  it("answers a small read with one CMD_DATA frame holding the whole dataset", async () => {
    const raw = await client(await start({ users: 3 }));
    await raw.handshake();

    raw.send(Command.DATA_WRRQ, 1, readRequest(Command.USERTEMP_RRQ));
    const data = await raw.next();

    expect(data.command).toBe(Command.DATA);
    expect(data.payload.readUInt32LE(0)).toBe(3 * 72);
    expect(data.payload).toHaveLength(4 + 3 * 72);
  });

  it("serves a large read as PREPARE_DATA, CMD_DATA, ACK_OK per chunk, each echoing its request's reply id", async () => {
    const raw = await client(await start({ users: 20, attendance: 2_000 }));
    await raw.handshake();

    raw.send(Command.DATA_WRRQ, 1, readRequest(Command.ATTLOG_RRQ));
    const stat = await raw.next();
    const size = stat.payload.readUInt32LE(1);
    raw.send(Command.DATA_RDY, 2, chunkRequest(0, MAX_CHUNK));
    raw.send(Command.DATA_RDY, 3, chunkRequest(MAX_CHUNK, size - MAX_CHUNK));
    const replies: Frame[] = [];
    while (replies.length < 6) replies.push(await raw.next());

    expect(stat.command).toBe(Command.ACK_OK);
    expect(size).toBe(4 + 2_000 * 40);
    expect(replies.map((f) => [f.command, f.replyId])).toEqual([
      [Command.PREPARE_DATA, 2],
      [Command.DATA, 2],
      [Command.ACK_OK, 2],
      [Command.PREPARE_DATA, 3],
      [Command.DATA, 3],
      [Command.ACK_OK, 3],
    ]);
    expect(replies[0]!.payload.readUInt32LE(0)).toBe(MAX_CHUNK);
    expect(replies[1]!.payload).toHaveLength(MAX_CHUNK);
    expect(replies[4]!.payload).toHaveLength(size - MAX_CHUNK);
  });

  it("sends half a chunk when truncateChunk names it", async () => {
    const raw = await client(await start({ users: 5, attendance: 2_000, faults: { truncateChunk: 0 } }));
    await raw.handshake();

    raw.send(Command.DATA_WRRQ, 1, readRequest(Command.ATTLOG_RRQ));
    await raw.next();
    raw.send(Command.DATA_RDY, 2, chunkRequest(0, MAX_CHUNK));
    const [prepare, data] = [await raw.next(), await raw.next()];

    expect(prepare.payload.readUInt32LE(0)).toBe(MAX_CHUNK);
    expect(data.payload).toHaveLength(MAX_CHUNK / 2);
  });

  it("delays each reply by latencyMs, changeable while connected", async () => {
    const sim = await start({ faults: { latencyMs: 150 } });
    const raw = await client(sim);
    await raw.handshake();

    const slowStart = Date.now();
    raw.send(Command.GET_TIME, 1);
    await raw.next();
    const slow = Date.now() - slowStart;
    sim.setFaults({ latencyMs: 0 });
    const fastStart = Date.now();
    raw.send(Command.GET_TIME, 2);
    await raw.next();

    expect(slow).toBeGreaterThanOrEqual(140);
    expect(Date.now() - fastStart).toBeLessThan(100);
  });

  it("hangs up on new connections while refuseConnections is set", async () => {
    const sim = await start({ faults: { refuseConnections: true } });
    const raw = await client(sim);

    await once(raw.socket, "close");

    expect(sim.stats.connectionsAccepted).toBe(1);
    expect(sim.openConnections).toBe(0);
  });

  it("closes every connection when closed", async () => {
    const sim = await start();
    const raw = await client(sim);
    await raw.handshake();
    const closed = once(raw.socket, "close");

    await sim.close();
    sims.splice(sims.indexOf(sim), 1);

    await closed;
    expect(sim.openConnections).toBe(0);
  });
});
