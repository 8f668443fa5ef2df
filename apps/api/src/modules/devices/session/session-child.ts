// One device session in a process of its own (forked by device-session.ts). node-zklib 1.3.0 runs here unmodified;
// its unhandled rejections (a stalled device mid-read throws inside its promise executors), the 10 s timers it
// leaves armed and the `*.err.log` files it writes into the working directory all stay in this process, which the
// parent kills at once on cancel or time limit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ZKLib, { type ZKError } from "node-zklib";
import { type FrameObserver, installFraming } from "../zk-framing.js";
import type { DeviceInfo, SessionErrorPayload, SessionFailure, SessionMessage, SessionRequest } from "./messages.js";

// ZK command codes used through executeCmd (facts/zk-protocol.md).
const CMD = { DATA: 1501, ACK_OK: 2000, ACK_ERROR: 2001, USER_WRQ: 8, OPTIONS_RRQ: 11, DELETE_USER: 18, REFRESH_DATA: 1013, GET_TIME: 201, GET_VERSION: 1100 } as const;
// DATA_WRRQ payloads, as node-zklib's own getUsers/getAttendances send them: `01 | u16 inner command | i32 fct | i32 ext`.
const READ_REQUEST = {
  users: Buffer.from([0x01, 0x09, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]),
  attendance: Buffer.from([0x01, 0x0d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]),
};

class SessionError extends Error {
  constructor(
    readonly reason: SessionFailure,
    message: string,
  ) {
    super(message);
  }
}

const send = (message: SessionMessage) => process.send?.(message);

// node-zklib writes DDMMYYYY.err.log into the working directory on odd packets: keep them out of the app's.
const logDir = path.join(os.tmpdir(), "taskline-zk-logs");
fs.mkdirSync(logDir, { recursive: true });
process.chdir(logDir);

process.on("unhandledRejection", (reason) => {
  send({ type: "crash", message: describe(reason) });
  // The library's state is unknown after this: end the session; the parent retries on a fresh one.
  process.exit(70);
});
// The parent went away (worker crash): nobody is left to use the connection.
process.on("disconnect", () => process.exit(0));

let zk: ZKLib | undefined;
let target = "";
let timeoutMs = 10_000;
// Set while a streamed read runs: what sees the device's frames, and where the parent's credits go.
let observeFrame: FrameObserver | undefined;
let grantCredit: ((chunks: number) => void) | undefined;

process.on("message", (request: SessionRequest) => {
  if (request.op === "credit") return grantCredit?.(request.chunks);
  handle(request).then(
    (value) => send({ type: "reply", id: request.id, ok: true, value }),
    (error: unknown) => send({ type: "reply", id: request.id, ok: false, error: toPayload(error) }),
  );
});
send({ type: "ready" });

async function handle(request: SessionRequest): Promise<unknown> {
  if (request.op === "connect") return connect(request.host, request.port, request.timeoutMs);
  const client = zk;
  if (!client?.zklibTcp.socket) throw new SessionError("CONNECTION_DROPPED", `The connection to ${target} is closed`);
  switch (request.op) {
    case "info":
      return info(client);
    case "disable":
      return expectAck(await client.disableDevice(), "DISABLE_DEVICE");
    case "enable":
      return expectAck(await client.enableDevice(), "ENABLE_DEVICE");
    case "read":
      return read(client, request.id, request.table);
    case "stream":
      return stream(client, request.id, request.table);
    case "writeUser":
      return ack(await client.executeCmd(CMD.USER_WRQ, Buffer.from(request.record)));
    case "deleteUser": {
      const uid = Buffer.alloc(2);
      uid.writeUInt16LE(request.uid, 0);
      return ack(await client.executeCmd(CMD.DELETE_USER, uid));
    }
    case "refresh":
      return ack(await client.executeCmd(CMD.REFRESH_DATA, ""));
    case "clearAttendance":
      return expectAck(await client.clearAttendanceLog(), "CLEAR_ATTLOG");
    case "disconnect":
      await client.disconnect().catch(() => undefined);
      zk = undefined;
      return true;
  }
}

/**
 * TCP only, through node-zklib's own transport: ZKLib.createSocket falls back to UDP on a refused connection and
 * then fails seconds later with a misleading "UDP CONNECT" error. Connecting to an unreachable host waits for the
 * OS's timeout, so the connect is bounded here too.
 */
