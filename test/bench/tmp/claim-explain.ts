import "reflect-metadata";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startTaskline } from "../../../apps/api/src/app.js";
import { loadConfig } from "../../../apps/api/src/config.js";
import { startEmbeddedPostgres } from "../../../apps/api/src/db/embedded.js";
import { createLogger } from "../../../apps/api/src/lib/logger.js";
const log = createLogger("warn");
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "probe-"));
const db = await startEmbeddedPostgres({ dataDir, port: 0, log });
const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: db.url, PORT: "0", HOST: "127.0.0.1", TASKLINE_DEFAULT_SCHEDULES: "false" });
const app = await startTaskline({ config, log, api: false, worker: false });
const c = await app.pool.connect();
await c.query(`INSERT INTO task (type, payload, max_attempts, visibility, created_at) SELECT 'x', '{}', 3, 'shared', now() - g * interval '1 second' FROM generate_series(1, 200000) g`);
await c.query(`UPDATE task SET status='completed', finished_at = now()`);
await c.query(`VACUUM ANALYZE task`);
const CLAIM = `UPDATE task t SET status = 'running', attempts = t.attempts + 1, run_id = gen_random_uuid(), started_at = now(),
    finished_at = NULL, run_at = NULL, progress_current = 0, progress_total = NULL, progress_message = NULL,
    success_count = 0, failure_count = 0, error = NULL, worker_id = 'w'
  FROM (SELECT id FROM task WHERE status = 'pending' LIMIT 1000) v WHERE t.id = v.id RETURNING t.id`;
async function trial(label: string) {
  await c.query(`INSERT INTO task (type, payload, max_attempts, visibility) SELECT 'x', '{}', 3, 'shared' FROM generate_series(1, 1000)`);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await c.query("BEGIN");
    const t = performance.now();
    await c.query(CLAIM);
    times.push(performance.now() - t);
    await c.query("ROLLBACK");
  }
  await c.query(`DELETE FROM task WHERE status='pending'`);
  console.log(label, times.map((x) => x.toFixed(0)).join(" "), "ms per 1000");
}
await trial("as is");
await c.query(`ALTER TABLE task DISABLE TRIGGER task_publish_update`);
await trial("no publish trigger");
await c.query(`ALTER TABLE task DISABLE TRIGGER task_bump_version`);
await trial("no triggers");
await c.query(`ALTER TABLE task ENABLE TRIGGER task_publish_update`);
await c.query(`ALTER TABLE task ENABLE TRIGGER task_bump_version`);
const { rows } = await c.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename='task'`);
console.log(rows.length, "indexes");
for (const r of rows) console.log("  ", r.indexdef);
const { rows: tr } = await c.query(`SELECT tgname FROM pg_trigger WHERE tgrelid='task'::regclass AND NOT tgisinternal`);
console.log(tr.map((r) => r.tgname).join(", "));
c.release();
await app.stop(); await db.stop();
process.exit(0);
