// Makes node-zklib 1.3.0 survive TCP coalescing, without modifying it.
//
// Why: node-zklib treats every socket 'data' event as one protocol frame. Its bulk reader
// (ZKLibTCP.readWithBuffer -> handleOnData) parses the first frame of an event, keeps the rest in a
// buffer, and throws that buffer away whenever a chunk completes. A device answers each DATA_RDY
// with PREPARE_DATA, CMD_DATA and ACK_OK back to back; TCP (loopback, a busy client, a real network)
// delivers them in whatever slices it likes, so records vanish and the read ends with
// "TIME OUT !! n PACKETS REMAIN" ten seconds later. Pacing the device is not a fix: any gap can be
// closed again by a busy event loop.
//
// How: we reframe the byte stream before node-zklib sees it, so each 'data' event carries exactly
// one frame (`50 50 82 7d | u32 LE body length | body`), as the library assumes.
//
// Where: on the socket's own `emit`, not as another 'data' listener. node-zklib's getRealTimeLogs
// only subscribes when `socket.listenerCount('data') === 0`, and writeMessage relies on
// `once('data')` catching the next frame; a listener of ours would change both. Wrapping emit
// leaves the listener set exactly as node-zklib manages it. The socket is wrapped inside
// createSocket, right after node-zklib constructs it and before any byte can arrive, so even the
// CONNECT reply is framed.

import type { Socket } from "node:net";
import type ZKLib from "node-zklib";

const MAGIC = Buffer.from([0x50, 0x50, 0x82, 0x7d]);
const PREFIX_BYTES = 8;
const framed = Symbol("taskline.zkFramed");

/** Splits a TCP byte stream into whole ZK frames (prefix included), holding partial ones back. */
export class ZkFrameSplitter {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Buffer[] = [];
    for (;;) {
      this.skipToMagic();
      if (this.pending.length < PREFIX_BYTES) break;
      const frameLength = PREFIX_BYTES + this.pending.readUInt32LE(4);
      if (this.pending.length < frameLength) break;
      frames.push(this.pending.subarray(0, frameLength));
      this.pending = this.pending.subarray(frameLength);
    }
    return frames;
  }

  /** Bytes held back waiting for the rest of a frame. */
  get pendingBytes(): number {
    return this.pending.length;
  }

  // Bytes that do not start a frame can only be noise; node-zklib would misparse them anyway.
  // A tail of up to 3 bytes may be the start of a magic split across reads, so it stays.
  private skipToMagic(): void {
    const at = this.pending.indexOf(MAGIC);
    if (at === 0) return;
    this.pending = at > 0 ? this.pending.subarray(at) : this.pending.subarray(Math.max(0, this.pending.length - 3));
  }
}

type SocketEmit = Socket["emit"];

/** Sees each complete frame before node-zklib does (the device session streams bulk reads from here). */
export type FrameObserver = (frame: Buffer) => void;

/** Re-emits each incoming 'data' event as one event per complete frame. Idempotent. */
export function frameSocket(socket: Socket, observe?: FrameObserver): void {
  const marked = socket as Socket & { [framed]?: true };
  if (marked[framed]) return;
  marked[framed] = true;
  const splitter = new ZkFrameSplitter();
  const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
  const framedEmit = (event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== "data" || !Buffer.isBuffer(args[0])) return emit(event, ...args);
    let delivered = false;
    for (const frame of splitter.push(args[0])) {
      observe?.(frame);
      // A frame arriving when nobody listens is a reply to a command node-zklib already gave up on
      // (its once('data') fired on an earlier frame). Holding it for the next listener would hand
      // the next command the wrong reply, so it is dropped, as an unlistened event would be.
      if (socket.listenerCount("data") > 0) delivered = emit("data", frame) || delivered;
    }
    return delivered;
  };
  socket.emit = framedEmit as SocketEmit;
}

/**
 * Frames every TCP socket this client opens from now on (and the current one, if any). Call it
 * before `zk.createSocket()`. UDP needs nothing: each datagram is already one frame.
 */
export function installFraming(zk: ZKLib, observe?: FrameObserver): ZKLib {
  const tcp = zk.zklibTcp;
  const createSocket = tcp.createSocket;
  tcp.createSocket = function (this: typeof tcp, ...args: Parameters<typeof createSocket>) {
    const connecting = createSocket.apply(this, args);
    // node-zklib assigns this.socket synchronously inside createSocket, before connecting.
    if (this.socket) frameSocket(this.socket, observe);
    return connecting;
  };
  if (tcp.socket) frameSocket(tcp.socket, observe);
  return zk;
}
