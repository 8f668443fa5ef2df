// Test support for driving the real node-zklib client against simulators. node-zklib is hostile
// to test runners in three ways, each handled here so every test file does not have to:
// - it writes `DDMMYYYY.err.log` into the current directory: the tests run in a temp cwd, removed after;
// - it raises unhandled rejections from inside its own promise executors: they are recorded, and
//   a test that does not claim them with takeUnhandledRejections() fails;
// - it leaves sockets behind when a test forgets to disconnect: every client is disconnected and
//   every simulator must show no open connection after each test.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ZKLib from "node-zklib";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { createZkSimulator, type ZkSimulator, type ZkSimulatorOptions } from "../server.js";

export interface ConnectOptions {
  /** node-zklib's per-command timeout. Default 5,000 ms. */
  timeoutMs?: number;
  /** Runs on the client before it opens its socket, e.g. installFraming. */
  prepare?: (zk: ZKLib) => void;
}

export interface ZkHarness {
  start(options?: ZkSimulatorOptions): Promise<ZkSimulator>;
  /** A connected client; create a fresh one per operation (node-zklib leaks listeners per read). */
  connect(sim: ZkSimulator, options?: ConnectOptions): Promise<ZKLib>;
  /** Returns and forgets the unhandled rejections seen so far, after letting pending ones surface. */
  takeUnhandledRejections(): Promise<unknown[]>;
}

export async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

export function useZkHarness(): ZkHarness {
  const sims: ZkSimulator[] = [];
  const clients: ZKLib[] = [];
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  let originalCwd = "";
  let tempCwd = "";

  beforeAll(() => {
    originalCwd = process.cwd();
    tempCwd = mkdtempSync(join(tmpdir(), "zk-client-"));
    process.chdir(tempCwd);
    // A second listener tells vitest the rejection is handled; we still fail unclaimed ones below.
    process.on("unhandledRejection", record);
  });

  afterEach(async () => {
    for (const zk of clients.splice(0)) await zk.disconnect().catch(() => undefined);
    for (const sim of sims) {
      await waitFor(() => sim.openConnections === 0);
      expect(sim.openConnections, "a client socket was left open").toBe(0);
    }
    await Promise.all(sims.splice(0).map((sim) => sim.close()));
    expect(unhandled.splice(0), "unhandled rejections no test claimed").toEqual([]);
  });

  afterAll(() => {
    process.off("unhandledRejection", record);
    process.chdir(originalCwd);
    const logs = readdirSync(tempCwd).filter((name) => name.endsWith(".err.log"));
    if (logs.length > 0) console.info(`node-zklib wrote ${logs.join(", ")} (removed with its temp cwd)`);
    rmSync(tempCwd, { recursive: true, force: true });
  });

  return {
    async start(options) {
      const sim = await createZkSimulator(options);
      sims.push(sim);
      return sim;
    },
    async connect(sim, { timeoutMs = 5_000, prepare } = {}) {
      const zk = new ZKLib(sim.host, sim.port, timeoutMs, 0);
      prepare?.(zk);
      clients.push(zk);
      await zk.createSocket();
      return zk;
    },
    async takeUnhandledRejections() {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return unhandled.splice(0);
    },
  };
}
