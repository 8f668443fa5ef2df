import type pg from "pg";

/**
 * Claims an attempt of each task. It also takes a RUNNING task: that is the job of a worker that died, unlocked by
 * the sweeper, and the new run_id fences off any write the old attempt might still make.
 *
 * Claims made in the same turn of the event loop (a worker with a local queue starts several jobs at once) go to
 * the database as one statement: each claim's UPDATE publishes a NOTIFY, and NOTIFY serialises commits.
 */
const CLAIM_SQL = `
  UPDATE task t SET status = 'running', attempts = t.attempts + 1, run_id = v.run_id, started_at = now(),
    finished_at = NULL, run_at = NULL, progress_current = 0, progress_total = NULL, progress_message = NULL,
    success_count = 0, failure_count = 0, error = NULL, worker_id = v.worker_id
  FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS v(id, run_id, worker_id)
  WHERE t.id = v.id AND t.status IN ('pending', 'retrying', 'running')
  RETURNING t.id, t.attempts, t.max_attempts, t.payload, t.cancel_requested_at`;

export type Claimed = { id: string; attempts: number; max_attempts: number; payload: unknown; cancel_requested_at: Date | null };

type Pending = { taskId: string; runId: string; workerId: string | null; resolve: (c: Claimed | undefined) => void; reject: (e: unknown) => void };

export class ClaimBatcher {
  private pending: Pending[] = [];

  constructor(private readonly pool: pg.Pool) {}

  /** The claimed row, or undefined when the task was cancelled or deleted before it started. */
  claim(taskId: string, runId: string, workerId: string | null): Promise<Claimed | undefined> {
    return new Promise((resolve, reject) => {
      // One entry per task: a duplicate in one UPDATE ... FROM would be applied once, arbitrarily.
      if (this.pending.some((p) => p.taskId === taskId)) return resolve(undefined);
      this.pending.push({ taskId, runId, workerId, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const { rows } = await this.pool.query<Claimed>(CLAIM_SQL, [batch.map((p) => p.taskId), batch.map((p) => p.runId), batch.map((p) => p.workerId)]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const p of batch) p.resolve(byId.get(p.taskId));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
