import { describe, expect, it } from "vitest";
import { Command, FrameDecoder, MAGIC, checksum, decodeBody, encodeFrame } from "./protocol.js";

describe("encodeFrame", () => {
  it("writes the magic, the body length and a little-endian command header", () => {
    const frame = encodeFrame(Command.ACK_OK, 0x1234, 7, Buffer.from([1, 2, 3]));

    expect(frame.subarray(0, 4)).toEqual(MAGIC);
    expect(frame.readUInt32LE(4)).toBe(8 + 3);
    expect(decodeBody(frame.subarray(8))).toMatchObject({
      command: Command.ACK_OK,
      sessionId: 0x1234,
      replyId: 7,
      payload: Buffer.from([1, 2, 3]),
    });
  });

  it("carries the checksum pyzk computes for the same header", () => {
    const frame = encodeFrame(Command.CONNECT, 0, 0);

    // pyzk: 65535 - (1000 % 65535) - 1 for a bare CONNECT.
    expect(frame.readUInt16LE(10)).toBe(64_534);
    expect(checksum(Buffer.from([0xe8, 0x03, 0, 0, 0, 0, 0, 0]))).toBe(64_534);
  });
});

describe("FrameDecoder", () => {
  const a = encodeFrame(Command.CONNECT, 0, 1);
  const b = encodeFrame(Command.GET_TIME, 5, 2, Buffer.from("xyz"));

  it("returns every frame when several arrive in one read", () => {
    const frames = new FrameDecoder().push(Buffer.concat([a, b]));

    expect(frames.map((f) => f.command)).toEqual([Command.CONNECT, Command.GET_TIME]);
    expect(frames[1]!.payload.toString()).toBe("xyz");
  });

  it("holds a frame back until all of its bytes have arrived", () => {
    const decoder = new FrameDecoder();
    const bytes = Buffer.concat([a, b]);

    const seen = [...bytes].flatMap((byte) => decoder.push(Buffer.from([byte])));

    expect(seen.map((f) => f.replyId)).toEqual([1, 2]);
  });

  it("skips noise before a frame instead of wedging the stream", () => {
    const frames = new FrameDecoder().push(Buffer.concat([Buffer.from([0xde, 0xad, 0x50]), a]));

    expect(frames.map((f) => f.command)).toEqual([Command.CONNECT]);
  });

  it("accepts frames with a wrong checksum, as node-zklib sends them", () => {
    const frame = encodeFrame(Command.CONNECT, 0, 1);
    frame.writeUInt16LE(frame.readUInt16LE(10) + 1, 10);

    expect(new FrameDecoder().push(frame)).toHaveLength(1);
  });
});
