import client from "prom-client";
import type pg from "pg";
import type { Logger } from "../lib/logger.js";

/** The statuses an attempt ends in, as the database and NOTIFY payloads spell them. */
export type AttemptOutcome = "completed" | "failed" | "cancelled" | "retrying";

/**
 * Per-process counters and histograms (what THIS process did: the tasks its worker ran, the progress it published,
 * its LISTEN reconnects, its open subscriptions) plus cluster-wide gauges read from the database on each scrape
 * (queue depth, running tasks, live worker pools), so any one process answers those for the whole cluster.
 * Prometheus sums the per-process series across scrape targets; the cluster gauges must not be summed (take max).
 * One registry per Taskline instance, never prom-client's global one: tests run several in one process.
 */
export class Metrics {
  readonly registry = new client.Registry();
  readonly tasksStarted = new client.Counter({ name: "taskline_tasks_started_total", help: "Task attempts this process started, by task type", labelNames: ["task_type"], registers: [this.registry] });
  readonly tasksFinished = new client.Counter({ name: "taskline_tasks_finished_total", help: "Task attempts this process finished, by task type and outcome (completed, failed, cancelled, retrying)", labelNames: ["task_type", "status"], registers: [this.registry] });
  readonly tasksFailed = new client.Counter({ name: "taskline_tasks_failed_total", help: "Task attempts this process ended FAILED (out of attempts, a permanent error, the time limit), by task type", labelNames: ["task_type"], registers: [this.registry] });
  readonly taskDuration = new client.Histogram({
    name: "taskline_task_duration_seconds",
    help: "Wall time of task attempts run by this process, from claim to outcome, by task type and outcome",
    labelNames: ["task_type", "status"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
    registers: [this.registry],
  });
  readonly progressPublishLatency = new client.Histogram({
    name: "taskline_progress_publish_latency_seconds",
    help: "From a task's first unwritten progress report (or its outcome) to the commit that publishes it (NOTIFY)",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5],
    registers: [this.registry],
  });
  readonly listenReconnects = new client.Counter({ name: "taskline_listen_reconnects_total", help: "Times this process's LISTEN connection was re-established after a drop", registers: [this.registry] });
  readonly sweptPools = new client.Counter({ name: "taskline_worker_pools_swept_total", help: "Silent worker pools this process's sweeper declared lost", registers: [this.registry] });
  private readonly queueDepth = new client.Gauge({ name: "taskline_queue_depth", help: "Cluster: tasks waiting to run (PENDING or RETRYING), by task type and queue ('' for none)", labelNames: ["task_type", "queue"], registers: [this.registry] });
  private readonly running = new client.Gauge({ name: "taskline_tasks_running", help: "Cluster: tasks RUNNING now, by task type", labelNames: ["task_type"], registers: [this.registry] });
  private readonly poolsAlive = new client.Gauge({ name: "taskline_worker_pools_alive", help: "Cluster: worker pools neither stopped nor lost whose heartbeat is within the grace", registers: [this.registry] });
  private readonly clusterUp = new client.Gauge({ name: "taskline_cluster_metrics_up", help: "1 when this scrape read the cluster gauges from the database, 0 when that failed", registers: [this.registry] });

  constructor(private readonly opts: { pool: pg.Pool; graceSeconds: number; log: Logger; defaultMetrics?: boolean }) {
    // Node's own (event loop lag, heap, GC, CPU): what operators look at first when a process misbehaves.
    if (opts.defaultMetrics !== false) client.collectDefaultMetrics({ register: this.registry });
  }

  /** Open graphql-ws subscriptions, counted on scrape by whoever holds them (the HTTP server). */
  countSubscriptionsWith(count: () => number): void {
    new client.Gauge({
      name: "taskline_subscriptions_open",
      help: "GraphQL subscriptions open on this process's WebSockets",
      registers: [this.registry],
      collect() {
        this.set(count());
      },
    });
  }

  /** One attempt's end, from the worker (execute-task.ts). */
  attemptFinished(taskType: string, status: AttemptOutcome, seconds: number): void {
    this.tasksFinished.inc({ task_type: taskType, status });
    if (status === "failed") this.tasksFailed.inc({ task_type: taskType });
    this.taskDuration.observe({ task_type: taskType, status }, seconds);
  }

  /** The text exposition, after one cheap query for the cluster gauges. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    await this.readCluster();
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private async readCluster(): Promise<void> {
    try {
      // Served by the partial index on active tasks (task_active_type_idx) and worker_pool_live_heartbeat_idx.
      const { rows } = await this.opts.pool.query<{ kind: string; task_type: string | null; queue: string | null; status: string | null; n: number }>(CLUSTER_SQL, [this.opts.graceSeconds]);
      this.queueDepth.reset();
      this.running.reset();
      this.poolsAlive.set(0);
      for (const r of rows) {
        if (r.kind === "pools") this.poolsAlive.set(r.n);
        else if (r.status === "running") this.running.inc({ task_type: r.task_type! }, r.n);
        else this.queueDepth.inc({ task_type: r.task_type!, queue: r.queue ?? "" }, r.n);
      }
      this.clusterUp.set(1);
    } catch (err) {
      this.opts.log.warn({ err }, "reading cluster metrics failed; serving this process's own");
      this.clusterUp.set(0);
    }
  }
}

const CLUSTER_SQL = `
  SELECT 'tasks' AS kind, type AS task_type, queue_name AS queue, status, count(*)::int AS n
  FROM task WHERE status IN ('pending', 'retrying', 'running')
  GROUP BY type, queue_name, status
  UNION ALL
  SELECT 'pools', NULL, NULL, NULL, count(*)::int
  FROM worker_pool WHERE stopped_at IS NULL AND lost_at IS NULL AND heartbeat_at > now() - make_interval(secs => $1)`;
