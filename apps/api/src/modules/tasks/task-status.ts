import { registerEnumType } from "type-graphql";

/** Values are what the database and NOTIFY payloads hold; GraphQL clients see the keys. */
export enum TaskStatus {
  PENDING = "pending",
  RUNNING = "running",
  RETRYING = "retrying",
  COMPLETED = "completed",
  FAILED = "failed",
  CANCELLED = "cancelled",
}

registerEnumType(TaskStatus, {
  name: "TaskStatus",
  description: "Where a task is in its life. COMPLETED, FAILED and CANCELLED are final.",
  valuesConfig: {
    PENDING: { description: "Waiting for a worker (or for the time it may start)." },
    RUNNING: { description: "A worker is running it now." },
    RETRYING: { description: "The last attempt failed; another is scheduled (see attempts and runAt)." },
    COMPLETED: { description: "Finished; see result, successCount and failureCount." },
    FAILED: { description: "Out of attempts, timed out, or failed for good; see error." },
    CANCELLED: { description: "Cancelled by a user before it finished." },
  },
});

export const FINAL_STATUSES: ReadonlySet<TaskStatus> = new Set([TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED]);

export function isFinal(status: TaskStatus): boolean {
  return FINAL_STATUSES.has(status);
}

/** The statuses of a task that has not finished. */
export const OPEN_STATUSES: readonly TaskStatus[] = [TaskStatus.PENDING, TaskStatus.RUNNING, TaskStatus.RETRYING];

/**
 * SQL: task `t` is not one made ahead that still waits for its time (PENDING with a run_at after `now`: a fire the
 * schedule engine planned, or a delayed enqueue). A RETRYING task waiting out its backoff is still under way.
 */
export const notWaitingAhead = (t: string, now: string): string =>
  `NOT (${t}.status = 'pending' AND ${t}.run_at IS NOT NULL AND ${t}.run_at > ${now})`;
