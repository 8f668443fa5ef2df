import "reflect-metadata";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { startTaskline } from "../../apps/api/src/app.js";
import { loadConfig } from "../../apps/api/src/config.js";
import { startEmbeddedPostgres } from "../../apps/api/src/db/embedded.js";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { defineTaskType } from "../../tasks/contract.js";
import { PgTrace } from "./pg-trace.js";
import { ms, summary } from "./stats.js";

/**
 * `npm run bench:schedules`: SCHEDULES (default 10,000) schedules firing every minute. Prints the tick's time, the
 * database work per minute, and the delay from each fire's due time to its task starting, over MINUTES real minutes
 * (default 2). WORKER_CONCURRENCY (default 10000: what such a fleet needs, docs/benchmarks.md) and WORKERS (worker
 * pools, default 1) set the workers; OVERLAP=skip measures SKIP schedules (fire jobs) instead of ALLOW (tasks made
 * ahead). Embedded Postgres unless BENCH_DATABASE_URL is set.
 * BENCH_TRACE=1 adds, under each minute, what Postgres and this process did second by second (pg-trace.ts).
 */
const SCHEDULES = Number(process.env.SCHEDULES ?? 10_000);
// ALLOW: the tick makes the tasks ahead; SKIP: fire jobs decide the overlap at the fire time.
const OVERLAP = process.env.OVERLAP === "skip" ? "skip" : "allow";
const MINUTES = Number(process.env.MINUTES ?? 2);
const log = createLogger("warn");

const noop = defineTaskType({ name: "bench.scheduled_noop", title: "Bench: scheduled no-op", payload: z.object({}), async run() {
  return {};
} });

