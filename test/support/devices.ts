import { setTimeout as sleep } from "node:timers/promises";
import { createZkSimulator, type ZkSimulator, type ZkSimulatorOptions } from "@taskline/zk-simulator";
import type { TestTaskline } from "./taskline.js";

/** Simulators started by a test file, closed after it (every socket too). */
export function simulators() {
  const started: ZkSimulator[] = [];
  return {
    async start(options: ZkSimulatorOptions = {}): Promise<ZkSimulator> {
      // Pacing off: Taskline's framing needs none (the default is 0 already; said here so no test depends on it).
      const sim = await createZkSimulator({ ...options, faults: { pacingMs: 0, ...options.faults } });
      started.push(sim);
      return sim;
    },
    async closeAll(): Promise<void> {
      await Promise.all(started.splice(0).map((s) => s.close()));
    },
  };
}

export async function addDevice(app: TestTaskline, sim: { host: string; port: number }, fields: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const res = await app.gql(`mutation($input: CreateDeviceInput!) { createDevice(input: $input) { id name } }`, {
    input: { name: `Device ${Math.random().toString(36).slice(2, 8)}`, address: sim.host, port: sim.port, ...fields },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createDevice;
}

export type TaskRow = Record<string, any>;

export async function waitForTask(app: TestTaskline, id: string, statuses = ["completed", "failed", "cancelled"], timeoutMs = 60_000): Promise<TaskRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await app.pool.query(`SELECT * FROM task WHERE id = $1`, [id]);
    if (rows[0] && statuses.includes(rows[0].status)) return rows[0];
    if (Date.now() > deadline) throw new Error(`task ${id} did not reach ${statuses.join("/")}; it is ${rows[0]?.status}: ${rows[0]?.error ?? rows[0]?.progress_message}`);
    await sleep(25);
  }
}

export async function itemErrors(app: TestTaskline, taskId: string): Promise<{ item_key: string; item_label: string | null; message: string }[]> {
  const { rows } = await app.pool.query(`SELECT item_key, item_label, message FROM task_item_error WHERE task_id = $1 ORDER BY id`, [taskId]);
  return rows;
}

export const START = `
  mutation($deviceId: ID!, $input: DownloadAttendanceInput) { downloadAttendance(deviceId: $deviceId, input: $input) { id status progress { message } } }`;
export const SYNC_TO = `mutation($deviceId: ID!) { syncEmployeesToDevice(deviceId: $deviceId) { id status progress { message } } }`;
export const SYNC_FROM = `mutation($deviceId: ID!) { syncEmployeesFromDevice(deviceId: $deviceId) { id status progress { message } } }`;
