import type { DataSource, EntityManager } from "typeorm";
import { isUuid } from "../../lib/validate.js";
import { decodeCursor, type Connection, toConnection } from "../../graphql/connection.js";
import { ForbiddenError, NotFoundError, TaskNotCancellableError, TaskNotRetryableError } from "../../graphql/errors.js";
import { Role } from "../identity/roles.js";
import { canSeeTask, type Viewer } from "../identity/viewer.js";
import { taskFromRow } from "./task-record.js";
import type { TaskTypeRegistry } from "./task-registry.js";
import { TaskStatus } from "./task-status.js";
import { TaskItemError, type Task } from "./task.entity.js";

/** Channel a worker listens on for cancels of the tasks it runs. Payload: the task id. */
export const CANCEL_CHANNEL = "taskline_cancel";

export type EnqueueOptions = {
  createdById?: string | null;
  /** graphile-worker's: lower runs first (default 0). */
  priority?: number;
  runAt?: Date;
  /** Set by schedule fires: the task records which schedule fired it, and when (docs/schedules.md). */
  scheduleId?: string;
  fireAt?: Date;
  /** Overrides the task type's visibility (scheduled tasks are shared). */
  visibility?: "private" | "shared";
};

export type TaskFilterArgs = { status?: TaskStatus[] | null; type?: string[] | null };

/**
 * Creating the task row and its graphile-worker job in one statement makes them atomic without a transaction of
 * the caller's: there is never a task without a job or a job without a task. The job is keyed by the task id, so
 * cancel can remove it and a retry replaces it. A second task for the same schedule fire inserts nothing, and so
 * adds no job (the unique index on schedule_id, fire_at).
 */
const ENQUEUE_SQL = `
  WITH t AS (
    INSERT INTO task (type, payload, max_attempts, priority, queue_name, created_by, run_at, visibility, schedule_id, fire_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $9, $10, $11)
    ON CONFLICT (schedule_id, fire_at) DO NOTHING
    RETURNING *
  ), j AS (
    SELECT graphile_worker.add_job(t.type, json_build_object('taskId', t.id), queue_name := t.queue_name,
      run_at := t.run_at, max_attempts := $8, job_key := t.id::text, priority := t.priority) AS job
    FROM t
  )
  SELECT t.*, (SELECT count(*) FROM j) AS jobs FROM t`;

const RETRY_SQL = `
  WITH t AS (
    UPDATE task SET status = 'pending', max_attempts = attempts + $2, error = NULL, result = NULL, run_id = NULL,
      finished_at = NULL, cancel_requested_at = NULL, run_at = NULL, progress_current = 0, progress_total = NULL,
      progress_message = NULL, success_count = 0, failure_count = 0
    WHERE id = $1 AND status IN ('failed', 'cancelled')
    RETURNING *
  ), j AS (
    SELECT graphile_worker.add_job(t.type, json_build_object('taskId', t.id), queue_name := t.queue_name,
      max_attempts := $3, job_key := t.id::text, priority := t.priority) AS job
    FROM t
  )
  SELECT t.*, (SELECT count(*) FROM j) AS jobs FROM t`;

/**
 * The tasks of many schedule fires in one statement (a minute of per-minute schedules is thousands at once), their
 * jobs added by one call of graphile-worker's bulk `add_jobs` (its `add_job` per row costs about a millisecond
 * each). A task made ahead by the tick waits for its fire time in `run_at`, as its job does. As in ENQUEUE_SQL, a
 * fire that already has its task inserts nothing and adds no job.
 */
const ENQUEUE_FIRES_SQL = `
  WITH t AS (
    INSERT INTO task (type, payload, max_attempts, queue_name, visibility, schedule_id, fire_at, run_at)
    SELECT * FROM unnest($1::text[], $2::jsonb[], $3::int[], $4::text[], $5::text[], $6::uuid[], $7::timestamptz[], $8::timestamptz[])
    ON CONFLICT (schedule_id, fire_at) DO NOTHING
    RETURNING *
  ), j AS (
    SELECT graphile_worker.add_jobs(array_agg((t.type, json_build_object('taskId', t.id), t.queue_name, t.run_at,
      t.max_attempts + $9, t.id::text, t.priority, NULL)::graphile_worker.job_spec)) AS job
    FROM t HAVING count(*) > 0
  )
  SELECT t.*, (SELECT count(*) FROM j) AS jobs FROM t`;

/** `ahead`: made by the tick before its fire time, so it waits until then (run_at); otherwise it runs at once. */
export type FireTask = { type: string; payload: unknown; scheduleId: string; fireAt: Date; ahead?: boolean };

/**
 * graphile-worker's own attempts only matter when a worker dies or cannot write a task's outcome: Taskline counts
 * attempts on the task row. These spare job attempts let such a job come back (see worker/execute-task.ts).
 */