let databaseUrl = process.env.BENCH_DATABASE_URL;
let stopDb: (() => Promise<void>) | undefined;
let dataDir: string | undefined;
if (!databaseUrl) {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "taskline-bench-schedules-"));
  const db = await startEmbeddedPostgres({ dataDir, port: 0, log });
  databaseUrl = db.url;
  stopDb = db.stop;
}
const concurrency = process.env.WORKER_CONCURRENCY ?? "10000";
const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", TASKLINE_DEFAULT_SCHEDULES: "false", WORKER_CONCURRENCY: concurrency });
const app = await startTaskline({ config, log, api: false, worker: true, extraTaskTypes: [noop] });
// WORKERS > 1: more worker pools in this process (each its own connections and batches, as separate processes would
// have; this process's CPU is mostly idle during the burst, Postgres is the busy one).
const WORKERS = Number(process.env.WORKERS ?? 1);
const extraWorkers = [];
for (let i = 1; i < WORKERS; i++) extraWorkers.push(await startTaskline({ config, log, api: false, worker: true, extraTaskTypes: [noop] }));
try {
  console.log(`Schedules bench — ${SCHEDULES} schedules every minute (overlap ${OVERLAP.toUpperCase()}), ${MINUTES} minute(s), ${WORKERS} worker pool(s) × WORKER_CONCURRENCY=${concurrency}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}\n`);
  await app.pool.query(
    `INSERT INTO schedule (name, task_type, payload, cron, timezone, overlap_policy, catch_up_policy, last_enqueued_fire_at)
     SELECT 'bench-' || g, 'bench.scheduled_noop', '{}', '* * * * *', 'UTC', $2, 'none', now() FROM generate_series(1, $1) g`,
    [SCHEDULES, OVERLAP],
  );

  // Steady state: the previous minute's tick has enqueued this minute's fires ahead of time (a fresh insert would
  // otherwise wait for the boundary's own tick, which is not what a running system sees).
  await app.services.scheduler.tick();

  const stats = async () => (await app.pool.query(`SELECT xact_commit, tup_inserted, tup_updated, tup_deleted, blks_hit + blks_read AS blocks FROM pg_stat_database WHERE datname = current_database()`)).rows[0];
  // Measure from right after a minute boundary, so whole minutes are counted.
  const toBoundary = 60_000 - (Date.now() % 60_000);
  console.log(`waiting ${Math.round(toBoundary / 1000)} s for the next minute`);
  await new Promise((r) => setTimeout(r, toBoundary + 100));
  const trace = process.env.BENCH_TRACE === "1" ? new PgTrace(databaseUrl) : undefined;
  await trace?.start();
  const before = await stats();
  const from = new Date();
  await new Promise((r) => setTimeout(r, MINUTES * 60_000));
  // Let the last minute's fires drain.
  for (let i = 0; i < 120; i++) {
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM task WHERE fire_at >= $1 AND fire_at < $2 AND started_at IS NOT NULL`, [from, new Date(from.getTime() + MINUTES * 60_000)]);
    if (rows[0].n >= SCHEDULES * MINUTES) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  const after = await stats();
  const { rows } = await app.pool.query(
    `SELECT fire_at, extract(epoch FROM started_at - fire_at) * 1000 AS delay FROM task WHERE fire_at >= $1 AND fire_at < $2 AND started_at IS NOT NULL`,
    [from, new Date(from.getTime() + MINUTES * 60_000)],
  );
  const minutes = new Map<number, number[]>();
  for (const r of rows as Array<{ fire_at: Date; delay: number }>) {
    const at = r.fire_at.getTime();
    if (!minutes.has(at)) minutes.set(at, []);
    minutes.get(at)!.push(Number(r.delay));
  }
  for (const [at, delays] of [...minutes].sort((a, b) => a[0] - b[0])) {
    const m = summary(delays);
    console.log(`  fires due ${new Date(at).toISOString().slice(11, 19)}: ${m.n} started, p50 ${ms(m.p50)}  p99 ${ms(m.p99)}  max ${ms(m.max)}`);
    for (const line of trace?.report(at, Math.min(40, Math.ceil(m.max / 1000) + 4)) ?? []) console.log(line);
  }
  await trace?.stop();
  // A whole tick: the next minute's fires are all still to plan.
  const tickTimer = Date.now();
  const tick = await app.services.scheduler.tick(new Date(Date.now() + 60_000));
  const tickMs = Date.now() - tickTimer;
  const s = summary(rows.map((r: { delay: number }) => Number(r.delay)));
  const perMinute = (k: string) => Math.round((Number(after[k]) - Number(before[k])) / MINUTES);
  console.log(`fires started: ${s.n} of ${SCHEDULES * MINUTES} due`);
  console.log(`fire delay (due -> task started): p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}   target p99 < 2000 ms`);
  console.log(`one tick over ${tick.schedules} schedules: ${tickMs} ms (${tick.enqueued} fires enqueued)`);
  console.log(`database per minute: ${perMinute("xact_commit")} commits, ${perMinute("tup_inserted")} rows inserted, ${perMinute("tup_updated")} updated, ${perMinute("tup_deleted")} deleted`);

  // Baseline, same process: as many tasks created ahead of time (no schedule, no fire job), all due at one instant.
  // Their start delay is what this worker can do for such a burst at best; the ratio is the schedule engine's share.
  await app.pool.query(`UPDATE schedule SET paused = true`);
  await app.pool.query(`SELECT graphile_worker.remove_job(key) FROM graphile_worker.jobs WHERE task_identifier = 'taskline.schedule_fire'`);
  await app.pool.query(`WITH d AS (DELETE FROM task WHERE status = 'pending' AND run_at IS NOT NULL RETURNING id) SELECT graphile_worker.remove_job(id::text) FROM d`);
  const due = new Date(Date.now() + 10_000);
  await app.pool.query(
    `WITH t AS (INSERT INTO task (type, payload, max_attempts, run_at, visibility) SELECT 'bench.scheduled_noop', '{}', 3, $1, 'shared' FROM generate_series(1, $2) RETURNING *)
     SELECT count(*) FROM graphile_worker.add_jobs((SELECT array_agg((t.type, json_build_object('taskId', t.id), NULL, t.run_at, 8, t.id::text, NULL, NULL)::graphile_worker.job_spec) FROM t))`,
    [due, SCHEDULES],
  );
  // The burst must be in place before it comes due, or the figure measures the insert.
  if (Date.now() >= due.getTime()) throw new Error("the baseline's tasks took longer to insert than the 10 s before they come due");
  await new Promise((r) => setTimeout(r, due.getTime() - Date.now()));
  for (let i = 0; i < 120; i++) {
    const { rows: left } = await app.pool.query(`SELECT count(*)::int AS n FROM task WHERE run_at = $1 AND started_at IS NULL`, [due]);
    if (left[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  const { rows: floorRows } = await app.pool.query(`SELECT extract(epoch FROM started_at - $1::timestamptz) * 1000 AS delay FROM task WHERE schedule_id IS NULL AND started_at IS NOT NULL`, [due]);
  const floor = summary(floorRows.map((r: { delay: number }) => Number(r.delay)));
  console.log(`baseline, ${floor.n} tasks made ahead and due at once (no schedule): p50 ${ms(floor.p50)}  p99 ${ms(floor.p99)}`);
  console.log(`fire delay / baseline: p50 ${(s.p50 / floor.p50).toFixed(2)}x  p99 ${(s.p99 / floor.p99).toFixed(2)}x`);
} finally {
  for (const w of extraWorkers) await w.stop();
  await app.stop();
  await stopDb?.();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
}