async function connect(host: string, port: number, commandTimeoutMs: number): Promise<true> {
  target = `${host}:${port}`;
  timeoutMs = commandTimeoutMs;
  const client = installFraming(new ZKLib(host, port, commandTimeoutMs, 0), (frame) => observeFrame?.(frame));
  zk = client;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SessionError("UNREACHABLE", `${target} did not accept a TCP connection within ${commandTimeoutMs / 1000} s`)), commandTimeoutMs);
  });
  try {
    await Promise.race([client.zklibTcp.createSocket(), deadline]);
    await Promise.race([
      client.zklibTcp.connect().catch((error: unknown) => {
        if (/TIMEOUT/.test(String((error as Error)?.message))) {
          throw new SessionError("NO_ANSWER", `${target} accepted the TCP connection but did not answer CONNECT (it hung up, or it is not a ZKTeco device)`);
        }
        throw error;
      }),
      deadline,
    ]);
    client.connectionType = "tcp";
    return true;
  } finally {
    clearTimeout(timer);
  }
}

async function info(client: ZKLib): Promise<DeviceInfo> {
  // GET_FREE_SIZES first: after a bulk read its reply would be one behind (facts: hazard 6).
  const sizes = await client.getInfo();
  const serial = await option(client, "~SerialNumber");
  const version = await client.executeCmd(CMD.GET_VERSION, "");
  const time = await client.executeCmd(CMD.GET_TIME, "");
  return {
    userCount: sizes.userCounts,
    logCount: sizes.logCounts,
    logCapacity: sizes.logCapacity,
    serialNumber: serial,
    firmware: ack(version) === CMD.ACK_OK ? cString(version.subarray(8)) || null : null,
    clock: ack(time) === CMD.ACK_OK && time.length >= 12 ? time.readUInt32LE(8) : null,
  };
}

async function option(client: ZKLib, key: string): Promise<string | null> {
  const reply = await client.executeCmd(CMD.OPTIONS_RRQ, `${key}\0`);
  if (ack(reply) !== CMD.ACK_OK) return null;
  const text = cString(reply.subarray(8));
  return text.startsWith(`${key}=`) ? text.slice(key.length + 1) : null;
}

/**
 * The chunked read node-zklib's getUsers/getAttendances do (FREE_DATA, DATA_WRRQ, DATA_RDY per chunk, FREE_DATA),
 * returning the raw dataset so the parent decodes every field: node-zklib's own decoders drop the verify type and
 * punch state, cut user ids to 9 characters and read names as ASCII. A read that ended early resolves with `err`
 * set and partial, possibly misaligned data: that is a failure, never a result.
 */
async function read(client: ZKLib, id: number, table: "users" | "attendance"): Promise<Uint8Array> {
  const tcp = client.zklibTcp;
  await tcp.freeData();
  const result = await tcp.readWithBuffer(READ_REQUEST[table], (received, total) => send({ type: "progress", id, received, total }));
  failIfPartial(result, table);
  if (tcp.socket) await tcp.freeData().catch(() => undefined);
  // Transferred as bytes (IPC uses the structured-clone serialisation), not as 100,000 objects.
  return new Uint8Array(result.data.buffer, result.data.byteOffset, result.data.length);
}

/**
 * Chunks forwarded and not yet consumed by the parent past which this process stops reading the socket: TCP then
 * holds the device back, so a database slower than the device costs waiting, not memory. 64 chunks are about 4 MB
 * (100,000 punches): a usual log is read at the device's pace, so the device can be re-enabled while the parent is
 * still storing, and only a bigger one waits for the database. node-zklib re-arms its 10 s timer per chunk, so only a
 * consumer stalled that long fails the read.
 */
const STREAM_WINDOW_CHUNKS = 64;

/**
 * The same read, but each CMD_DATA frame's payload goes to the parent as it arrives (seen on the framing layer,
 * before node-zklib), so the parent stores while the device is still sending. node-zklib still assembles the
 * dataset and still decides whether the read was whole; what was forwarded must equal what it assembled, byte for
 * byte, or the read fails (the parent rolls back whatever it stored of it).
 */
