// The IPC protocol between a worker and its device-session child (session-child.ts). The child owns one node-zklib
// client and one TCP connection; the parent sends it one request at a time and gets one reply per request, plus
// progress events during bulk reads, or, for a streamed read, the dataset's bytes chunk by chunk as the device sends
// them (the parent grants credits back, so a slow consumer holds the device back instead of piling up chunks).

export type SessionRequest =
  | { id: number; op: "connect"; host: string; port: number; timeoutMs: number }
  | { id: number; op: "info" }
  | { id: number; op: "disable" }
  | { id: number; op: "enable" }
  /** Bulk read of the user table (72-byte records) or the attendance log (40-byte records); raw dataset back. */
  | { id: number; op: "read"; table: "users" | "attendance" }
  /** The same read, the dataset forwarded in `chunk` messages as it arrives; the reply is its byte count. */
  | { id: number; op: "stream"; table: "users" | "attendance" }
  /** The parent consumed `chunks` more chunks of stream `id`. No reply. */
  | { id: number; op: "credit"; chunks: number }
  /** USER_WRQ with a 72-byte record. */
  | { id: number; op: "writeUser"; record: Uint8Array }
  | { id: number; op: "deleteUser"; uid: number }
  | { id: number; op: "refresh" }
  | { id: number; op: "clearAttendance" }
  | { id: number; op: "disconnect" };

export type SessionOp = SessionRequest["op"];

/** What the device said about itself (test connection, download totals). */
export type DeviceInfo = {
  userCount: number;
  logCount: number;
  logCapacity: number;
  serialNumber: string | null;
  firmware: string | null;
  /** The device clock as a zone-less wall-clock reading, ZK-encoded (seconds since 2000, 31-day months). */
  clock: number | null;
};

/** A failure the parent can explain: `reason` is one of SessionFailure. */
export type SessionErrorPayload = { reason: SessionFailure; message: string };

export type SessionFailure =
  | "CONNECTION_REFUSED"
  | "UNREACHABLE"
  | "NO_ANSWER"
  | "CONNECTION_DROPPED"
  | "PARTIAL_READ"
  | "DEVICE_REFUSED"
  | "SESSION_CRASHED"
  | "PROTOCOL";

export type SessionMessage =
  | { type: "ready" }
  | { type: "reply"; id: number; ok: true; value: unknown }
  | { type: "reply"; id: number; ok: false; error: SessionErrorPayload }
  /** Bytes of the dataset received so far, of `total`. */
  | { type: "progress"; id: number; received: number; total: number }
  /** The next bytes of a streamed dataset (`u32 size | records`, cut wherever the device's chunks end). */
  | { type: "chunk"; id: number; bytes: Uint8Array }
  /** The child is about to exit because node-zklib rejected a promise nobody handled (facts: hazard 1). */
  | { type: "crash"; message: string };
