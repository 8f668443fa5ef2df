// node-zklib 1.3.0 ships no types. This declares what Taskline uses, as the library actually
// behaves (read from its source), not as its README suggests:
// - errors are ZKError objects, not Error: the cause is in `.err`;
// - bulk reads resolve `{ data, err }` with partial data instead of rejecting: always check `err`;
// - `executeCmd` resolves the raw reply body (8-byte command header + payload); check
//   `reply.readUInt16LE(0) === 2000` (ACK_OK) yourself.
declare module "node-zklib" {
  import type { Socket } from "node:net";

  export interface ZkUser {
    uid: number;
    role: number;
    password: string;
    /** Decoded as ASCII up to the first NUL: non-ASCII names come back mangled. */
    name: string;
    cardno: number;
    /** Only the first 9 characters of the device's user id. */
    userId: string;
  }

  export interface ZkAttendance {
    userSn: number;
    deviceUserId: string;
    /** The device's wall-clock time read as local time of this Node process, not the device's zone. */
    recordTime: Date;
    ip: string;
  }

  export interface ZkRealTimeLog {
    userId: string;
    /** Same caveat as recordTime: device wall clock read in this process's zone. */
    attTime: Date;
  }

  export interface ZkInfo {
    userCounts: number;
    logCounts: number;
    logCapacity: number;
  }

  export interface ZkBulkRead<T> {
    data: T[];
    /**
     * Set when the read ended early; `data` is then partial and possibly misaligned. null after a
     * complete buffered read, absent after a small one (one CMD_DATA frame): test with `if (err)`.
     */
    err?: Error | null;
  }

  /** What every rejected node-zklib call carries. */
  export interface ZKError {
    err: Error & { code?: string };
    command: string;
    ip: string;
  }

  /** The TCP transport; Taskline reaches into it only to frame the socket (see zk-framing.ts). */
  export interface ZKLibTCP {
    socket: Socket | null;
    sessionId: number | null;
    replyId: number;
    createSocket(cbError?: (error: Error) => void, cbClose?: (type: string) => void): Promise<Socket>;
    /** CMD_CONNECT on the open socket; the session id comes from its reply. */
    connect(): Promise<boolean>;
    freeData(): Promise<Buffer>;
    /**
     * The chunked read behind getUsers/getAttendances: `request` is the 11-byte DATA_WRRQ payload. Resolves the raw
     * dataset (`u32 size | records`); `err` set means it ended early and `data` is partial.
     */
    readWithBuffer(request: Buffer, progress?: (received: number, total: number) => void): Promise<{ data: Buffer; err?: Error | null }>;
  }

  export default class ZKLib {
    /**
     * `timeout` (ms) must be positive: with 0 every bulk read whose first reply takes over ~1 ms
     * rejects, because node-zklib arms `setTimeout(reject, this.timeout)` unconditionally there.
     * `inport` is the local UDP port for the fallback it attempts only when TCP is refused.
     */
    constructor(ip: string, port: number, timeout: number, inport: number);
    ip: string;
    connectionType: "tcp" | "udp" | null;
    zklibTcp: ZKLibTCP;
    createSocket(cbError?: (error: Error) => void, cbClose?: (type: string) => void): Promise<void>;
    getInfo(): Promise<ZkInfo>;
    getUsers(): Promise<ZkBulkRead<ZkUser>>;
    getAttendances(onProgress?: (received: number, total: number) => void): Promise<ZkBulkRead<ZkAttendance>>;
    getRealTimeLogs(callback: (log: ZkRealTimeLog) => void): Promise<void>;
    clearAttendanceLog(): Promise<Buffer>;
    disableDevice(): Promise<Buffer>;
    enableDevice(): Promise<Buffer>;
    freeData(): Promise<Buffer>;
    executeCmd(command: number, data?: Buffer | string): Promise<Buffer>;
    disconnect(): Promise<boolean>;
  }
}
