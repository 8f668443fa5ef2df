// Record layouts as pyzk reads them from real terminals.
// User, 72 bytes, `<HB8s24sIx7sx24s`: uid, role, password, name, card, pad, group, pad, user id.
// Attendance, 40 bytes, `<H24sB4sB8s`: user serial, user id, verify type, time, punch state, spare.

import { decodeZkTime, encodeHexTime } from "./zk-time.js";

export const USER_RECORD_BYTES = 72;
export const ATTENDANCE_RECORD_BYTES = 40;
export const REALTIME_EVENT_BYTES = 36;

export interface User {
  /** The device's internal serial (1-65535); records are created and updated by it. */
  uid: number;
  /** The PIN people type or the HR system's employee number; node-zklib reads 9 characters. */
  userId: string;
  name: string;
  /** 0 = user, 14 = admin. */
  role: number;
  password: string;
  cardNo: number;
  groupId: string;
}

export interface AttendanceRecord {
  userSn: number;
  userId: string;
  /** Wall-clock time in the device's zone, ZK-encoded (see zk-time.ts). */
  time: number;
  /** 1 = fingerprint, 15 = face, 4 = card, 0 = password. */
  verifyType: number;
  /** 0 = check-in, 1 = check-out, ... */
  punchState: number;
}

/** Writes `text` as UTF-8, cut on a character boundary so the field never ends in half a character. */
function writeText(target: Buffer, text: string, offset: number, width: number): void {
  let bytes = Buffer.from(text, "utf8");
  if (bytes.length > width) {
    let end = width;
    // 0b10xxxxxx is a continuation byte: back up to the start of the character it belongs to.
    while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end -= 1;
    bytes = bytes.subarray(0, end);
  }
  bytes.copy(target, offset);
}

function readText(source: Buffer, offset: number, width: number): string {
  const field = source.subarray(offset, offset + width);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? width : end).toString("utf8");
}

export function encodeUser(user: User, target: Buffer = Buffer.alloc(USER_RECORD_BYTES), offset = 0): Buffer {
  const record = target.subarray(offset, offset + USER_RECORD_BYTES);
  record.fill(0);
  record.writeUInt16LE(user.uid, 0);
  record.writeUInt8(user.role, 2);
  writeText(record, user.password, 3, 8);
  writeText(record, user.name, 11, 24);
  record.writeUInt32LE(user.cardNo >>> 0, 35);
  writeText(record, user.groupId, 40, 7);
  writeText(record, user.userId, 48, 24);
  return record;
}

export function decodeUser(record: Buffer): User {
  if (record.length < USER_RECORD_BYTES) {
    throw new RangeError(`A user record is ${USER_RECORD_BYTES} bytes; got ${record.length}`);
  }
  return {
    uid: record.readUInt16LE(0),
    role: record.readUInt8(2),
    password: readText(record, 3, 8),
    name: readText(record, 11, 24),
    cardNo: record.readUInt32LE(35),
    groupId: readText(record, 40, 7),
    userId: readText(record, 48, 24),
  };
}

export function encodeAttendance(
  entry: AttendanceRecord,
  target: Buffer = Buffer.alloc(ATTENDANCE_RECORD_BYTES),
  offset = 0,
): Buffer {
  const record = target.subarray(offset, offset + ATTENDANCE_RECORD_BYTES);
  record.fill(0);
  record.writeUInt16LE(entry.userSn, 0);
  writeText(record, entry.userId, 2, 24);
  record.writeUInt8(entry.verifyType, 26);
  record.writeUInt32LE(entry.time, 27);
  record.writeUInt8(entry.punchState, 31);
  return record;
}

export function decodeAttendance(record: Buffer): AttendanceRecord {
  return {
    userSn: record.readUInt16LE(0),
    userId: readText(record, 2, 24),
    verifyType: record.readUInt8(26),
    time: record.readUInt32LE(27),
    punchState: record.readUInt8(31),
  };
}

/** A bulk-read dataset: `u32 byte length of the records | records`, as the device buffers it. */
export function encodeDataset<T>(
  items: readonly T[],
  recordBytes: number,
  encode: (item: T, target: Buffer, offset: number) => unknown,
): Buffer {
  const dataset = Buffer.alloc(4 + items.length * recordBytes);
  dataset.writeUInt32LE(items.length * recordBytes, 0);
  items.forEach((item, i) => encode(item, dataset, 4 + i * recordBytes));
  return dataset;
}

/** Real-time attendance event payload: user id (24), verify type, punch state, 6-byte time, 4 spare. */
export function encodeRealtimeAttendance(entry: AttendanceRecord): Buffer {
  const payload = Buffer.alloc(REALTIME_EVENT_BYTES);
  writeText(payload, entry.userId, 0, 24);
  payload.writeUInt8(entry.verifyType, 24);
  payload.writeUInt8(entry.punchState, 25);
  encodeHexTime(decodeZkTime(entry.time)).copy(payload, 26);
  return payload;
}
