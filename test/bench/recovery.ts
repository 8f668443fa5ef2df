import "reflect-metadata";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startTaskline, type Taskline } from "../../apps/api/src/app.js";
import { loadConfig } from "../../apps/api/src/config.js";
import { startEmbeddedPostgres } from "../../apps/api/src/db/embedded.js";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { CANCEL_CHANNEL } from "../../apps/api/src/modules/tasks/task.service.js";
import { startWorkerProcess } from "../support/processes.js";
import { testTaskTypes } from "../support/task-types.js";
import { summary } from "./stats.js";

/**
 * `npm run bench:recovery`: the time from a worker process's SIGKILL to its task RUNNING again on another worker,
 * KILLS times (default 10) per grace setting. GRACES (default "5,30") lists WORKER_POOL_GRACE_SECONDS values; the
 * heartbeat is the default 5 s, or 1 s where the grace is under two default beats (config requires two beats).
 * Embedded Postgres unless BENCH_DATABASE_URL is set.
 */
const KILLS = Number(process.env.KILLS ?? 10);
const GRACES = (process.env.GRACES ?? "5,30").split(",").map(Number);
const log = createLogger("error");
/** A loaded 2-core machine can take a while to compile and start a worker process through tsx. */
const START_TIMEOUT_MS = 120_000;
type WorkerProcess = Awaited<ReturnType<typeof startWorkerProcess>>;

let databaseUrl = process.env.BENCH_DATABASE_URL;
let stopDb: (() => Promise<void>) | undefined;
if (!databaseUrl) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "taskline-bench-recovery-"));
  const db = await startEmbeddedPostgres({ dataDir, port: 0, log });
  databaseUrl = db.url;
  stopDb = async () => {
    await db.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
const dbUrl = databaseUrl;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function phase(graceSeconds: number): Promise<number[]> {
  const heartbeatMs = graceSeconds * 1000 >= 10_000 ? 5_000 : 1_000;
  const env = { WORKER_POOL_GRACE_SECONDS: String(graceSeconds), WORKER_HEARTBEAT_MS: String(heartbeatMs), TASKLINE_DEFAULT_SCHEDULES: "false" };
  // An API-like process without a worker: it enqueues, and its sweeper takes part like any process's.
  const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: dbUrl, PORT: "0", HOST: "127.0.0.1", ...env });
  const app: Taskline = await startTaskline({ config, log, api: false, worker: false, extraTaskTypes: testTaskTypes });
  const workers: WorkerProcess[] = await Promise.all([startWorkerProcess(dbUrl, env, START_TIMEOUT_MS), startWorkerProcess(dbUrl, env, START_TIMEOUT_MS)]);
  const times: number[] = [];
  try {
    for (let i = 0; i < KILLS; i++) {
      // Long enough to still be running when recovered: 2 minutes of 50 ms steps.
      const task = await app.services.tasks.enqueue("test.steps", { steps: 2_400, stepMs: 50 });
      let holderPid: number | undefined;
      while (!holderPid) {
        const { rows } = await app.pool.query(`SELECT p.pid FROM task t JOIN worker_pool p ON p.id = t.worker_id WHERE t.id = $1 AND t.status = 'running'`, [task.id]);
        holderPid = rows[0]?.pid;
        if (!holderPid) await sleep(50);
      }
      const victim = workers.find((w) => w.child.pid === holderPid)!;
      victim.child.kill("SIGKILL");
      const killedAt = performance.now();
      workers.splice(workers.indexOf(victim), 1);
      const replacement = startWorkerProcess(dbUrl, env, START_TIMEOUT_MS); // started while the task waits for the sweeper
      for (;;) {
        const { rows } = await app.pool.query(`SELECT status, attempts FROM task WHERE id = $1`, [task.id]);
        if (rows[0].status === "running" && rows[0].attempts === 2) break;
        await sleep(50);
      }
      const took = (performance.now() - killedAt) / 1000;
      times.push(took);
      console.log(`  grace ${graceSeconds} s, kill ${i + 1}/${KILLS}: running again after ${took.toFixed(1)} s`);
      workers.push(await replacement);
      // Drop the long tasks so they do not pile up on the workers.
      await app.pool.query(`UPDATE task SET cancel_requested_at = now() WHERE status = 'running'`);
      await app.pool.query(`SELECT pg_notify($1, id::text) FROM task WHERE status = 'running'`, [CANCEL_CHANNEL]);
      await sleep(500);
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await app.stop();
  }
  return times;
}

try {
  console.log(`Recovery bench — SIGKILL of the worker holding a task until it runs again elsewhere; ${KILLS} kills per grace; ${os.cpus().length} cores\n`);
  const rows: string[] = [];
  for (const grace of GRACES) {
    const s = summary(await phase(grace));
    const target = grace >= 30 ? 35 : grace + 5;
    rows.push(`grace ${String(grace).padStart(2)} s: median ${s.p50.toFixed(1)} s, max ${s.max.toFixed(1)} s over ${s.n} kills (target <= ${target} s: ${s.p50 <= target ? "met" : "MISSED"})`);
  }
  console.log("\n" + rows.join("\n"));
} finally {
  await stopDb?.();
}
