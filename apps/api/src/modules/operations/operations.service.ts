import type { DataSource } from "typeorm";
import { BadUserInputError } from "../../graphql/errors.js";
import { PAUSE_CHANNEL } from "../../worker/pause-gate.js";
import type { Clock } from "../schedules/clock.js";
import { type UpcomingFire, upcomingFires } from "../schedules/schedule-overview.js";
import { scheduleFromRow } from "../schedules/schedule.entity.js";
import type { TaskTypeRegistry } from "../tasks/task-registry.js";
import { notWaitingAhead } from "../tasks/task-status.js";
import {
  OperationsOverview,
  PausedKind,
  PausedWork,
  QueueDepth,
  QueueSummary,
  RecentFailure,
  RunningTaskSummary,
  TaskTypeDuration,
  Throughput,
  ThroughputBucket,
  WorkerPool,
  WorkerPoolState,
} from "./operations.types.js";

const SCHEDULES_DUE = 8;
const RECENT_FAILURES = 10;
const RUNNING_LISTED = 20;
const MAX_NAME = 200;

// Each statement below is an index scan (migration 1764230000000; plans in docs/operations.md).
export const ACTIVE_SQL = `
  SELECT type, queue_name, status, count(*)::int AS n FROM task
  WHERE status IN ('pending', 'running', 'retrying') GROUP BY type, queue_name, status`;
export const THROUGHPUT_SQL = `
  SELECT date_bin(make_interval(secs => $2), finished_at, 'epoch'::timestamptz) AS bucket,
    count(*) FILTER (WHERE status = 'completed')::int AS completed,
    count(*) FILTER (WHERE status = 'failed')::int AS failed,
    count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
  FROM task WHERE status IN ('completed', 'failed', 'cancelled') AND finished_at >= $1
  GROUP BY 1`;
export const DURATIONS_SQL = `
  SELECT type COLLATE "C" AS type, count(*)::int AS n,
    avg(extract(epoch FROM finished_at - started_at)) * 1000 AS avg_ms,
    percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at)) * 1000 AS p95_ms
  -- The IN list repeats the partial index's predicate, so the planner picks it without having to prove it. Grouping
  -- in the "C" collation: the sort by type is the costliest step, and a byte order is all grouping needs.
  FROM task WHERE status IN ('completed', 'failed', 'cancelled') AND status = 'completed' AND finished_at >= $1 AND started_at IS NOT NULL
  GROUP BY 1 ORDER BY 1`;
export const RECENT_FAILURES_SQL = `
  SELECT id, type, error, attempts, finished_at FROM task WHERE status = 'failed' ORDER BY finished_at DESC LIMIT ${RECENT_FAILURES}`;
export const RUNNING_SQL = `
  SELECT id, type, started_at, worker_id, progress_current, progress_total FROM task
  WHERE status = 'running' ORDER BY started_at NULLS LAST LIMIT ${RUNNING_LISTED}`;
export const POOLS_SQL = `
  SELECT p.*, extract(epoch FROM now() - p.heartbeat_at)::float8 AS age,
    (SELECT count(*) FROM task t WHERE t.status = 'running' AND t.worker_id = p.id)::int AS running
  FROM worker_pool p
  WHERE (p.stopped_at IS NULL AND p.lost_at IS NULL) OR p.heartbeat_at > now() - interval '1 hour'
  ORDER BY p.heartbeat_at DESC LIMIT 100`;

/** Jobs put back by a worker while paused (pause-gate.ts) run again at once; retries keep their backoff. */
const RELEASE_SQL = `
  SELECT count(*)::int AS n FROM graphile_worker.reschedule_jobs(
    ARRAY(SELECT j.id FROM graphile_worker.jobs j JOIN task t ON t.id::text = j.key
      WHERE j.locked_at IS NULL AND j.run_at > now() AND t.status = 'pending' AND ${notWaitingAhead("t", "now()")}
        AND CASE WHEN $1 = 'task_type' THEN t.type = $2 ELSE t.queue_name = $2 END),
    run_at := now())`;

