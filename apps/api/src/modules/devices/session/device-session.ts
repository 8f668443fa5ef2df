import { type ChildProcess, fork } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Logger } from "../../../lib/logger.js";
import type { DeviceInfo, SessionFailure, SessionMessage, SessionOp, SessionRequest } from "./messages.js";

/** Why a device operation failed, in words a user can act on; `reason` for code that branches. */
export class DeviceSessionError extends Error {
  override name = "DeviceSessionError";
  constructor(
    readonly reason: SessionFailure,
    message: string,
  ) {
    super(message);
  }
}

export type SessionTarget = { host: string; port: number };

export type SessionOptions = {
  /** Aborting kills the session's process at once (cancel, time limit); pending calls reject with the reason. */
  signal?: AbortSignal;
  /** node-zklib's per-command timeout, and the bound on connecting. Default 10 s. */
  commandTimeoutMs?: number;
  log?: Logger;
};

type Pending = {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (received: number, total: number) => void;
  onChunk?: (bytes: Uint8Array) => void;
};

const here = fileURLToPath(import.meta.url);
const STDERR_TAIL_BYTES = 2_000;

/**
 * The child's entry point. A build runs the compiled session-child.js. Run from source (tsx: development, tests,
 * benchmarks) the child is bundled once per process into one CommonJS file with esbuild (tsx's own compiler), so
 * each session starts as fast as in production instead of loading a TypeScript loader first (about 1 s here).
 */
let childEntry: Promise<string> | undefined;
function sessionChildEntry(): Promise<string> {
  childEntry ??= (async () => {
    if (!here.endsWith(".ts")) return path.join(path.dirname(here), "session-child.js");
    const esbuild = await import(pathToFileURL(createRequire(import.meta.url).resolve("esbuild")).href);
    const outfile = path.join(os.tmpdir(), `taskline-zk-session-${process.pid}.cjs`);
    process.once("exit", () => fs.rmSync(outfile, { force: true }));
    await esbuild.build({ entryPoints: [path.join(path.dirname(here), "session-child.ts")], outfile, bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "silent" });
    return outfile;
  })();
  return childEntry;
}

/**
 * One connection to one device, held by a child process running node-zklib (session-child.ts). node-zklib can
 * reject promises nobody handles, which ends a Node process: here that ends only the child, and every pending call
 * fails with SESSION_CRASHED. The device is disabled only through `disable()` and `close()` always re-enables it,
 * over a fresh session if this one died.
 */
