import type { WorkerUtils } from "graphile-worker";
import type { DataSource } from "typeorm";

/**
 * The statements of the retention clean-up (tasks/system/retention_cleanup.ts). Each removes at most `limit` rows,
 * so no statement holds locks for long or bloats one transaction, and the caller can report and stop between them.
 */

/**
 * A task another row points at through a foreign key that does not cascade (a schedule's last fire, a report
 * that links its task) is still needed by that row: it stays. Item errors cascade and go with their task. Read
 * from the catalog so tables added later are covered without touching this file.
 */
export async function referencesToKeep(db: DataSource): Promise<string> {
  const rows: Array<{ tbl: string; col: string }> = await db.query(`
    SELECT c.conrelid::regclass::text AS tbl, quote_ident(a.attname) AS col
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.confrelid = 'task'::regclass AND c.confdeltype <> 'c' AND cardinality(c.conkey) = 1`);
  return rows.map((r) => `AND NOT EXISTS (SELECT 1 FROM ${r.tbl} ref WHERE ref.${r.col} = t.id)`).join("\n");
}

/** Finished tasks older than the cutoff, as the clean-up would remove them (for the progress total). */
export async function countFinishedTasks(db: DataSource, cutoff: Date, keep: string): Promise<number> {
  const [{ n }] = await db.query(
    `SELECT count(*)::int AS n FROM task t WHERE t.status IN ('completed', 'failed', 'cancelled') AND t.finished_at < $1 ${keep}`,
    [cutoff],
  );
  return n;
}

/**
 * Deletes up to `limit` finished tasks (oldest first) and, by cascade, their item errors. The status is checked
 * again under the row lock, so a task retried meanwhile (back to PENDING) stays; rows locked by a writer are
 * skipped this round, never waited for.
 */
export async function deleteFinishedTasks(db: DataSource, cutoff: Date, keep: string, limit: number): Promise<number> {
  const [{ n }] = await db.query(
    `WITH doomed AS (
       SELECT t.id FROM task t
       WHERE t.status IN ('completed', 'failed', 'cancelled') AND t.finished_at < $1 ${keep}
       ORDER BY t.finished_at
       LIMIT $2
       FOR UPDATE SKIP LOCKED
     ), d AS (DELETE FROM task USING doomed WHERE task.id = doomed.id RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [cutoff, limit],
  );
  return n;
}

export async function countSentOutbox(db: DataSource, cutoff: Date): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE status = 'sent' AND sent_at < $1`, [cutoff]);
  return n;
}

/** Sent mail older than the cutoff; FAILED and HELD rows stay for admins to read. */
export async function deleteSentOutbox(db: DataSource, cutoff: Date, limit: number): Promise<number> {
  const [{ n }] = await db.query(
    `WITH d AS (
       DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE status = 'sent' AND sent_at < $1 ORDER BY sent_at LIMIT $2)
       RETURNING 1
     ) SELECT count(*)::int AS n FROM d`,
    [cutoff, limit],
  );
  return n;
}

/** Permanently failed graphile-worker jobs (attempts used up), unlocked and untouched since the cutoff. */
export async function permanentlyFailedJobIds(db: DataSource, cutoff: Date, limit: number): Promise<string[]> {
  const rows: Array<{ id: string }> = await db.query(
    `SELECT id::text AS id FROM graphile_worker.jobs
     WHERE attempts >= max_attempts AND locked_at IS NULL AND updated_at < $1
     ORDER BY id LIMIT $2`,
    [cutoff, limit],
  );
  return rows.map((r) => r.id);
}

/** graphile-worker's own API: `completeJobs` deletes unlocked jobs, failed ones included. */
export async function deleteJobs(workerUtils: WorkerUtils, ids: string[]): Promise<number> {
  return ids.length ? (await workerUtils.completeJobs(ids)).length : 0;
}

/**
 * Named queues no job uses any more (one per device accumulates). GC_TASK_IDENTIFIERS is left out on purpose:
 * running workers cache identifier ids, and deleting one under a worker of another release stalls its jobs.
 */
export async function collectJobQueues(workerUtils: WorkerUtils): Promise<void> {
  await workerUtils.cleanup({ tasks: ["GC_JOB_QUEUES"] });
}
