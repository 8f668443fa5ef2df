import type { Job } from "graphile-worker";
import type pg from "pg";
import type { Logger } from "../lib/logger.js";
import type { PgListener } from "../realtime/pg-listener.js";

/** NOTIFY'd (empty payload) whenever a task type or queue is paused or resumed. */
export const PAUSE_CHANNEL = "taskline_paused";

/** How long a job of a paused type or queue waits before a worker looks again; resume brings it back at once. */
export const PAUSED_RECHECK_MS = 60_000; // 1 minute

// Only while the database still says paused: a resume this worker has not heard of yet must not send the job
// (which the resume just released) away for another minute.
const DEFER_SQL = `
  SELECT graphile_worker.add_job($1, $2::json, queue_name := $3, run_at := now() + make_interval(secs => $4),
    max_attempts := $5, job_key := $6, priority := $7)
  WHERE EXISTS (SELECT 1 FROM paused_work WHERE (kind = 'task_type' AND name = $1) OR (kind = 'queue' AND name = $3))`;

/**
 * Paused task types and queues (table paused_work) as this worker sees them: read at start, again on every pause
 * NOTIFY and after a LISTEN reconnect (a notice sent while the connection was down is lost). A job of a paused one
 * is not run: it is added again for later under the same job key (graphile-worker clears the key of the locked job
 * and creates a new one), the picked job completes, and the task stays PENDING with its attempts untouched.
 */
export class PauseGate {
  private taskTypes = new Set<string>();
  private queues = new Set<string>();
  private readonly onNotification = (channel: string) => {
    if (channel === PAUSE_CHANNEL) this.refreshSafe();
  };
  private readonly onReconnected = () => this.refreshSafe();

  constructor(
    private readonly pool: pg.Pool,
    private readonly listener: PgListener,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    this.listener.on("notification", this.onNotification);
    this.listener.on("reconnected", this.onReconnected);
    await this.refresh();
  }

  stop(): void {
    this.listener.off("notification", this.onNotification);
    this.listener.off("reconnected", this.onReconnected);
  }

  /**
   * Whether the job's task may not run now. Its queue is the task row's (graphile-worker's Job carries only a queue
   * id), read only while some queue is paused; returned so `defer` puts the job back in the same queue.
   */
  async pausedQueueOrType(job: Job): Promise<{ paused: boolean; queue: string | null }> {
    const typePaused = this.taskTypes.has(job.task_identifier);
    if (!typePaused && !this.queues.size) return { paused: false, queue: null };
    const taskId = (job.payload as { taskId?: unknown } | null)?.taskId;
    const { rows } = typeof taskId === "string" ? await this.pool.query<{ queue_name: string | null }>(`SELECT queue_name FROM task WHERE id = $1`, [taskId]) : { rows: [] };
    const queue = rows[0]?.queue_name ?? null;
    return { paused: typePaused || (queue !== null && this.queues.has(queue)), queue };
  }

  /**
   * Puts the job back for PAUSED_RECHECK_MS if it is still paused; the caller then returns, which completes the
   * picked job. False: resumed meanwhile, run it.
   */
  async defer(job: Job, queue: string | null): Promise<boolean> {
    const { rowCount } = await this.pool.query(DEFER_SQL, [job.task_identifier, JSON.stringify(job.payload), queue, PAUSED_RECHECK_MS / 1000, job.max_attempts, job.key, job.priority]);
    if (!rowCount) return false;
    this.log.debug({ jobId: job.id, taskType: job.task_identifier, queue }, "paused: job put back for later");
    return true;
  }

  async refresh(): Promise<void> {
    const { rows } = await this.pool.query<{ kind: string; name: string }>(`SELECT kind, name FROM paused_work`);
    this.taskTypes = new Set(rows.filter((r) => r.kind === "task_type").map((r) => r.name));
    this.queues = new Set(rows.filter((r) => r.kind === "queue").map((r) => r.name));
  }

  private refreshSafe(): void {
    this.refresh().catch((err) => this.log.error({ err }, "reading paused task types and queues failed"));
  }
}