async function stream(client: ZKLib, id: number, table: "users" | "attendance"): Promise<number> {
  const tcp = client.zklibTcp;
  await tcp.freeData();
  const socket = tcp.socket!;
  const forwarded: Buffer[] = [];
  let unconsumed = 0;
  observeFrame = (frame) => {
    if (frame.length < 16 || frame.readUInt16LE(8) !== CMD.DATA) return;
    const bytes = frame.subarray(16);
    forwarded.push(bytes);
    send({ type: "chunk", id, bytes });
    if (++unconsumed >= STREAM_WINDOW_CHUNKS) socket.pause();
  };
  grantCredit = (chunks) => {
    unconsumed -= chunks;
    if (unconsumed < STREAM_WINDOW_CHUNKS && socket.isPaused()) socket.resume();
  };
  try {
    const result = await tcp.readWithBuffer(READ_REQUEST[table]);
    failIfPartial(result, table);
    let offset = 0;
    const same = forwarded.every((bytes) => {
      const matches = result.data.subarray(offset, offset + bytes.length).equals(bytes);
      if (matches) offset += bytes.length;
      return matches;
    });
    if (!same || offset !== result.data.length) {
      throw new SessionError("PROTOCOL", `The ${table} data forwarded while reading differs from what node-zklib assembled (at byte ${offset} of ${result.data.length}); nothing was kept`);
    }
    if (tcp.socket) await tcp.freeData().catch(() => undefined);
    return result.data.length;
  } finally {
    observeFrame = undefined;
    grantCredit = undefined;
    if (socket.isPaused()) socket.resume();
  }
}

/** A read that ended early resolves with `err` and partial, possibly misaligned data: a failure, never a result. */
function failIfPartial(result: { data: Buffer; err?: Error | null }, table: string): void {
  if (!result.err) return;
  const dropped = /disconnected/i.test(result.err.message);
  throw new SessionError(
    dropped ? "CONNECTION_DROPPED" : "PARTIAL_READ",
    `${dropped ? "The connection dropped" : "The device stopped sending"} during the ${table} read after ${result.data.length} bytes (${result.err.message}); nothing was kept`,
  );
}

function ack(reply: Buffer): number {
  return reply.length >= 2 ? reply.readUInt16LE(0) : -1;
}

function expectAck(reply: Buffer, command: string): true {
  const code = ack(reply);
  if (code === CMD.ACK_ERROR) throw new SessionError("DEVICE_REFUSED", `The device refused ${command}`);
  return true;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? undefined : end).toString("utf8");
}

/** node-zklib rejects with ZKError objects ({ err, command }), not Errors; name the cause in plain words. */
function toPayload(error: unknown): SessionErrorPayload {
  if (error instanceof SessionError) return { reason: error.reason, message: error.message };
  const zkError = error as Partial<ZKError> & { code?: string; message?: string };
  const cause = (zkError?.err ?? error) as { code?: string; message?: string };
  const code = cause?.code ?? zkError?.code;
  const text = cause?.message ?? String(error);
  if (code === "ECONNREFUSED") return { reason: "CONNECTION_REFUSED", message: `${target} refused the connection: nothing listens on that port (wrong port, or the device is off)` };
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH" || code === "ETIMEDOUT" || code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return { reason: "UNREACHABLE", message: `${target} is not reachable (${code})` };
  }
  if (code === "ECONNRESET" || code === "EPIPE" || /isn't connected|closed|disconnected/i.test(text)) {
    return { reason: "CONNECTION_DROPPED", message: `The connection to ${target} dropped (${text})` };
  }
  if (/TIMEOUT/.test(text)) {
    const connecting = zkError?.command === "TCP CONNECT" || /CONNECT/.test(zkError?.command ?? "");
    return {
      reason: "NO_ANSWER",
      message: connecting
        ? `${target} accepted the connection but did not answer CONNECT (is it a ZKTeco device?)`
        : `The device at ${target} did not answer within ${timeoutMs / 1000} s (${text})`,
    };
  }
  return { reason: "PROTOCOL", message: `${target}: ${text}` };
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  const zkError = reason as Partial<ZKError>;
  return zkError?.err instanceof Error ? `${zkError.command ?? "node-zklib"}: ${zkError.err.message}` : String(reason);
}
