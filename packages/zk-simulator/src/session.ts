// One client connection: reassembles frames, answers them strictly in order (a terminal is
// single-threaded), and serves bulk reads from a per-session buffer like the device's own.

import type { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { DeviceState } from "./device-state.js";
import type { Faults } from "./faults.js";
import { Command, EventFlag, FrameDecoder, encodeFrame, type Frame } from "./protocol.js";
import {
  ATTENDANCE_RECORD_BYTES,
  USER_RECORD_BYTES,
  decodeUser,
  encodeAttendance,
  encodeDataset,
  encodeRealtimeAttendance,
  encodeUser,
  type AttendanceRecord,
} from "./records.js";
import { decodeZkTime, encodeZkTime } from "./zk-time.js";

export const FIRMWARE_VERSION = "Ver 6.60 Apr 28 2017";

export interface SessionContext {
  state: DeviceState;
  faults(): Readonly<Faults>;
  /** Datasets up to this size go back as one CMD_DATA frame; larger ones through the buffer. */
  maxDirectDataBytes: number;
  onChunkSent(): void;
}

export class Session {
  private connected = false;
  private eventsRegistered = false;
  private dataset: Buffer | null = null;
  private chunksSent = 0;
  private dropped = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly decoder = new FrameDecoder();

  constructor(
    private readonly socket: Socket,
    readonly id: number,
    private readonly context: SessionContext,
  ) {
    socket.on("data", (chunk: Buffer) => {
      for (const frame of this.decoder.push(chunk)) {
        this.queue = this.queue
          .then(() => this.handle(frame))
          .catch(() => {
            // A bug in a handler must not leave the client waiting forever: hang up like a crashed terminal.
            socket.destroy();
          });
      }
    });
    // Clients reset connections routinely (node-zklib ends without waiting); that is not a device fault.
    socket.on("error", () => {});
  }

  get receivesEvents(): boolean {
    return this.eventsRegistered && this.writable;
  }

  pushAttendanceEvent(record: AttendanceRecord): void {
    if (!this.eventsRegistered || !this.writable) return;
    // Events carry the event flag where replies carry the session id, and reply id 0.
    this.socket.write(encodeFrame(Command.REG_EVENT, EventFlag.ATTLOG, 0, encodeRealtimeAttendance(record)));
  }

  private get writable(): boolean {
    return !this.dropped && !this.socket.destroyed && this.socket.writable;
  }

  private reply(request: Frame, command: number, payload?: Buffer): void {
    if (this.writable) this.socket.write(encodeFrame(command, this.id, request.replyId, payload));
  }

  private async handle(frame: Frame): Promise<void> {
    const { latencyMs, stallCommand } = this.context.faults();
    if (frame.command === stallCommand) return;
    if (latencyMs > 0) await sleep(latencyMs);
    if (!this.writable) return;
    // A client acknowledging a real-time event expects nothing back.
    if (frame.command === Command.ACK_OK) return;
    if (!this.connected && frame.command !== Command.CONNECT) {
      this.reply(frame, Command.ACK_UNAUTH);
      return;
    }
    await this.dispatch(frame);
  }

  private async dispatch(frame: Frame): Promise<void> {
    const { state } = this.context;
    switch (frame.command) {
      case Command.CONNECT:
        this.connected = true;
        return this.reply(frame, Command.ACK_OK);
      case Command.EXIT:
        this.reply(frame, Command.ACK_OK);
        this.socket.end();
        return;
      case Command.ENABLE_DEVICE:
        state.enabled = true;
        return this.reply(frame, Command.ACK_OK);
      case Command.DISABLE_DEVICE:
        state.enabled = false;
        return this.reply(frame, Command.ACK_OK);
      case Command.GET_FREE_SIZES:
        return this.reply(frame, Command.ACK_OK, this.freeSizes());
      case Command.CLEAR_ATTLOG:
        state.clearAttendance();
        return this.reply(frame, Command.ACK_OK);
      case Command.REG_EVENT:
        this.eventsRegistered = frame.payload.length >= 4 && (frame.payload.readUInt32LE(0) & EventFlag.ATTLOG) !== 0;
        return this.reply(frame, Command.ACK_OK);
      case Command.FREE_DATA:
        this.dataset = null;
        return this.reply(frame, Command.ACK_OK);
      case Command.DATA_WRRQ:
        return this.prepareRead(frame);
      case Command.DATA_RDY:
        return this.sendChunk(frame);
      case Command.USER_WRQ:
        return this.writeUser(frame);
      case Command.DELETE_USER:
        if (frame.payload.length < 2) return this.reply(frame, Command.ACK_ERROR);
        state.deleteUser(frame.payload.readUInt16LE(0));
        return this.reply(frame, Command.ACK_OK);
      case Command.REFRESH_DATA:
        return this.reply(frame, Command.ACK_OK);
      case Command.GET_TIME: {
        const payload = Buffer.alloc(4);
        payload.writeUInt32LE(encodeZkTime(state.clock()), 0);
        return this.reply(frame, Command.ACK_OK, payload);
      }
      case Command.SET_TIME:
        if (frame.payload.length < 4) return this.reply(frame, Command.ACK_ERROR);
        state.setClock(decodeZkTime(frame.payload.readUInt32LE(0)));
        return this.reply(frame, Command.ACK_OK);
      case Command.GET_VERSION:
        return this.reply(frame, Command.ACK_OK, Buffer.from(`${FIRMWARE_VERSION}\0`, "ascii"));
      case Command.OPTIONS_RRQ:
        return this.readOption(frame);
      default:
        return this.reply(frame, Command.ACK_UNKNOWN);
    }
  }

  private writeUser(frame: Frame): void {
    if (frame.payload.length < USER_RECORD_BYTES) return this.reply(frame, Command.ACK_ERROR);
    const user = decodeUser(frame.payload);
    // uid 0 is not a slot on a real terminal; it refuses the record rather than dropping the line.
    if (user.uid === 0) return this.reply(frame, Command.ACK_ERROR);
    // A full user table takes updates of existing slots but no new user, as a real terminal does.
    const { state } = this.context;
    if (!state.users.some((u) => u.uid === user.uid) && state.userCount >= state.userCapacity) return this.reply(frame, Command.ACK_ERROR);
    this.context.state.upsertUser(user);
    this.reply(frame, Command.ACK_OK);
  }

  /** GET_FREE_SIZES: 23 little-endian i32 counters, laid out as pyzk's read_sizes reads them. */
  private freeSizes(): Buffer {
    const { state } = this.context;
    const fields = new Int32Array(23);
    fields[4] = state.userCount;
    fields[8] = state.attendance.length;
    fields[14] = 3_000; // fingerprint capacity
    fields[15] = state.userCapacity;
    fields[16] = state.logCapacity;
    fields[17] = 3_000;
    fields[18] = Math.max(0, state.userCapacity - state.userCount);
    fields[19] = Math.max(0, state.logCapacity - state.attendance.length);
    const payload = Buffer.alloc(fields.length * 4);
    fields.forEach((value, i) => payload.writeInt32LE(value, i * 4));
    return payload;
  }

  private readOption(frame: Frame): void {
    const end = frame.payload.indexOf(0);
    const key = frame.payload.subarray(0, end === -1 ? undefined : end).toString("ascii");
    const options: Record<string, string> = {
      "~SerialNumber": this.context.state.serialNumber,
      "~DeviceName": "ZK Simulator",
      "~Platform": "ZMM220_TFT",
      "~ZKFPVersion": "10",
      "~OS": "1",
      "~PIN2Width": "9",
    };
    const value = options[key];
    if (value === undefined) return this.reply(frame, Command.ACK_ERROR);
    this.reply(frame, Command.ACK_OK, Buffer.from(`${key}=${value}\0`, "ascii"));
  }

  /** DATA_WRRQ payload: `01 | u16 inner command | i32 fct | i32 ext`; the inner command picks the table. */
  private prepareRead(frame: Frame): void {
    const { state, maxDirectDataBytes } = this.context;
    const inner = frame.payload.length >= 3 ? frame.payload.readUInt16LE(1) : -1;
    let dataset: Buffer;
    if (inner === Command.USERTEMP_RRQ) {
      dataset = encodeDataset(state.users, USER_RECORD_BYTES, encodeUser);
    } else if (inner === Command.ATTLOG_RRQ) {
      dataset = encodeDataset(state.attendance, ATTENDANCE_RECORD_BYTES, encodeAttendance);
    } else {
      return this.reply(frame, Command.ACK_ERROR);
    }
    if (dataset.length <= maxDirectDataBytes) return this.reply(frame, Command.DATA, dataset);
    this.dataset = dataset;
    this.chunksSent = 0;
    const stat = Buffer.alloc(13);
    stat.writeUInt32LE(dataset.length, 1);
    stat.writeUInt32LE(dataset.length, 5);
    this.reply(frame, Command.ACK_OK, stat);
  }

  /** DATA_RDY `u32 start | u32 length`: PREPARE_DATA, CMD_DATA, ACK_OK, all echoing the request's reply id. */
  private async sendChunk(frame: Frame): Promise<void> {
    const faults = this.context.faults();
    if (!this.dataset || frame.payload.length < 8) return this.reply(frame, Command.ACK_ERROR);
    const start = frame.payload.readUInt32LE(0);
    const length = frame.payload.readUInt32LE(4);
    if (start + length > this.dataset.length) return this.reply(frame, Command.ACK_ERROR);
    // node-zklib asks for one extra empty chunk when the size is a multiple of 65,472. Answering it
    // would put three frames on the wire after the client has finished, and its next command would
    // take them as its reply; there is nothing to send, so send nothing.
    if (length === 0) return;
    if (this.dropDue(faults)) return;

    let chunk = this.dataset.subarray(start, start + length);
    if (faults.truncateChunk === this.chunksSent) chunk = chunk.subarray(0, Math.floor(length / 2));
    const prepare = Buffer.alloc(8);
    prepare.writeUInt32LE(length, 0);
    prepare.writeUInt32LE(0x1000, 4);

    const prepareFrame = encodeFrame(Command.PREPARE_DATA, this.id, frame.replyId, prepare);
    const dataFrames = Buffer.concat([
      encodeFrame(Command.DATA, this.id, frame.replyId, chunk),
      encodeFrame(Command.ACK_OK, this.id, frame.replyId),
    ]);
    if (faults.pacingMs > 0) {
      this.socket.write(prepareFrame);
      await sleep(faults.pacingMs);
      if (!this.writable) return;
      this.socket.write(dataFrames);
      await sleep(faults.pacingMs);
    } else {
      this.socket.write(Buffer.concat([prepareFrame, dataFrames]));
    }
    this.chunksSent += 1;
    this.context.onChunkSent();
    this.dropDue(faults);
  }

  /**
   * end(), not destroy(): destroy would discard chunks still queued in user space, and the fault is
   * "N chunks arrived, then the line went dead", not "somewhere before N".
   */
  private dropDue(faults: Readonly<Faults>): boolean {
    if (faults.dropMidTransferAfterChunks === null || this.chunksSent < faults.dropMidTransferAfterChunks) return false;
    this.dropped = true;
    this.dataset = null;
    this.socket.end();
    return true;
  }
}
