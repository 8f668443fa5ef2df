import "reflect-metadata";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startTaskline } from "../../apps/api/src/app.js";
import { loadConfig } from "../../apps/api/src/config.js";
import { startEmbeddedPostgres } from "../../apps/api/src/db/embedded.js";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { eachLimit } from "../../apps/api/src/modules/ats/ats-sync.service.js";
import { Role } from "../../apps/api/src/modules/identity/roles.js";
import { effectiveScopes, type Viewer } from "../../apps/api/src/modules/identity/viewer.js";
import { startAtsServer } from "../support/ats-server.js";

/**
 * `npm run bench:ats`: CANDIDATES (default 1,000) hired candidates to SOURCES (3) loopback ATS servers answering in
 * LATENCY_MS (50), at the default per-source concurrency (ATS_CONCURRENCY, 8). Prints pairs/s of a full sync, of a
 * rerun (every pair unchanged), and of bare HTTP calls from this same process at the same concurrency, measured
 * first in the same run: the difference is Taskline's overhead (content hashing, idempotency, one commit per pair,
 * progress). Embedded Postgres unless BENCH_DATABASE_URL is set.
 */
const CANDIDATES = Number(process.env.CANDIDATES ?? 1_000);
const SOURCES = Number(process.env.SOURCES ?? 3);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 50);
const API_KEY = "bench-api-key-0123456789abcdef";
const log = createLogger("warn");

let databaseUrl = process.env.BENCH_DATABASE_URL;
let stopDb: (() => Promise<void>) | undefined;
let dataDir: string | undefined;
if (!databaseUrl) {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "taskline-bench-ats-"));
  const db = await startEmbeddedPostgres({ dataDir, port: 0, log });
  databaseUrl = db.url;
  stopDb = db.stop;
}
const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", TASKLINE_DEFAULT_SCHEDULES: "false", TASKLINE_SECRET_KEY: "bench-secret-key-0123456789abcdef" });
const app = await startTaskline({ config, log, api: false, worker: true });
const servers = await Promise.all(Array.from({ length: SOURCES }, () => startAtsServer({ apiKey: API_KEY })));
const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
try {
  const concurrency = config.ats.concurrency;
  console.log(`ATS sync bench — ${CANDIDATES} hired candidates × ${SOURCES} sources answering in ${LATENCY_MS} ms, concurrency ${concurrency} per source, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}\n`);
  const [{ id: userId }] = (await app.pool.query(`INSERT INTO app_user (email, name, password_hash, role) VALUES ('bench@example.com', 'Bench', 'x', 'admin') RETURNING id`)).rows;
  const admin: Viewer = { userId, email: "bench@example.com", role: Role.ADMIN, scopes: effectiveScopes(Role.ADMIN), via: "session" };
  const posting = await app.services.recruiting.createPosting({ title: "Bench", description: "x", requiredSkills: ["x"] }, userId);
  await app.services.recruiting.addCandidates(posting.id, Array.from({ length: CANDIDATES }, (_, i) => ({ name: `Bench Person${i}`, email: `bench${i}@example.com`, resumeText: "x" })));
  await app.pool.query(`UPDATE candidate SET hiring_status = 'hired', hiring_status_changed_at = now()`);
  for (const [i, s] of servers.entries()) {
    s.faults.latencyMs = LATENCY_MS;
    await app.services.atsSources.create(admin, { name: `Source ${i + 1}`, kind: "generic_http", baseUrl: s.url, authKind: "api_key", credentials: { apiKey: API_KEY }, settings: { remoteIdPath: "data.id" } });
  }

  // Baseline: the same calls (same body size, headers, keep-alive fetch) without Taskline around them.
  const bodies = Array.from({ length: CANDIDATES }, (_, i) => JSON.stringify({ name: `Bench Person${i}`, email: `bench${i}@example.com` }));
  let t = process.hrtime.bigint();
  await Promise.all(
    servers.map((s) =>
      eachLimit(bodies.map((b, i) => [b, i] as const), concurrency, async ([body, i]) => {
        const res = await fetch(`${s.url}/candidates`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${API_KEY}`, "idempotency-key": `bare-${i}` }, body });
        await res.text();
      }),
    ),
  );
  const bare = seconds(t);
  for (const s of servers) s.reset(), (s.faults.latencyMs = LATENCY_MS);

  const runSync = async () => {
    const task = await app.services.tasks.enqueue("ats.sync_hired_candidates", { jobPostingId: posting.id, trigger: "manual" });
    const started = process.hrtime.bigint();
    for (;;) {
      const { rows } = await app.pool.query(`SELECT status, result FROM task WHERE id = $1`, [task.id]);
      if (["completed", "failed"].includes(rows[0].status)) return { seconds: seconds(started), result: rows[0].result };
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const first = await runSync();
  const records = servers.reduce((n, s) => n + s.records.length, 0);
  const rerun = await runSync();
  const pairs = CANDIDATES * SOURCES;
  const ideal = (Math.ceil(CANDIDATES / concurrency) * LATENCY_MS) / 1000;
  console.log(`ideal (latency-bound)      ${ideal.toFixed(2)} s   ${Math.round(pairs / ideal)} pairs/s`);
  console.log(`bare HTTP, same process    ${bare.toFixed(2)} s   ${Math.round(pairs / bare)} pairs/s`);
  console.log(`sync (enqueue -> done)     ${first.seconds.toFixed(2)} s   ${Math.round(pairs / first.seconds)} pairs/s   ${first.result.synced} synced, ${first.result.failed} failed, ${records} remote records`);
  console.log(`overhead vs bare           ${(((first.seconds - bare) / bare) * 100).toFixed(1)} %   ${(((first.seconds - bare) * 1000 * SOURCES * concurrency) / pairs).toFixed(2)} ms per pair per slot`);
  console.log(`rerun, all unchanged       ${rerun.seconds.toFixed(2)} s   ${Math.round(pairs / rerun.seconds)} pairs/s   ${rerun.result.unchanged} unchanged, 0 calls`);
} finally {
  await app.stop();
  for (const s of servers) await s.close();
  await stopDb?.();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
}