export const SPARE_JOB_ATTEMPTS = 5;

export class TaskService {
  constructor(
    private readonly ds: DataSource,
    private readonly registry: TaskTypeRegistry,
  ) {}

  /**
   * Validates the payload and enqueues. Pass `manager` to enqueue inside a transaction of your own. Idempotent per
   * schedule fire: enqueueing a fire that already has its task returns that task.
   */
  async enqueue(type: string, payload: unknown, opts: EnqueueOptions = {}, manager: EntityManager = this.ds.manager): Promise<Task> {
    const taskType = this.registry.get(type);
    const valid = this.registry.parsePayload(type, payload);
    const queue = taskType.queue?.(valid as never) ?? null;
    const rows = await manager.query(ENQUEUE_SQL, [
      type,
      JSON.stringify(valid),
      taskType.maxAttempts,
      opts.priority ?? 0,
      queue,
      opts.createdById ?? null,
      opts.runAt ?? null,
      taskType.maxAttempts + SPARE_JOB_ATTEMPTS,
      opts.visibility ?? taskType.visibility,
      opts.scheduleId ?? null,
      opts.fireAt ?? null,
    ]);
    if (!rows[0] && opts.scheduleId) {
      const existing = await manager.query(`SELECT * FROM task WHERE schedule_id = $1 AND fire_at = $2`, [opts.scheduleId, opts.fireAt]);
      return taskFromRow(existing[0]);
    }
    return taskFromRow(rows[0]);
  }

  /**
   * The tasks of schedule fires, shared and at normal priority, in one statement; payloads must be valid already
   * (`parseFirePayload`). Returns each fire's task, the existing one for a fire that had it.
   */
  async enqueueFires(fires: FireTask[], manager: EntityManager): Promise<Task[]> {
    if (!fires.length) return [];
    const types = fires.map((f) => this.registry.get(f.type));
    const inserted: Record<string, unknown>[] = await manager.query(ENQUEUE_FIRES_SQL, [
      fires.map((f) => f.type),
      fires.map((f) => JSON.stringify(f.payload)),
      types.map((t) => t.maxAttempts),
      fires.map((f, i) => types[i]!.queue?.(f.payload as never) ?? null),
      fires.map(() => "shared"),
      fires.map((f) => f.scheduleId),
      fires.map((f) => f.fireAt),
      fires.map((f) => (f.ahead ? f.fireAt : null)),
      SPARE_JOB_ATTEMPTS,
    ]);
    const key = (scheduleId: unknown, fireAt: Date) => `${scheduleId}|${fireAt.getTime()}`;
    const byFire = new Map(inserted.map((r) => [key(r.schedule_id, r.fire_at as Date), taskFromRow(r)]));
    // A fire that already had its task (a repeated fire job) inserted nothing: read those, and only those.
    const known = fires.filter((f) => !byFire.has(key(f.scheduleId, f.fireAt)));
    if (known.length) {
      const rows: Record<string, unknown>[] = await manager.query(
        `SELECT t.* FROM task t JOIN unnest($1::uuid[], $2::timestamptz[]) AS f (schedule_id, fire_at) USING (schedule_id, fire_at)`,
        [known.map((f) => f.scheduleId), known.map((f) => f.fireAt)],
      );
      for (const r of rows) byFire.set(key(r.schedule_id, r.fire_at as Date), taskFromRow(r));
    }
    return fires.map((f) => byFire.get(key(f.scheduleId, f.fireAt))!);
  }

  /** A schedule's payload checked against its task type now (the type or its schema may have changed since). */
  parseFirePayload(type: string, payload: unknown): unknown {
    return this.registry.parsePayload(type, payload);
  }

  async get(id: string): Promise<Task | null> {
    if (!isUuid(id)) return null;
    const rows = await this.ds.query(`SELECT * FROM task WHERE id = $1`, [id]);
    return rows[0] ? taskFromRow(rows[0]) : null;
  }

  async getOrFail(id: string): Promise<Task> {
    const task = await this.get(id);
    if (!task) throw new NotFoundError("Task", id);
    return task;
  }

  /** The task if the viewer may see it: FORBIDDEN for someone else's private task. */
  async getFor(viewer: Viewer, id: string): Promise<Task | null> {
    const task = await this.get(id);
    if (task && !canSeeTask(viewer, task)) throw new ForbiddenError("This task is private to the user who started it");
    return task;
  }

  async loadMany(ids: string[]): Promise<Task[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const rows = await this.ds.query(`SELECT * FROM task WHERE id = ANY($1::uuid[])`, [valid]);
    return rows.map(taskFromRow);
  }

