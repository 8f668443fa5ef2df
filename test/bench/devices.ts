import "reflect-metadata";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createZkSimulator } from "@taskline/zk-simulator";
import ZKLib from "node-zklib";
import { startTaskline } from "../../apps/api/src/app.js";
import { loadConfig } from "../../apps/api/src/config.js";
import { startEmbeddedPostgres } from "../../apps/api/src/db/embedded.js";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { DeviceClock } from "../../apps/api/src/modules/devices/device-time.js";
import { DeviceSession } from "../../apps/api/src/modules/devices/session/device-session.js";
import { installFraming } from "../../apps/api/src/modules/devices/zk-framing.js";
import { decodeAttendance } from "../../apps/api/src/modules/devices/zk-records.js";
import { STORE_BATCH } from "../../apps/api/src/modules/devices/attendance.service.js";

/**
 * `npm run bench:devices`: an attendance download of RECORDS (default 100,000) punches from the ZK simulator, pacing
 * off, ROUNDS times (default 3). Per round, in the same run: the bare read (node-zklib + framing in this process,
 * nothing else), the device session's read (child process, IPC), storing alone (decode, timezone, insert), and the
 * whole devices.download_attendance task (enqueue to COMPLETED). Embedded Postgres unless BENCH_DATABASE_URL is set.
 */
const RECORDS = Number(process.env.RECORDS ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const log = createLogger("warn");
const zklibLogDir = await fs.mkdtemp(path.join(os.tmpdir(), "taskline-bench-zk-"));

let databaseUrl = process.env.BENCH_DATABASE_URL;
let stopDb: (() => Promise<void>) | undefined;
if (!databaseUrl) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "taskline-bench-devices-"));
  const db = await startEmbeddedPostgres({ dataDir, port: 0, log });
  databaseUrl = db.url;
  stopDb = db.stop;
}
const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", TASKLINE_DEFAULT_SCHEDULES: "false", LOG_LEVEL: "warn" });
const app = await startTaskline({ config, log, api: false, worker: true });
const sim = await createZkSimulator({ users: 3_000, attendance: RECORDS, timezone: "Europe/Berlin", faults: { pacingMs: 0 } });
const target = { host: sim.host, port: sim.port };
const fmt = (msValue: number) => `${Math.round(msValue)} ms`;
const rate = (msValue: number) => `${Math.round(RECORDS / (msValue / 1000)).toLocaleString("en")} records/s`;

async function bareRead(): Promise<number> {
  const cwd = process.cwd();
  process.chdir(zklibLogDir); // node-zklib writes its error log into the working directory
  try {
    const zk = installFraming(new ZKLib(sim.host, sim.port, 10_000, 0));
    const started = performance.now();
    await zk.createSocket();
    const log = await zk.getAttendances();
    const elapsed = performance.now() - started;
    await zk.disconnect();
    if (log.err || log.data.length !== RECORDS) throw new Error(`bare read incomplete: ${log.data.length} (${log.err?.message})`);
    return elapsed;
  } finally {
    process.chdir(cwd);
  }
}

async function sessionRead(): Promise<{ elapsed: number; dataset: Buffer }> {
  const started = performance.now();
  const session = await DeviceSession.open(target, { commandTimeoutMs: 10_000 });
  try {
    const dataset = await session.read("attendance");
    return { elapsed: performance.now() - started, dataset };
  } finally {
    await session.close();
  }
}

async function storeOnly(deviceId: string, dataset: Buffer): Promise<number> {
  await app.pool.query(`TRUNCATE attendance_event`);
  const started = performance.now();
  const columns = decodeAttendance(dataset);
  const clock = new DeviceClock("Europe/Berlin");
  function* batches() {
    for (let from = 0; from < columns.count; from += STORE_BATCH) {
      const to = Math.min(columns.count, from + STORE_BATCH);
      const epochSeconds: number[] = [];
      for (let i = from; i < to; i++) epochSeconds.push(Math.floor(clock.toEpochMs(columns.times[i]!) / 1000));
      yield { userIds: columns.userIds.slice(from, to), epochSeconds, verifyTypes: Array.from(columns.verifyTypes.subarray(from, to)), punchStates: Array.from(columns.punchStates.subarray(from, to)) };
    }
  }
  const stored = await app.services.attendance.store(deviceId, null, batches());
  if (stored !== RECORDS) throw new Error(`stored ${stored}`);
  return performance.now() - started;
}

async function task(deviceId: string): Promise<{ total: number; run: number }> {
  await app.pool.query(`TRUNCATE attendance_event`);
  const device = await app.services.devices.getOrFail(deviceId);
  const started = performance.now();
  const t = await app.services.devices.enqueue("devices.download_attendance", device, { since: null, clearAfter: false });
  for (;;) {
    const { rows } = await app.pool.query(`SELECT status, error, result, started_at, finished_at FROM task WHERE id = $1`, [t.id]);
    if (rows[0].status === "completed") {
      if (rows[0].result.stored !== RECORDS) throw new Error(`task stored ${rows[0].result.stored}`);
      return { total: performance.now() - started, run: rows[0].finished_at.getTime() - rows[0].started_at.getTime() };
    }
    if (["failed", "cancelled"].includes(rows[0].status)) throw new Error(`task ${rows[0].status}: ${rows[0].error}`);
    await sleep(5);
  }
}

try {
  console.log(`Devices bench — ${RECORDS.toLocaleString("en")} attendance records, ${Math.ceil((4 + RECORDS * 40) / 65_472)} chunks, pacing off, ${ROUNDS} rounds, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}\n`);
  const device = await app.services.devices.create({ name: "bench", address: sim.host, port: sim.port, timezone: "Europe/Berlin", enabled: true });
  const rows: Record<string, number>[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const bare = await bareRead();
    const session = await sessionRead();
    const store = await storeOnly(device.id, session.dataset);
    const whole = await task(device.id);
    rows.push({ bare, session: session.elapsed, store, run: whole.run, total: whole.total });
    console.log(
      `round ${round}: bare read ${fmt(bare)} (${rate(bare)}) | session read ${fmt(session.elapsed)} | store ${fmt(store)} | task run ${fmt(whole.run)} (${rate(whole.run)}), enqueue→completed ${fmt(whole.total)}`,
    );
  }
  const median = (k: string) => rows.map((r) => r[k]!).sort((a, b) => a - b)[Math.floor(rows.length / 2)]!;
  const [bare, session, store, run, total] = ["bare", "session", "store", "run", "total"].map(median) as [number, number, number, number, number];
  console.log(`\nmedians over ${ROUNDS} rounds`);
  console.log(`  bare read (node-zklib + framing, in process)   ${fmt(bare)}   ${rate(bare)}`);
  console.log(`  session read (child process, IPC)              ${fmt(session)}   +${fmt(session - bare)} for the process and the transfer`);
  console.log(`  storing alone (decode, timezone, insert)       ${fmt(store)}   ${((store / bare) * 100).toFixed(0)}% of the bare read (target < 25%)`);
  console.log(`  whole task, started → completed               ${fmt(run)}   ${rate(run)} end to end, ${(run / bare).toFixed(2)}× the bare read (target whole download < 5 s)`);
  console.log(`  enqueue → COMPLETED (incl. job pickup, final write) ${fmt(total)}`);
} finally {
  await sim.close();
  await app.stop();
  await stopDb?.();
  await fs.rm(zklibLogDir, { recursive: true, force: true });
}
process.exit(0);
