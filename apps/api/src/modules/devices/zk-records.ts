// The terminals' record layouts (pyzk's, which real devices follow), decoded from the raw datasets the device
// session reads. node-zklib's own decoders drop the verify type and punch state, cut user ids to 9 characters and
// read names as ASCII; these keep every field.

export const USER_RECORD_BYTES = 72;
export const ATTENDANCE_RECORD_BYTES = 40;
/** Name field width on the device, in bytes. */
export const NAME_BYTES = 24;

/** A user as the device stores it (`<HB8s24sIx7sx24s`). */
export type DeviceUser = { uid: number; role: number; name: string; cardNumber: number; userId: string };

function text(source: Buffer, offset: number, width: number): string {
  const field = source.subarray(offset, offset + width);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? width : end).toString("utf8");
}

/** A dataset is `u32 byte length | records`; a length that does not fit means the read was not whole. */
function records(dataset: Buffer, recordBytes: number): Buffer {
  if (dataset.length < 4) return Buffer.alloc(0);
  const declared = dataset.readUInt32LE(0);
  const body = dataset.subarray(4);
  if (declared !== body.length || body.length % recordBytes !== 0) {
    throw new Error(`The device sent ${body.length} bytes of records where its header says ${declared} (${recordBytes}-byte records): the read is incomplete`);
  }
  return body;
}

export function decodeUsers(dataset: Buffer): DeviceUser[] {
  const body = records(dataset, USER_RECORD_BYTES);
  const users: DeviceUser[] = [];
  for (let at = 0; at < body.length; at += USER_RECORD_BYTES) {
    const r = body.subarray(at, at + USER_RECORD_BYTES);
    users.push({ uid: r.readUInt16LE(0), role: r.readUInt8(2), name: text(r, 11, NAME_BYTES), cardNumber: r.readUInt32LE(35), userId: text(r, 48, 24) });
  }
  return users;
}

// The fields of the 40-byte attendance record at `at`, for decoders that walk a stream (attendance-stream.ts).
export const attendanceUserId = (source: Buffer, at: number): string => text(source, at + 2, 24);
export const attendanceVerifyType = (source: Buffer, at: number): number => source[at + 26]!;
/** The device's wall clock, ZK-encoded (see device-time.ts). */
export const attendanceTime = (source: Buffer, at: number): number => source.readUInt32LE(at + 27);
export const attendancePunchState = (source: Buffer, at: number): number => source[at + 31]!;

/** Bytes `name` takes on the device; past NAME_BYTES the device would cut it. */
export function nameBytes(name: string): number {
  return Buffer.byteLength(name, "utf8");
}

/** The 72-byte USER_WRQ record. The name is cut on a character boundary so it never ends in half a character. */
export function encodeUser(user: DeviceUser): Buffer {
  const record = Buffer.alloc(USER_RECORD_BYTES);
  record.writeUInt16LE(user.uid, 0);
  record.writeUInt8(user.role, 2);
  let name = Buffer.from(user.name, "utf8");
  if (name.length > NAME_BYTES) {
    let end = NAME_BYTES;
    while (end > 0 && (name[end]! & 0xc0) === 0x80) end--;
    name = name.subarray(0, end);
  }
  name.copy(record, 11);
  record.writeUInt32LE(user.cardNumber >>> 0, 35);
  record.write("1", 40, "ascii"); // group 1: the default access group
  record.write(user.userId, 48, "ascii");
  return record;
}
