// The TCP face of the simulator: accepts connections, hands each to a Session, and lets tests
// punch, inspect state and switch faults while clients are connected.

import { createServer, type Socket } from "node:net";
import { once } from "node:events";
import { DeviceState, type DeviceStateOptions } from "./device-state.js";
import { NO_FAULTS, mergeFaults, type Faults } from "./faults.js";
import type { AttendanceRecord } from "./records.js";
import { Session } from "./session.js";

export interface ZkSimulatorOptions extends DeviceStateOptions {
  /** Default "127.0.0.1": a simulator has no business on a public interface. */
  host?: string;
  /** Default 0: the OS picks a free port; read it back from `sim.port`. */
  port?: number;
  /** Default none; see faults.ts. */
  faults?: Partial<Faults>;
  /** Datasets up to this many bytes are sent as one CMD_DATA frame. Default 1,024, as real terminals do. */
  maxDirectDataBytes?: number;
}

export interface PunchOptions {
  verifyType?: number;
  punchState?: number;
}

export interface ZkSimulatorStats {
  connectionsAccepted: number;
  /** Chunks sent through the buffered path, over all sessions. */
  chunksSent: number;
}

export interface ZkSimulator {
  readonly host: string;
  readonly port: number;
  readonly state: DeviceState;
  readonly faults: Readonly<Faults>;
  readonly stats: Readonly<ZkSimulatorStats>;
  /** Connections currently open. */
  readonly openConnections: number;
  /** Connections that registered for real-time events (REG_EVENT) and are still open. */
  readonly eventSubscribers: number;
  setFaults(changes: Partial<Faults>): void;
  /**
   * Someone presents a finger at the terminal: the record is logged and pushed to every session
   * that sent REG_EVENT. Throws when the device is disabled or the user unknown, as the terminal
   * would refuse the punch.
   */
  punch(userId: string, at?: Date, options?: PunchOptions): AttendanceRecord;
  /** Stops listening and drops every connection; calling it again returns the same promise. */
  close(): Promise<void>;
}

const MAX_SESSION_ID = 0xffff;

export async function createZkSimulator({
  host = "127.0.0.1",
  port = 0,
  faults: initialFaults = {},
  maxDirectDataBytes = 1_024,
  ...stateOptions
}: ZkSimulatorOptions = {}): Promise<ZkSimulator> {
  const state = new DeviceState(stateOptions);
  let faults = mergeFaults(NO_FAULTS, initialFaults);
  const stats: ZkSimulatorStats = { connectionsAccepted: 0, chunksSent: 0 };
  const sessions = new Map<Socket, Session>();
  let lastSessionId = 0;
  let closing: Promise<void> | undefined;

  const context = {
    state,
    faults: () => faults,
    maxDirectDataBytes,
    onChunkSent: () => {
      stats.chunksSent += 1;
    },
  };

  const server = createServer((socket) => {
    stats.connectionsAccepted += 1;
    if (faults.refuseConnections) {
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    lastSessionId = (lastSessionId % MAX_SESSION_ID) + 1;
    sessions.set(socket, new Session(socket, lastSessionId, context));
    socket.once("close", () => sessions.delete(socket));
  });

  server.listen(port, host);
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("The simulator did not get a TCP address");

  return {
    host,
    port: address.port,
    state,
    get faults() {
      return faults;
    },
    stats,
    get openConnections() {
      return sessions.size;
    },
    get eventSubscribers() {
      return [...sessions.values()].filter((session) => session.receivesEvents).length;
    },
    setFaults(changes) {
      faults = mergeFaults(faults, changes);
    },
    punch(userId, at = new Date(), { verifyType = 1, punchState = 0 } = {}) {
      if (!state.enabled) throw new Error(`The device is disabled; ${userId} cannot punch until it is enabled`);
      if (!state.findUser(userId)) throw new Error(`No user "${userId}" on the device; add the user before punching`);
      const record = state.addAttendance({ userId, timestamp: at, verifyType, punchState });
      for (const session of sessions.values()) session.pushAttendanceEvent(record);
      return record;
    },
    close() {
      // Idempotent: a test may hang up mid-read and its cleanup close again.
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sessions.keys()) socket.destroy();
      });
      return closing;
    },
  };
}
