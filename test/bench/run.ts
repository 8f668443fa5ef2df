import "reflect-metadata";
import { fork } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { run, makeWorkerUtils } from "graphile-worker";
import pg from "pg";
import { WebSocketServer } from "ws";
import { z } from "zod";
import { defineTaskType } from "../../tasks/contract.js";
import { startTaskline, type Taskline } from "../../apps/api/src/app.js";
import { loadConfig } from "../../apps/api/src/config.js";
import { startEmbeddedPostgres } from "../../apps/api/src/db/embedded.js";
import { graphileLogger } from "../../apps/api/src/lib/graphile-logger.js";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { Role } from "../../apps/api/src/modules/identity/roles.js";
import { effectiveScopes, type Viewer } from "../../apps/api/src/modules/identity/viewer.js";
import { ProgressWriter, type RunState } from "../../apps/api/src/worker/progress-writer.js";
import { ms, summary } from "./stats.js";

/**
 * `npm run bench`: the live pipeline's figures, printed, with the baseline measured in the same run. Set
 * BENCH_DATABASE_URL to run against another server (a database the bench may fill), otherwise an embedded one.
 * BENCH_TASKS (default 2000) sets the throughput run's size.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const log = createLogger("warn");
const TASKS = Number(process.env.BENCH_TASKS ?? 2_000);

/** The throughput run's task: ten progress reports, then done. */
const tenSteps = defineTaskType({
  name: "bench.ten_steps",
  title: "Bench: ten progress steps",
  payload: z.object({}),
  async run(ctx) {
    for (let i = 1; i <= 10; i++) ctx.progress(i, 10);
    return { ok: true };
  },
});

/** Holds one task RUNNING so the latency run can write progress to it as a worker would. */
const hold = defineTaskType({
  name: "bench.hold",
  title: "Bench: wait for cancel",
  payload: z.object({}),
  timeLimitMs: 600_000,
  async run(ctx) {
    await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve, { once: true }));
  },
});

async function main() {
  let stopDb: (() => Promise<void>) | undefined;
  let databaseUrl = process.env.BENCH_DATABASE_URL;
  let dataDir: string | undefined;
  if (!databaseUrl) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "taskline-bench-"));
    const db = await startEmbeddedPostgres({ dataDir, port: 0, log });
    databaseUrl = db.url;
    stopDb = db.stop;
  }
  console.log(`Taskline bench — ${os.cpus().length} cores, Node ${process.version}, ${process.env.BENCH_DATABASE_URL ? "BENCH_DATABASE_URL" : "embedded Postgres"}\n`);
  try {
    const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1" });
    const app = await startTaskline({ config, log, api: true, worker: true, extraTaskTypes: [tenSteps, hold] });
    try {
      await signInBench(app);
      await enqueueToStart(app);
      const subscriberCounts = (process.env.BENCH_SUBSCRIBERS ?? "1,1000").split(",").filter(Boolean).map(Number);
      for (const subscribers of subscriberCounts) {
        const taskline = await progressLatency(app, databaseUrl, subscribers);
        const raw = await rawBroadcastLatency(subscribers);
        console.log(`  ratio to raw ws broadcast:              p50 ${(taskline.p50 / raw.p50).toFixed(2)}x  p99 ${(taskline.p99 / raw.p99).toFixed(2)}x`);
      }
      await throughput(app, databaseUrl);
    } finally {
      await app.stop();
    }
  } finally {
    await stopDb?.();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** The bench's caller: an admin with an API key, as a third-party tool would be. */
let benchAdmin: Viewer;
let benchKey: string;

async function signInBench(app: Taskline) {
  const [{ id }] = (await app.pool.query(`INSERT INTO app_user (email, name, password_hash, role) VALUES ('bench@example.com', 'Bench', 'x', 'admin') RETURNING id`)).rows;
  benchAdmin = { userId: id, email: "bench@example.com", role: Role.ADMIN, scopes: effectiveScopes(Role.ADMIN), via: "session" };
  benchKey = (await app.services.apiKeys.create(benchAdmin, { name: "bench", scopes: ["tasks:read"] }, { ip: "127.0.0.1" })).secret;
}

/** Enqueue (task row + job, one statement) to the worker's claim, on an idle worker, one at a time. */
async function enqueueToStart(app: Taskline) {
  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const task = await app.services.tasks.enqueue("bench.ten_steps", {});
    await waitFor(app, task.id, (t) => t.status === "completed");
    const { rows } = await app.pool.query(`SELECT extract(epoch FROM started_at - created_at) * 1000 AS ms FROM task WHERE id = $1`, [task.id]);
    if (i >= 20) samples.push(Number(rows[0].ms)); // the first ones warm up JIT and connections
  }
  const s = summary(samples);
  console.log(`enqueue -> start (n=${s.n}):           p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}`);
}

