import "reflect-metadata";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createZkSimulator, MAX_CHUNK } from "@taskline/zk-simulator";
import ZKLib from "node-zklib";
import { startTaskline } from "../../apps/api/src/app.js";
import { loadConfig } from "../../apps/api/src/config.js";
import { startEmbeddedPostgres } from "../../apps/api/src/db/embedded.js";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { DeviceClock } from "../../apps/api/src/modules/devices/device-time.js";
import { DeviceSession } from "../../apps/api/src/modules/devices/session/device-session.js";
import { installFraming } from "../../apps/api/src/modules/devices/zk-framing.js";
import { AttendanceStream } from "../../apps/api/src/modules/devices/attendance-stream.js";
import { STORE_BATCH } from "../../apps/api/src/modules/devices/attendance-writer.js";

/**
 * `npm run bench:devices`: an attendance download of RECORDS (default 100,000) punches from the ZK simulator, pacing
 * off, ROUNDS times (default 3). Per round, in the same run: the bare read (node-zklib + framing in this process,
 * nothing else), the device session's read (fork, connect, the dataset streamed over IPC to a consumer that only
 * keeps it; the path the task reads through), storing alone (decode, timezone, insert and commit of a dataset
 * already in memory, through the task's own code), and the whole devices.download_attendance task (started to
 * completed, from the task row; and enqueue to COMPLETED as seen by a poller). The target "storing costs less
 * than 25% on top of the read" is printed against both reads. Embedded Postgres unless BENCH_DATABASE_URL is set.
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
  const chunks: Buffer[] = [];
  try {
    await session.stream("attendance", (bytes) => void chunks.push(bytes));
    return { elapsed: performance.now() - started, dataset: Buffer.concat(chunks) };
  } finally {
    await session.close();
  }
}

/** The task's storing path on a dataset already in memory, fed in the device's chunk sizes. */
async function storeOnly(deviceId: string, dataset: Buffer): Promise<number> {
  await app.pool.query(`TRUNCATE attendance_event`);
  const started = performance.now();
  const records = new AttendanceStream(new DeviceClock("Europe/Berlin"), null);
  const writer = await app.services.attendance.begin(deviceId, null);
  for (let from = 0; from < dataset.length; from += MAX_CHUNK) {
    records.push(dataset.subarray(from, from + MAX_CHUNK));
    if (records.pending >= STORE_BATCH) await writer.write(records.take()!);
  }
  records.finish();
  const last = records.take();
  if (last) await writer.write(last);
  const stored = await writer.commit();
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

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
const pct = (part: number, whole: number) => `${part >= 0 ? "+" : ""}${((part / whole) * 100).toFixed(0)}%`;
const verdict = (over: number, base: number) => (over / base < 0.25 ? "met" : "NOT met");

try {
  console.log(`Devices bench — ${RECORDS.toLocaleString("en")} attendance records, ${Math.ceil((4 + RECORDS * 40) / MAX_CHUNK)} chunks, pacing off, ${ROUNDS} rounds, ${os.cpus().length} cores, load average ${load()} (1, 5, 15 min)\n`);
  const device = await app.services.devices.create({ name: "bench", address: sim.host, port: sim.port, timezone: "Europe/Berlin", enabled: true });
  const rows: Record<string, number>[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const bare = await bareRead();
    const session = await sessionRead();
    const store = await storeOnly(device.id, session.dataset);
    const whole = await task(device.id);
    rows.push({ bare, session: session.elapsed, store, run: whole.run, total: whole.total });
    console.log(
      `round ${round}: bare read ${fmt(bare)} | session read ${fmt(session.elapsed)} | storing alone ${fmt(store)} | task run ${fmt(whole.run)} (${rate(whole.run)}), enqueue→completed ${fmt(whole.total)}` +
        ` | task over session read ${pct(whole.run - session.elapsed, session.elapsed)}, over bare read ${pct(whole.run - bare, bare)}`,
    );
  }
  const median = (k: string) => rows.map((r) => r[k]!).sort((a, b) => a - b)[Math.floor(rows.length / 2)]!;
  const [bare, session, store, run, total] = ["bare", "session", "store", "run", "total"].map(median) as [number, number, number, number, number];
  console.log(`\nmedians over ${ROUNDS} rounds (load average at the end ${load()})`);
  console.log(`  bare read (node-zklib + framing, in process)        ${fmt(bare)}   ${rate(bare)}`);
  console.log(`  session read (fork, connect, stream over IPC)        ${fmt(session)}   ${pct(session - bare, bare)} on the bare read`);
  console.log(`  storing alone (decode, timezone, insert, commit)    ${fmt(store)}   ${((store / session) * 100).toFixed(0)}% of the session read (overlapped with the read in the task)`);
  console.log(`  whole task, started → completed                     ${fmt(run)}   ${rate(run)} end to end; target whole download < 5 s: ${run < 5_000 ? "met" : "NOT met"}`);
  console.log(`  enqueue → COMPLETED (incl. job pickup, final write)  ${fmt(total)}`);
  console.log(`  storing overhead (task run − session read) / session read   ${pct(run - session, session)}   target < 25%: ${verdict(run - session, session)}`);
  console.log(`  storing overhead (task run − bare read) / bare read         ${pct(run - bare, bare)}   target < 25%: ${verdict(run - bare, bare)}`);
  const verdicts = [verdict(run - session, session), verdict(run - bare, bare)];
  if (verdicts[0] !== verdicts[1]) console.log(`  note: the 25% target holds against the ${verdicts[0] === "met" ? "session" : "bare"} read only, not against the ${verdicts[0] === "met" ? "bare" : "session"} read`);
} finally {
  await sim.close();
  await app.stop();
  await stopDb?.();
  await fs.rm(zklibLogDir, { recursive: true, force: true });
}
process.exit(0);
