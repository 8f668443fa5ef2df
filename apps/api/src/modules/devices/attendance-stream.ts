import type { AttendanceBatch } from "./attendance-writer.js";
import type { DeviceClock } from "./device-time.js";
import { ATTENDANCE_RECORD_BYTES, attendancePunchState, attendanceTime, attendanceUserId, attendanceVerifyType } from "./zk-records.js";

const HEADER_BYTES = 4;

/** A record that cannot be stored, kept to be reported once the download is known to be whole. */
export type UnstorableRecord = { index: number; zkTime: number; reason: string };

const emptyBatch = (): AttendanceBatch => ({ userIds: [], epochSeconds: [], verifyTypes: [], punchStates: [] });

/**
 * Decodes the attendance dataset (`u32 byte length | 40-byte records`) as it arrives, in whatever slices the device
 * session hands over: the device's chunks are 65,472 bytes, which neither the 4-byte header nor 40-byte records
 * divide, so a record may straddle two chunks. Device times become UTC instants here, records before `since` are
 * counted and dropped, and what is left accumulates as one batch until the writer takes it (`take`).
 *
 * `finish` is the completeness check: bytes short of the header's length, or a record cut off at the end, mean the
 * read was not whole. More bytes than the header declares throw at once.
 */
export class AttendanceStream {
  /** Records decoded so far. */
  read = 0;
  beforeSince = 0;
  readonly unstorable: UnstorableRecord[] = [];
  private declared: number | null = null;
  /** Bytes received, the header included. */
  private received = 0;
  private carry: Buffer = Buffer.alloc(0);
  private batch = emptyBatch();

  constructor(
    private readonly clock: DeviceClock,
    private readonly sinceSeconds: number | null,
  ) {}

  /** Records the header says the dataset holds; null until its first 4 bytes arrived. */
  get expected(): number | null {
    return this.declared === null ? null : Math.floor(this.declared / ATTENDANCE_RECORD_BYTES);
  }

  /** Records decoded and waiting for `take`. */
  get pending(): number {
    return this.batch.userIds.length;
  }

  push(chunk: Buffer): void {
    this.received += chunk.length;
    // The carry is at most 39 bytes (or 3 of a header): copying it in front of the next chunk costs nothing.
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let at = 0;
    if (this.declared === null) {
      if (data.length < HEADER_BYTES) {
        this.carry = Buffer.from(data);
        return;
      }
      this.declared = data.readUInt32LE(0);
      at = HEADER_BYTES;
    }
    const whole = at + Math.floor((data.length - at) / ATTENDANCE_RECORD_BYTES) * ATTENDANCE_RECORD_BYTES;
    if (this.received - HEADER_BYTES > this.declared) {
      throw new Error(`The device sent more than the ${this.declared} bytes of records its header declares: the read is misaligned`);
    }
    for (; at < whole; at += ATTENDANCE_RECORD_BYTES) this.decode(data, at);
    // Copied: a view would keep the whole 64 KB chunk alive for a few bytes.
    this.carry = Buffer.from(data.subarray(whole));
  }

  /** The records decoded since the last take, as one batch (null if none). */
  take(): AttendanceBatch | null {
    if (!this.batch.userIds.length) return null;
    const batch = this.batch;
    this.batch = emptyBatch();
    return batch;
  }

  /** Throws unless the dataset arrived whole: exactly the header's length, in whole records. */
  finish(): void {
    if (this.declared === null && this.carry.length === 0) return; // an empty log may come as no bytes at all
    if (this.declared === null || this.received - HEADER_BYTES !== this.declared || this.carry.length !== 0 || this.declared % ATTENDANCE_RECORD_BYTES !== 0) {
      throw new Error(
        `The device sent ${Math.max(0, this.received - HEADER_BYTES)} bytes of records where its header says ${this.declared ?? "?"} (${ATTENDANCE_RECORD_BYTES}-byte records): the read is incomplete`,
      );
    }
  }

  private decode(data: Buffer, at: number): void {
    const index = this.read++;
    const userId = attendanceUserId(data, at);
    const zkTime = attendanceTime(data, at);
    if (!userId) {
      this.unstorable.push({ index, zkTime, reason: "The record has no user id" });
      return;
    }
    const epochSeconds = Math.floor(this.clock.toEpochMs(zkTime) / 1000);
    if (this.sinceSeconds !== null && epochSeconds < this.sinceSeconds) {
      this.beforeSince++;
      return;
    }
    this.batch.userIds.push(userId);
    this.batch.epochSeconds.push(epochSeconds);
    this.batch.verifyTypes.push(attendanceVerifyType(data, at));
    this.batch.punchStates.push(attendancePunchState(data, at));
  }
}
