// The ZKTeco TCP wire format: an 8-byte prefix (magic + u32 body length), then a body of
// `cmd u16 | checksum u16 | session u16 | reply u16 | payload`, all little-endian.

export const Command = {
  CONNECT: 1000,
  EXIT: 1001,
  ENABLE_DEVICE: 1002,
  DISABLE_DEVICE: 1003,
  REFRESH_DATA: 1013,
  GET_VERSION: 1100,
  PREPARE_DATA: 1500,
  DATA: 1501,
  FREE_DATA: 1502,
  DATA_WRRQ: 1503,
  DATA_RDY: 1504,
  USER_WRQ: 8,
  USERTEMP_RRQ: 9,
  OPTIONS_RRQ: 11,
  ATTLOG_RRQ: 13,
  CLEAR_ATTLOG: 15,
  DELETE_USER: 18,
  GET_FREE_SIZES: 50,
  GET_TIME: 201,
  SET_TIME: 202,
  REG_EVENT: 500,
  ACK_OK: 2000,
  ACK_ERROR: 2001,
  ACK_DATA: 2002,
  ACK_UNAUTH: 2005,
  ACK_UNKNOWN: 0xffff,
} as const;

export type CommandCode = (typeof Command)[keyof typeof Command];

/** Event flags travel in the session field of a REG_EVENT frame. */
export const EventFlag = { ATTLOG: 1 } as const;

export const MAGIC = Buffer.from([0x50, 0x50, 0x82, 0x7d]);
export const PREFIX_BYTES = 8;
export const COMMAND_HEADER_BYTES = 8;
/** The chunk size node-zklib (and pyzk) ask for in each DATA_RDY request. */
export const MAX_CHUNK = 65_472;

export interface Frame {
  command: number;
  checksum: number;
  sessionId: number;
  replyId: number;
  payload: Buffer;
}

const USHRT_MAX = 65_535;

/** Sum of 16-bit LE words modulo 65535, folded the way the devices (and pyzk) do it. */
export function checksum(body: Buffer): number {
  let sum = 0;
  for (let i = 0; i < body.length; i += 2) {
    sum += i === body.length - 1 ? body[i]! : body.readUInt16LE(i);
    sum %= USHRT_MAX;
  }
  return USHRT_MAX - sum - 1;
}

export function encodeFrame(
  command: number,
  sessionId: number,
  replyId: number,
  payload: Buffer = Buffer.alloc(0),
): Buffer {
  const frame = Buffer.alloc(PREFIX_BYTES + COMMAND_HEADER_BYTES + payload.length);
  MAGIC.copy(frame, 0);
  frame.writeUInt32LE(COMMAND_HEADER_BYTES + payload.length, 4);
  const body = frame.subarray(PREFIX_BYTES);
  body.writeUInt16LE(command, 0);
  body.writeUInt16LE(0, 2);
  body.writeUInt16LE(sessionId, 4);
  body.writeUInt16LE(replyId, 6);
  payload.copy(body, COMMAND_HEADER_BYTES);
  body.writeUInt16LE(checksum(body), 2);
  return frame;
}

export function decodeBody(body: Buffer): Frame {
  return {
    command: body.readUInt16LE(0),
    checksum: body.readUInt16LE(2),
    sessionId: body.readUInt16LE(4),
    replyId: body.readUInt16LE(6),
    payload: body.subarray(COMMAND_HEADER_BYTES),
  };
}

/**
 * Reassembles frames from a TCP byte stream. TCP keeps no message boundaries, so a read may
 * hold half a frame or several. The checksum is deliberately not verified: node-zklib computes
 * it before bumping the reply id, so every packet it sends carries a wrong one.
 */
export class FrameDecoder {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Frame[] = [];
    for (;;) {
      this.resync();
      if (this.pending.length < PREFIX_BYTES) break;
      const bodyLength = this.pending.readUInt32LE(4);
      if (this.pending.length < PREFIX_BYTES + bodyLength) break;
      const body = this.pending.subarray(PREFIX_BYTES, PREFIX_BYTES + bodyLength);
      this.pending = this.pending.subarray(PREFIX_BYTES + bodyLength);
      // A body shorter than its command header cannot be answered; a device ignores it.
      if (body.length >= COMMAND_HEADER_BYTES) frames.push(decodeBody(body));
    }
    return frames;
  }

  /** Bytes before a magic header cannot belong to any frame; skip them so one bad write does not wedge the stream. */
  private resync(): void {
    if (this.pending.length === 0) return;
    const at = this.pending.indexOf(MAGIC);
    if (at === 0) return;
    // Keep a tail that could be the start of a magic split across reads.
    this.pending = at > 0 ? this.pending.subarray(at) : this.pending.subarray(Math.max(0, this.pending.length - 3));
  }
}