/**
 * The operations dashboard's reads and its pause/resume writes. Everything is read from the rows on each call: no
 * counters in memory that could drift or differ between API processes.
 */
export class OperationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly registry: TaskTypeRegistry,
    private readonly clock: Clock,
    /** WORKER_HEARTBEAT_MS: a pool more than two beats late shows as SILENT. */
    private readonly heartbeatMs: number,
  ) {}

  async overview(): Promise<OperationsOverview> {
    const now = new Date();
    const [active, lastHour, lastDay, durations, failures, running, pools, paused, schedulesDueNext] = await Promise.all([
      this.ds.query(ACTIVE_SQL) as Promise<Array<{ type: string; queue_name: string | null; status: string; n: number }>>,
      this.throughput(now, 300, 12),
      this.throughput(now, 3600, 24),
      this.ds.query(DURATIONS_SQL, [new Date(now.getTime() - 86_400_000)]),
      this.ds.query(RECENT_FAILURES_SQL),
      this.ds.query(RUNNING_SQL),
      this.workerPools(),
      this.paused(),
      this.schedulesDueNext(),
    ]);
    const pausedTypes = new Set(paused.filter((p) => p.kind === PausedKind.TASK_TYPE).map((p) => p.name));
    const pausedQueues = new Set(paused.filter((p) => p.kind === PausedKind.QUEUE).map((p) => p.name));

    const depth = new Map<string, QueueDepth>();
    const queues = new Map<string, QueueSummary>();
    for (const r of active) {
      const key = `${r.type}\u0000${r.queue_name ?? ""}`;
      let d = depth.get(key);
      if (!d) {
        const isPaused = pausedTypes.has(r.type) || (r.queue_name !== null && pausedQueues.has(r.queue_name));
        d = Object.assign(new QueueDepth(), { taskType: r.type, queue: r.queue_name, pending: 0, retrying: 0, running: 0, paused: isPaused });
        depth.set(key, d);
      }
      d[r.status as "pending" | "retrying" | "running"] += r.n;
      if (r.queue_name !== null) {
        let q = queues.get(r.queue_name);
        if (!q) queues.set(r.queue_name, (q = Object.assign(new QueueSummary(), { queue: r.queue_name, waiting: 0, running: 0, paused: pausedQueues.has(r.queue_name) })));
        if (r.status === "running") q.running += r.n;
        else q.waiting += r.n;
      }
    }
    const queueDepth = [...depth.values()].sort((a, b) => a.taskType.localeCompare(b.taskType) || (a.queue ?? "").localeCompare(b.queue ?? ""));
    return Object.assign(new OperationsOverview(), {
      generatedAt: now,
      queueDepth,
      queues: [...queues.values()].sort((a, b) => a.queue.localeCompare(b.queue)),
      waiting: queueDepth.reduce((n, d) => n + d.pending + d.retrying, 0),
      running: queueDepth.reduce((n, d) => n + d.running, 0),
      runningTasks: running.map((r: any) =>
        Object.assign(new RunningTaskSummary(), {
          taskId: r.id,
          taskType: r.type,
          startedAt: r.started_at,
          workerPoolId: r.worker_id,
          percent: r.progress_total ? Math.min(100, (100 * r.progress_current) / r.progress_total) : null,
        }),
      ),
      lastHour,
      lastDay,
      durations: durations.map((r: any) => Object.assign(new TaskTypeDuration(), { taskType: r.type, count: r.n, avgMs: Number(r.avg_ms), p95Ms: Number(r.p95_ms) })),
      schedulesDueNext,
      recentFailures: failures.map((r: any) => Object.assign(new RecentFailure(), { taskId: r.id, taskType: r.type, error: r.error, attempts: r.attempts, finishedAt: r.finished_at })),
      paused,
      workerPools: pools,
    });
  }

  async workerPools(): Promise<WorkerPool[]> {
    const rows = await this.ds.query(POOLS_SQL);
    const silentAfter = (2 * this.heartbeatMs) / 1000;
    return rows.map((r: any) =>
      Object.assign(new WorkerPool(), {
        id: r.id,
        host: r.host,
        pid: r.pid,
        version: r.version,
        taskTypes: r.task_types,
        concurrency: r.concurrency,
        running: r.running,
        load: r.concurrency ? r.running / r.concurrency : 0,
        state: r.lost_at ? WorkerPoolState.LOST : r.stopped_at ? WorkerPoolState.STOPPED : r.age > silentAfter ? WorkerPoolState.SILENT : WorkerPoolState.ALIVE,
        startedAt: r.started_at,
        heartbeatAt: r.heartbeat_at,
        heartbeatAgeSeconds: Math.max(0, r.age),
        stoppedAt: r.stopped_at,
        lostAt: r.lost_at,
      }),
    );
  }

  async paused(): Promise<PausedWork[]> {
    const rows = await this.ds.query(`SELECT kind, name, paused_at FROM paused_work ORDER BY kind, name`);
    return rows.map((r: any) => Object.assign(new PausedWork(), { kind: r.kind as PausedKind, name: r.name, pausedAt: r.paused_at }));
  }

  /** Idempotent: pausing what is paused keeps the first pause. Running tasks go on; new picks are put back. */
  async pause(kind: PausedKind, name: string, userId: string | null): Promise<PausedWork> {
    this.check(kind, name);
    await this.ds.transaction(async (m) => {
      await m.query(`INSERT INTO paused_work (kind, name, paused_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [kind, name, userId]);
      await m.query(`SELECT pg_notify($1, '')`, [PAUSE_CHANNEL]);
    });
    return (await this.paused()).find((p) => p.kind === kind && p.name === name)!;
  }

  /** Returns how many put-back jobs were released to run now. */
  async resume(kind: PausedKind, name: string): Promise<number> {
    this.check(kind, name);
    return this.ds.transaction(async (m) => {
      await m.query(`DELETE FROM paused_work WHERE kind = $1 AND name = $2`, [kind, name]);
      await m.query(`SELECT pg_notify($1, '')`, [PAUSE_CHANNEL]);
      const [{ n }] = await m.query(RELEASE_SQL, [kind, name]);
      return n as number;
    });
  }

  private check(kind: PausedKind, name: string): void {
    if (!name || name.length > MAX_NAME) throw new BadUserInputError(`A ${kind === PausedKind.QUEUE ? "queue" : "task type"} name is 1 to ${MAX_NAME} characters`, { field: "name" });
    if (kind === PausedKind.TASK_TYPE && !this.registry.list().some((t) => t.name === name)) {
      throw new BadUserInputError(`Unknown task type: ${name}`, { field: "name" });
    }
  }

  private async throughput(now: Date, bucketSeconds: number, count: number): Promise<Throughput> {
    const width = bucketSeconds * 1000;
    const first = Math.floor(now.getTime() / width) * width - (count - 1) * width;
    const rows: Array<{ bucket: Date; completed: number; failed: number; cancelled: number }> = await this.ds.query(THROUGHPUT_SQL, [new Date(first), bucketSeconds]);
    const byStart = new Map(rows.map((r) => [new Date(r.bucket).getTime(), r]));
    const buckets = Array.from({ length: count }, (_, i) => {
      const start = first + i * width;
      const r = byStart.get(start);
      return Object.assign(new ThroughputBucket(), { start: new Date(start), completed: r?.completed ?? 0, failed: r?.failed ?? 0, cancelled: r?.cancelled ?? 0 });
    });
    const sum = (k: "completed" | "failed" | "cancelled") => buckets.reduce((n, b) => n + b[k], 0);
    const completed = sum("completed");
    const failed = sum("failed");
    return Object.assign(new Throughput(), { bucketSeconds, buckets, completed, failed, cancelled: sum("cancelled"), failureRate: completed + failed ? failed / (completed + failed) : null });
  }

  private async schedulesDueNext(): Promise<UpcomingFire[]> {
    const rows = await this.ds.query(`SELECT * FROM schedule WHERE NOT paused`);
    return upcomingFires(rows.map(scheduleFromRow), this.clock.now(), SCHEDULES_DUE);
  }
}
