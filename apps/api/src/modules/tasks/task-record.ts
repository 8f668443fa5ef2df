import { Task } from "./task.entity.js";
import type { TaskStatus } from "./task-status.js";

type Row = Record<string, any>;

/** A task from a raw `RETURNING *` / `SELECT *` row (the hot paths use SQL, not the ORM). */
export function taskFromRow(row: Row): Task {
  return Object.assign(new Task(), {
    id: row.id,
    type: row.type,
    status: row.status as TaskStatus,
    payload: row.payload,
    result: row.result,
    error: row.error,
    progressCurrent: row.progress_current,
    progressTotal: row.progress_total,
    progressMessage: row.progress_message,
    successCount: row.success_count,
    failureCount: row.failure_count,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runId: row.run_id,
    cancelRequestedAt: row.cancel_requested_at,
    runAt: row.run_at,
    priority: row.priority,
    queueName: row.queue_name,
    createdById: row.created_by,
    visibility: row.visibility,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
    version: row.version,
  });
}

const date = (ms: number | null): Date | null => (ms == null ? null : new Date(ms));

/**
 * A task from one entry of a `taskline_task` NOTIFY payload (field order: the `task_event` function in the
 * migration, and docs/progress-protocol.md). `payload` and `result` stay undefined: not carried, loaded on demand.
 */
export function taskFromEvent(e: unknown[]): Task {
  return Object.assign(new Task(), {
    id: e[0] as string,
    version: e[1] as number,
    status: e[2] as TaskStatus,
    type: e[3] as string,
    progressCurrent: e[4] as number,
    progressTotal: e[5] as number | null,
    progressMessage: e[6] as string | null,
    successCount: e[7] as number,
    failureCount: e[8] as number,
    attempts: e[9] as number,
    maxAttempts: e[10] as number,
    error: e[11] as string | null,
    cancelRequestedAt: e[12] ? new Date(e[17] as number) : null,
    createdById: e[13] as string | null,
    createdAt: date(e[14] as number),
    startedAt: date(e[15] as number | null),
    finishedAt: date(e[16] as number | null),
    updatedAt: date(e[17] as number),
    runAt: date(e[18] as number | null),
    visibility: e[19] as "private" | "shared",
  });
}
