import EventEmitter from "node:events";
import { run, type Runner, type TaskList, type WorkerEvents, type WorkerPool } from "graphile-worker";
import type pg from "pg";
import { graphileLogger } from "../lib/graphile-logger.js";
import type { Logger } from "../lib/logger.js";
import type { Metrics } from "../ops/metrics.js";
import { type Fire, FIRE_TASK, type Scheduler, TICK_CRON_ITEMS, TICK_TASK } from "../modules/schedules/scheduler.js";
import { TurnBatcher } from "../lib/turn-batcher.js";
import type { TaskTypeRegistry } from "../modules/tasks/task-registry.js";
import { CANCEL_CHANNEL } from "../modules/tasks/task.service.js";
import type { PgListener } from "../realtime/pg-listener.js";
import { TaskCancelledError } from "./abort-reasons.js";
import { ClaimBatcher } from "./claims.js";
import { DueWaker } from "./due-waker.js";
import { executeTask } from "./execute-task.js";
import { Heartbeat } from "./heartbeat.js";
import { PauseGate } from "./pause-gate.js";
import { ProgressWriter } from "./progress-writer.js";
import type { TaskServices } from "./services.js";

export type WorkerOptions = {
  pool: pg.Pool;
  /** The process's LISTEN connection; it must listen on CANCEL_CHANNEL and DUE_CHANNEL. */
  listener: PgListener;
  registry: TaskTypeRegistry;
  /** Runs schedules: the per-minute tick (graphile-worker's crontab) and the fire jobs it enqueues. */
  scheduler?: Scheduler;
  services: TaskServices;
  log: Logger;
  metrics?: Metrics;
  concurrency: number;
  progressFlushMs: number;
  /** On stop, how long running tasks may go on before they are aborted (and retried elsewhere). */
  shutdownGraceMs?: number;
  /** Crash recovery (heartbeat.ts): WORKER_HEARTBEAT_MS and the release. The sweeper runs in app.ts, in every process. */
  pools?: { heartbeatMs: number; version: string };
};

export type Worker = { runner: Runner; poolId: string; writer: ProgressWriter; running: Map<string, AbortController>; stop(): Promise<void> };

/** A graphile-worker runner whose jobs are Taskline tasks, with the progress writer and cancel notices around it. */
export async function startWorker(opts: WorkerOptions): Promise<Worker> {
  const { pool, listener, registry, services, concurrency, progressFlushMs, shutdownGraceMs = 5_000 } = opts;
  const log = opts.log.child({ component: "worker" });
  const running = new Map<string, AbortController>();
  const { metrics } = opts;
  const writer = new ProgressWriter(pool, log, progressFlushMs, metrics && ((s) => metrics.progressPublishLatency.observe(s)));
  writer.start();

  const onNotification = (channel: string, taskId: string) => {
    if (channel === CANCEL_CHANNEL) running.get(taskId)?.abort(new TaskCancelledError());
  };
  // A cancel sent while the connection was down is still in the row: look there for the tasks this process runs.
  const onReconnected = async () => {
    if (!running.size) return;
    const { rows } = await pool.query(`SELECT id FROM task WHERE id = ANY($1::uuid[]) AND cancel_requested_at IS NOT NULL`, [[...running.keys()]]);
    for (const { id } of rows) running.get(id)?.abort(new TaskCancelledError());
  };
  const onReconnectedSafe = () => void onReconnected().catch((err) => log.error({ err }, "checking cancels after reconnect failed"));
  listener.on("notification", onNotification);
  listener.on("reconnected", onReconnectedSafe);

  const deps = { pool, writer, claims: new ClaimBatcher(pool), services, log, running, metrics };
  const gate = new PauseGate(pool, listener, log);
  await gate.start();
  const taskList: TaskList = {};
  for (const type of registry.list()) {
    taskList[type.name] = async (payload, helpers) => {
      const { paused, queue } = await gate.pausedQueueOrType(helpers.job);
      if (paused && (await gate.defer(helpers.job, queue))) return;
      return executeTask(type, payload, helpers, deps);
    };
  }
  const { scheduler } = opts;
  if (scheduler) {
    // The crontab's job (its payload has `_cron`) only defers the tick (Scheduler.deferTick). `now` in the payload
    // lets tests replay simulated minutes through real workers.
    taskList[TICK_TASK] = async (payload) => {
      const p = payload as { now?: string; _cron?: { ts: string } } | null;
      if (p?._cron) return scheduler.deferTick(new Date(p._cron.ts));
      const started = performance.now();
      const result = await scheduler.tick(p?.now ? new Date(p.now) : undefined);
      log.info({ ...result, ms: Math.round(performance.now() - started) }, "schedule tick done");
    };
    // Fire jobs come due together (every per-minute schedule at :00): those started in one turn share a transaction.
    const fires = new TurnBatcher((batch: Fire[]) => scheduler.fireMany(batch));
    taskList[FIRE_TASK] = async (payload) => {
      const { scheduleId, fireAt } = payload as { scheduleId: string; fireAt: string };
      await fires.add({ scheduleId, fireAt: new Date(fireAt) });
    };
  }

  // The Runner does not expose its pool; its id (the jobs' locked_by) comes with pool:create, emitted inside run().
  const events: WorkerEvents = new EventEmitter();
  let workerPool: WorkerPool | undefined;
  events.once("pool:create", (e) => (workerPool = e.workerPool));
  const runner = await run({
    pgPool: pool,
    events,
    taskList,
    // Every node runs graphile-worker's crontab; its bookkeeping starts each minute's tick once across all of them.
    parsedCronItems: scheduler ? TICK_CRON_ITEMS : [],
    concurrency,
    noHandleSignals: true,
    logger: graphileLogger(log),
    preset: {
      worker: {
        gracefulShutdownAbortTimeout: shutdownGraceMs,
        // Completions of jobs that finish together go to the database in one statement (graphile-worker batches
        // those made within this many milliseconds). A crash in that window only means the job runs again, and the
        // task's claim fences the repeat.
        completeJobBatchDelay: 2,
        // Fetch jobs in batches rather than one statement per job. Jobs in the local queue are locked by this pool;
        // if it dies they come back through the sweeper like its running ones.
        localQueue: { size: concurrency },
      },
    },
  });
  if (!workerPool) throw new Error("graphile-worker started no worker pool (no pool:create event); check its version");
  const poolId = workerPool.id;
  const waker = new DueWaker(listener, workerPool, concurrency, log);
  waker.start();
  const { heartbeatMs = 5_000, version = "unknown" } = opts.pools ?? {};
  // Registered right after run(): a crash in between leaves jobs locked by a pool the sweeper does not know (rare;
  // graphile-worker's 4-hour unlock still applies to them).
  const heartbeat = new Heartbeat(pool, { id: poolId, concurrency, taskTypes: Object.keys(taskList), version }, log, heartbeatMs);
  await heartbeat.start().catch(async (err) => {
    await runner.stop();
    throw new Error("Registering the worker pool failed; is the WorkerPools migration applied?", { cause: err });
  });
  log.info({ concurrency, poolId, taskTypes: Object.keys(taskList) }, "worker started");

  return {
    runner,
    poolId,
    writer,
    running,
    async stop() {
      listener.off("notification", onNotification);
      listener.off("reconnected", onReconnectedSafe);
      waker.stop();
      gate.stop();
      // Beats go on while running tasks finish (the shutdown grace may be longer than the pool grace).
      await runner.stop().catch((err) => {
        heartbeat.halt();
        throw err;
      });
      await writer.stop();
      await heartbeat.stop();
    },
  };
}