  async loadChangedSince(since: Date): Promise<Task[]> {
    const rows = await this.ds.query(`SELECT * FROM task WHERE updated_at >= $1 ORDER BY updated_at LIMIT 10000`, [since]);
    return rows.map(taskFromRow);
  }

  /** Newest first. */
  async list(viewer: Viewer, args: { first: number; after?: string | null; filter?: TaskFilterArgs | null }): Promise<Connection<Task>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (viewer.role !== Role.ADMIN) where.push(`(visibility = 'shared' OR created_by = $${params.push(viewer.userId)})`);
    if (args.filter?.status?.length) where.push(`status = ANY($${params.push(args.filter.status)})`);
    if (args.filter?.type?.length) where.push(`type = ANY($${params.push(args.filter.type)})`);
    const filterSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM task ${filterSql}`, params);
    const cursor = decodeCursor(args.after);
    if (cursor) where.push(`(created_at, id) < ($${params.push(cursor.at)}::timestamptz, $${params.push(cursor.id)}::uuid)`);
    const pageSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const rows = await this.ds.query(`SELECT * FROM task ${pageSql} ORDER BY created_at DESC, id DESC LIMIT $${params.push(args.first + 1)}`, params);
    return toConnection(rows.map(taskFromRow), args.first, count, (t) => t.createdAt);
  }

  /** The per-item failures of the task's current attempt, oldest first. */
  async itemErrors(task: Pick<Task, "id" | "attempts">, first: number): Promise<TaskItemError[]> {
    const rows = await this.ds.query(
      `SELECT item_key, item_label, message, attempt, created_at FROM task_item_error WHERE task_id = $1 AND attempt = $2 ORDER BY id LIMIT $3`,
      [task.id, task.attempts, first],
    );
    return rows.map((r: Record<string, any>) =>
      Object.assign(new TaskItemError(), { itemKey: r.item_key, itemLabel: r.item_label, message: r.message, attempt: r.attempt, createdAt: r.created_at }),
    );
  }

  async loadDetails(id: string): Promise<{ payload: unknown; result: unknown } | undefined> {
    const rows = await this.ds.query(`SELECT payload, result FROM task WHERE id = $1`, [id]);
    return rows[0];
  }

  /**
   * A waiting task leaves the queue and is CANCELLED at once. A running one is flagged and its worker, wherever it
   * is, is told through NOTIFY; the worker aborts the task's signal and writes CANCELLED when `run` returns.
   */
  async cancel(viewer: Viewer, id: string): Promise<Task> {
    if (!isUuid(id)) throw new NotFoundError("Task", id);
    return this.ds.transaction(async (m) => {
      const [current] = await m.query(`SELECT status, created_by, visibility FROM task WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw new NotFoundError("Task", id);
      if (!canSeeTask(viewer, { createdById: current.created_by, visibility: current.visibility })) throw new ForbiddenError("This task is private to the user who started it");
      const status = current.status as TaskStatus;
      if (status === TaskStatus.PENDING || status === TaskStatus.RETRYING) {
        // A job a worker has just locked is not deleted; the worker's claim then finds the task cancelled.
        await m.query(`SELECT graphile_worker.remove_job($1)`, [id]);
        const rows = await m.query(
          `UPDATE task SET status = 'cancelled', cancel_requested_at = now(), finished_at = now(), run_at = NULL,
             error = 'Cancelled before it started' WHERE id = $1 RETURNING *`,
          [id],
        );
        return taskFromRow(updatedRows(rows)[0]);
      }
      if (status === TaskStatus.RUNNING) {
        const rows = await m.query(`UPDATE task SET cancel_requested_at = coalesce(cancel_requested_at, now()) WHERE id = $1 RETURNING *`, [id]);
        await m.query(`SELECT pg_notify($1, $2)`, [CANCEL_CHANNEL, id]);
        return taskFromRow(updatedRows(rows)[0]);
      }
      throw new TaskNotCancellableError(id, status);
    });
  }

  /** A FAILED or CANCELLED task runs again: a new attempt with the task type's attempts available again. */
  async retry(viewer: Viewer, id: string): Promise<Task> {
    const task = await this.getOrFail(id);
    if (!canSeeTask(viewer, task)) throw new ForbiddenError("This task is private to the user who started it");
    const type = this.registry.get(task.type);
    const rows = await this.ds.query(RETRY_SQL, [id, type.maxAttempts, type.maxAttempts + SPARE_JOB_ATTEMPTS]);
    if (!rows[0]) throw new TaskNotRetryableError(id, (await this.getOrFail(id)).status);
    return taskFromRow(rows[0]);
  }
}

/** TypeORM answers a top-level UPDATE ... RETURNING with [rows, affected]; a SELECT with the rows alone. */
function updatedRows(result: unknown[]): Record<string, unknown>[] {
  return (Array.isArray(result[0]) ? result[0] : result) as Record<string, unknown>[];
}