/**
 * From the worker's write (the ProgressWriter's flush, the code workers use) to graphql-ws clients in another
 * process, through the trigger's NOTIFY, the API's LISTEN connection, the hub and graphql-ws.
 */
async function progressLatency(app: Taskline, databaseUrl: string, subscribers: number) {
  const task = await app.services.tasks.enqueue("bench.hold", {});
  await waitFor(app, task.id, (t) => t.status === "running");
  const { rows } = await app.pool.query(`SELECT run_id, attempts FROM task WHERE id = $1`, [task.id]);
  const child = fork(path.join(here, "subscribers.ts"), [`${app.url!.replace("http", "ws")}/graphql`, task.id, String(subscribers), benchKey], {
    execArgv: ["--import", "tsx", ...(process.env.BENCH_PROFILE_CLIENT ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_CLIENT}`] : [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  child.on("message", (m: { error?: string }) => m.error && console.error(`subscriber error: ${m.error}`));
  child.on("exit", (code) => code && console.error(`subscribers exited with ${code}`));
  await new Promise<void>((resolve, reject) => {
    child.on("message", (m: { ready?: boolean; error?: string }) => (m.ready ? resolve() : m.error ? reject(new Error(m.error)) : undefined));
    child.once("exit", (code) => reject(new Error(`subscribers exited with ${code}`)));
  });

  // A writer of our own, fenced by the attempt's run_id, exactly as the worker's writer would write.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const writer = new ProgressWriter(pool, log, 1_000_000);
  const state: RunState = { taskId: task.id, runId: rows[0].run_id, attempt: rows[0].attempts, current: 0, total: 200, message: null, ok: 0, ko: 0, newErrors: [], storedErrors: 0 };
  const updates = 200;
  for (let i = 1; i <= updates; i++) {
    state.current = i;
    state.message = String(performance.timeOrigin + performance.now());
    writer.touch(state);
    await writer.flush();
    await sleep(subscribers > 1 ? 25 : 5); // updates spaced as a worker's flushes would be
  }
  await sleep(500);
  const delays = await new Promise<number[]>((resolve) => {
    child.on("message", (m: { delays?: number[] }) => m.delays && resolve(m.delays));
    child.send({ report: true });
  });
  await pool.end();
  await app.services.tasks.cancel(benchAdmin, task.id);
  const s = summary(delays);
  const expected = updates * subscribers;
  console.log(
    `progress latency, ${String(subscribers).padStart(4)} subscriber(s): p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  (${s.n}/${expected} events delivered)`,
  );
  return s;
}

/**
 * The floor under any fan-out on this machine: the same number of plain WebSocket clients in another process,
 * sent one pre-serialised message of the same shape each, by a bare \`ws\` server with no database, GraphQL or
 * graphql-ws in the way.
 */
async function rawBroadcastLatency(subscribers: number) {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as { port: number };
  const child = fork(path.join(here, "raw-subscribers.ts"), [`ws://127.0.0.1:${port}`, String(subscribers)], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  await new Promise<void>((resolve) => child.on("message", (m: { ready?: boolean }) => m.ready && resolve()));
  for (let i = 1; i <= 200; i++) {
    const message = JSON.stringify({
      id: "00000000-0000-4000-8000-000000000000",
      type: "next",
      payload: { data: { taskUpdated: { id: "00000000-0000-4000-8000-000000000000", status: "RUNNING", version: i, progress: { current: i, total: 200, message: String(performance.timeOrigin + performance.now()) } } } },
    });
    for (const client of server.clients) client.send(message);
    await sleep(subscribers > 1 ? 25 : 5);
  }
  await sleep(500);
  const delays = await new Promise<number[]>((resolve) => {
    child.on("message", (m: { delays?: number[] }) => m.delays && resolve(m.delays));
    child.send({ report: true });
  });
  await new Promise((r) => server.close(r));
  const s = summary(delays);
  console.log(`raw ws broadcast,  ${String(subscribers).padStart(4)} subscriber(s): p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  (${s.n}/${200 * subscribers})`);
  return s;
}

/**
 * Tracked tasks (row, start, ten progress reports, completion, pushed to a list subscriber) against raw
 * graphile-worker no-op jobs at its default settings, same database, same run.
 */
async function throughput(app: Taskline, databaseUrl: string) {
  // Raw graphile-worker: jobs added one statement each (as a mutation would), a runner at default settings.
  const rawPool = new pg.Pool({ connectionString: databaseUrl, max: 12 });
  rawPool.on("error", () => {});
  rawPool.on("connect", (client) => client.on("error", () => {}));
  const utils = await makeWorkerUtils({ pgPool: rawPool });
  let rawDone = 0;
  let rawResolve!: () => void;
  const rawAll = new Promise<void>((r) => (rawResolve = r));
  const rawStart = performance.now();
  const runner = await run({ pgPool: rawPool, taskList: { "bench.noop": async () => void (++rawDone === TASKS && rawResolve()) }, noHandleSignals: true, logger: graphileLogger(createLogger("silent")) });
  await inParallel(TASKS, 10, () => utils.addJob("bench.noop", {}));
  await rawAll;
  const rawSeconds = (performance.now() - rawStart) / 1000;
  await runner.stop();
  await utils.release();
  await rawPool.end();

  // Taskline: the same number of tasks through TaskService.enqueue, each completion seen by a list subscriber.
  let seen = 0;
  let resolveSeen!: () => void;
  const allSeen = new Promise<void>((r) => (resolveSeen = r));
  const ids = new Set<string>();
  const unsubscribe = app.services.hub.subscribeAll((t) => {
    if (t.type === "bench.ten_steps" && t.status === "completed" && ids.has(t.id)) {
      ids.delete(t.id);
      if (++seen === TASKS) resolveSeen();
    }
  });
  const flushesBefore = app.worker!.writer.flushes;
  const start = performance.now();
  await inParallel(TASKS, 10, async () => void ids.add((await app.services.tasks.enqueue("bench.ten_steps", {})).id));
  await allSeen;
  const seconds = (performance.now() - start) / 1000;
  unsubscribe();
  const flushes = app.worker!.writer.flushes - flushesBefore;

  const rawRate = TASKS / rawSeconds;
  const rate = TASKS / seconds;
  console.log(`raw graphile-worker no-op jobs (defaults):  ${rawRate.toFixed(0)} jobs/s   (${TASKS} in ${rawSeconds.toFixed(2)} s)`);
  console.log(`tracked Taskline tasks (defaults):          ${rate.toFixed(0)} tasks/s  (${TASKS} in ${seconds.toFixed(2)} s, ${flushes} batched writes)`);
  console.log(`ratio tracked / raw:                        ${(rate / rawRate).toFixed(2)}x`);
}

async function waitFor(app: Taskline, id: string, until: (t: { status: string }) => boolean): Promise<void> {
  const current = await app.services.tasks.get(id);
  if (current && until(current)) return;
  await new Promise<void>((resolve) => {
    const off = app.services.hub.subscribeTask(id, (t) => {
      if (until(t)) {
        off();
        resolve();
      }
    });
    void app.services.tasks.get(id).then((t) => {
      if (t && until(t)) {
        off();
        resolve();
      }
    });
  });
}

async function inParallel(total: number, concurrency: number, fn: () => Promise<unknown>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < total) await fn();
  }));
}

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

await main();