export class DeviceSession {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private disabled = false;
  private exited = false;
  private failure: unknown;
  private stderrTail = "";
  private readonly exitPromise: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly target: SessionTarget,
    private readonly options: SessionOptions,
  ) {
    this.exitPromise = new Promise((resolve) => child.once("exit", () => resolve()));
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL_BYTES);
    });
    child.on("message", (message: SessionMessage) => this.onMessage(message));
    child.once("exit", (code, signal) => {
      this.exited = true;
      const error =
        this.failure ??
        new DeviceSessionError("SESSION_CRASHED", `The device session ended unexpectedly (${signal ?? `exit code ${code}`})${this.stderrTail ? `: ${lastLine(this.stderrTail)}` : ""}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    });
    // A broken IPC channel surfaces as an 'error' event: the exit handler reports it to callers.
    child.on("error", (err) => options.log?.warn({ err: err.message }, "device session process error"));
  }

  /** Starts the session process and connects; throws DeviceSessionError with a clear reason when it cannot. */
  static async open(target: SessionTarget, options: SessionOptions = {}): Promise<DeviceSession> {
    options.signal?.throwIfAborted();
    const child = fork(await sessionChildEntry(), [], {
      execArgv: [],
      // node-zklib prints "ok tcp" on stdout; stderr is kept to explain crashes.
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      // Buffers cross as bytes, not as JSON arrays of numbers.
      serialization: "advanced",
      // node-zklib reads device times as local times; the session decodes raw records, but keep it deterministic.
      env: { ...process.env, TZ: "UTC" },
    });
    const session = new DeviceSession(child, target, options);
    const onAbort = () => session.kill(options.signal!.reason);
    options.signal?.addEventListener("abort", onAbort, { once: true });
    void session.exitPromise.then(() => options.signal?.removeEventListener("abort", onAbort));
    try {
      await session.ready();
      await session.call({ op: "connect", host: target.host, port: target.port, timeoutMs: options.commandTimeoutMs ?? 10_000 });
      return session;
    } catch (err) {
      session.kill(err);
      await session.exitPromise;
      throw err;
    }
  }

  info(): Promise<DeviceInfo> {
    return this.call({ op: "info" }) as Promise<DeviceInfo>;
  }

  /** Stops the device taking punches and user edits (during bulk reads and user writes). */
  async disable(): Promise<void> {
    this.disabled = true; // set first: a reply lost to a crash may still have disabled it
    await this.call({ op: "disable" });
  }

  async enable(): Promise<void> {
    await this.call({ op: "enable" });
    this.disabled = false;
  }

  /** A whole table through the chunked path: the raw dataset (`u32 size | records`), or a DeviceSessionError. */
  async read(table: "users" | "attendance", onProgress?: (received: number, total: number) => void): Promise<Buffer> {
    const bytes = (await this.call({ op: "read", table }, onProgress)) as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * A whole table through the chunked path, handed to `consume` piece by piece while the device is still sending:
   * the raw dataset (`u32 size | records`) cut wherever the device's chunks end. Pieces are consumed one at a time,
   * in order; the device is held back while `consume` lags far behind (see session-child.ts). `onReceived` runs
   * when the device has sent everything and node-zklib found the read whole, possibly before every piece is
   * consumed: from then on the session takes other commands. Resolves once every piece is consumed; a failed read,
   * or a `consume` that throws (which ends the session), rejects, and whatever was made of the pieces must then be
   * thrown away.
   */
  async stream(table: "users" | "attendance", consume: (bytes: Buffer) => Promise<void> | void, onReceived?: () => void): Promise<number> {
    let consuming: Promise<void> = Promise.resolve();
    let consumeFailure: { error: unknown } | undefined;
    let readFailed = false;
    const onChunk = (bytes: Uint8Array) => {
      consuming = consuming.then(async () => {
        if (consumeFailure || readFailed) return;
        try {
          await consume(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        } catch (error) {
          consumeFailure = { error };
          this.kill(error);
          return;
        }
        if (!this.exited) this.child.send({ id: 0, op: "credit", chunks: 1 } satisfies SessionRequest, () => undefined);
      });
    };
    try {
      const bytes = (await this.call({ op: "stream", table }, undefined, onChunk)) as number;
      onReceived?.();
      return bytes;
    } catch (err) {
      readFailed = true;
      throw err;
    } finally {
      // No piece may be consumed after the caller has seen the outcome (it may be rolling back).
      await consuming;
      if (consumeFailure) throw consumeFailure.error;
    }
  }

  /** USER_WRQ: the device's reply code (2000 ACK_OK, 2001 ACK_ERROR). */
  writeUser(record: Buffer): Promise<number> {
    return this.call({ op: "writeUser", record }) as Promise<number>;
  }

  deleteUser(uid: number): Promise<number> {
    return this.call({ op: "deleteUser", uid }) as Promise<number>;
  }

  async refresh(): Promise<void> {
    await this.call({ op: "refresh" });
  }

  async clearAttendance(): Promise<void> {
    await this.call({ op: "clearAttendance" });
  }

  /**
   * Re-enables the device if this session disabled it, disconnects and waits for the process to exit. If the
   * session died (crash, cancel, time limit, dropped connection) a short fresh session re-enables the device.
   * Never throws: it runs in `finally` blocks.
   */
  async close(): Promise<void> {
    if (!this.exited) {
      if (this.disabled) await this.enable().catch((err) => this.options.log?.warn({ err: String(err) }, "re-enabling the device on its session failed"));
      await this.call({ op: "disconnect" }).catch(() => undefined);
      this.child.disconnect?.();
      const exited = await Promise.race([this.exitPromise.then(() => true), sleep(3_000).then(() => false)]);
      if (!exited) this.child.kill("SIGKILL");
      await this.exitPromise;
    }
    if (this.disabled) await reenable(this.target, this.options.log);
  }

  /** Ends the session process now; pending calls reject with `reason`. */
  kill(reason?: unknown): void {
    if (this.exited) return;
    this.failure ??= reason;
    this.child.kill("SIGKILL");
  }

  private ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: SessionMessage) => {
        if (message.type !== "ready") return;
        this.child.off("message", onMessage);
        resolve();
      };
      this.child.on("message", onMessage);
      void this.exitPromise.then(() => reject(this.failure ?? new DeviceSessionError("SESSION_CRASHED", `The device session did not start${this.stderrTail ? `: ${lastLine(this.stderrTail)}` : ""}`)));
    });
  }

  private call(request: DistributiveOmit<SessionRequest, "id">, onProgress?: Pending["onProgress"], onChunk?: Pending["onChunk"]): Promise<unknown> {
    if (this.exited) return Promise.reject(this.failure ?? new DeviceSessionError("SESSION_CRASHED", "The device session has ended"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress, onChunk });
      this.child.send({ ...request, id } as SessionRequest, (err) => {
        if (err && this.pending.delete(id)) reject(new DeviceSessionError("SESSION_CRASHED", `The device session is gone (${err.message})`));
      });
    });
  }

  private onMessage(message: SessionMessage): void {
    switch (message.type) {
      case "reply": {
        const p = this.pending.get(message.id);
        if (!p) return;
        this.pending.delete(message.id);
        if (message.ok) p.resolve(message.value);
        else p.reject(new DeviceSessionError(message.error.reason, message.error.message));
        return;
      }
      case "progress":
        this.pending.get(message.id)?.onProgress?.(message.received, message.total);
        return;
      case "chunk":
        this.pending.get(message.id)?.onChunk?.(message.bytes);
        return;
      case "crash":
        this.options.log?.warn({ crash: message.message }, "node-zklib rejected a promise nobody handled; the device session ends");
        this.failure ??= new DeviceSessionError("SESSION_CRASHED", `The device session crashed inside node-zklib (${message.message})`);
        return;
      case "ready":
        return;
    }
  }
}

type DistributiveOmit<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never;
export type { SessionOp };

/** Runs `fn` on a fresh session and always closes it (re-enabling the device if `fn` disabled it). */
export async function withDeviceSession<T>(target: SessionTarget, options: SessionOptions, fn: (session: DeviceSession) => Promise<T>): Promise<T> {
  const session = await DeviceSession.open(target, options);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

/** After a session died with the device disabled: a short session of its own turns it back on, best effort. */
async function reenable(target: SessionTarget, log: Logger | undefined): Promise<void> {
  try {
    const session = await DeviceSession.open(target, { commandTimeoutMs: 3_000, signal: AbortSignal.timeout(8_000), log });
    try {
      await session.enable();
    } finally {
      await session.close();
    }
    log?.info({ target }, "re-enabled the device after its session ended early");
  } catch (err) {
    log?.error({ err: String(err), target }, "could not re-enable the device; it stays disabled until the next operation or a restart");
  }
}

function lastLine(text: string): string {
  return text.trim().split("\n").at(-1) ?? "";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
