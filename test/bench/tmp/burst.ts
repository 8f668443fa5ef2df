import "reflect-metadata";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { startTaskline } from "../../../apps/api/src/app.js";
import { loadConfig } from "../../../apps/api/src/config.js";
import { startEmbeddedPostgres } from "../../../apps/api/src/db/embedded.js";
import { createLogger } from "../../../apps/api/src/lib/logger.js";
import { defineTaskType } from "../../../tasks/contract.js";
import { ms, summary } from "../stats.js";
const N = Number(process.env.N ?? 10_000);
const log = createLogger("warn");
const noop = defineTaskType({ name: "bench.scheduled_noop", title: "noop", payload: z.object({}), async run() { return {}; } });
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "probe-"));
const db = process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL, stop: async () => {} } : await startEmbeddedPostgres({ dataDir, port: 0, log });
const concurrency = process.env.WORKER_CONCURRENCY ?? "10";
const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: db.url, PORT: "0", HOST: "127.0.0.1", TASKLINE_DEFAULT_SCHEDULES: "false", WORKER_CONCURRENCY: concurrency });
const app = await startTaskline({ config, log, api: false, worker: true, extraTaskTypes: [noop] });
const extra = [];
for (let i = 1; i < Number(process.env.RUNNERS ?? 1); i++) extra.push(await startTaskline({ config, log, api: false, worker: true, extraTaskTypes: [noop] }));
if (process.env.PG_PROBE) await app.pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
try {
  for (let round = 0; round < 2; round++) {
  const due = new Date(Date.now() + 15_000);
  const t0 = Date.now();
  await app.pool.query(
    `WITH t AS (INSERT INTO task (type, payload, max_attempts, run_at, visibility) SELECT 'bench.scheduled_noop', '{}', 3, $1, 'shared' FROM generate_series(1, $2) RETURNING *)
     SELECT count(*) FROM graphile_worker.add_jobs((SELECT array_agg((t.type, json_build_object('taskId', t.id), null, t.run_at, 8, t.id::text, null, null)::graphile_worker.job_spec) FROM t))`,
    [due, N],
  );
  console.log('insert ms', Date.now() - t0);
  await new Promise((r) => setTimeout(r, Math.max(0, due.getTime() - Date.now())));
  for (let i = 0; i < 120; i++) {
    const { rows: left } = await app.pool.query(`SELECT count(*)::int AS n FROM task WHERE run_at = $1 AND started_at IS NULL`, [due]);
    if (left[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const { rows } = await app.pool.query(`SELECT extract(epoch FROM started_at - $1::timestamptz) * 1000 AS delay FROM task WHERE started_at IS NOT NULL and started_at > $1 - interval '1 second'`, [due]);
  const f = summary(rows.map((r: { delay: number }) => Number(r.delay)));
  console.log(`c=${concurrency} N=${f.n}: p50 ${ms(f.p50)} p99 ${ms(f.p99)} max ${ms(f.max)}`);
  await new Promise((r) => setTimeout(r, 3000));
  }
  if (process.env.PG_PROBE) { const { rows: st } = await app.pool.query(`SELECT calls, round(total_exec_time) t, round(mean_exec_time::numeric,2) m, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) q FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 14`);
  for (const r of st) console.log(r.t, r.calls, r.m, r.rows, r.q); }
} finally { for (const e of extra) await e.stop(); await app.stop(); await db.stop(); }
process.exit(0);
