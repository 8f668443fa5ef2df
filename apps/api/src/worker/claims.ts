import type pg from "pg";
import { TurnBatcher } from "../lib/turn-batcher.js";

/**
 * Claims an attempt of each task. It also takes a RUNNING task: that is the job of a worker that died, unlocked by
 * the sweeper, and the new run_id fences off any write the old attempt might still make.
 *
 * Claims made in the same turn of the event loop (a worker with a local queue starts several jobs at once) go to
 * the database as one statement (lib/turn-batcher.ts): each claim's UPDATE publishes a NOTIFY, and NOTIFY serialises
 * commits.
 */
const CLAIM_SQL = `
  UPDATE task t SET status = 'running', attempts = t.attempts + 1, run_id = v.run_id, started_at = now(),
    finished_at = NULL, run_at = NULL, progress_current = 0, progress_total = NULL, progress_message = NULL,
    success_count = 0, failure_count = 0, error = NULL, worker_id = v.worker_id
  FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS v(id, run_id, worker_id)
  WHERE t.id = v.id AND t.status IN ('pending', 'retrying', 'running')
  RETURNING t.id, t.attempts, t.max_attempts, t.payload, t.cancel_requested_at`;

export type Claimed = { id: string; attempts: number; max_attempts: number; payload: unknown; cancel_requested_at: Date | null };

type ClaimRequest = { taskId: string; runId: string; workerId: string | null };

export class ClaimBatcher {
  private readonly batcher = new TurnBatcher((batch: ClaimRequest[]) => this.claimAll(batch));

  constructor(private readonly pool: pg.Pool) {}

  /** The claimed row, or undefined when the task was cancelled or deleted before it started. */
  claim(taskId: string, runId: string, workerId: string | null): Promise<Claimed | undefined> {
    return this.batcher.add({ taskId, runId, workerId });
  }

  private async claimAll(batch: ClaimRequest[]): Promise<Array<Claimed | undefined>> {
    // One entry per task: a duplicate in one UPDATE ... FROM would be applied once, arbitrarily; later ones get none.
    const first = new Map<string, number>();
    batch.forEach((c, i) => first.has(c.taskId) || first.set(c.taskId, i));
    const unique = [...first.values()].map((i) => batch[i]!);
    const { rows } = await this.pool.query<Claimed>(CLAIM_SQL, [unique.map((c) => c.taskId), unique.map((c) => c.runId), unique.map((c) => c.workerId)]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return batch.map((c, i) => (first.get(c.taskId) === i ? byId.get(c.taskId) : undefined));
  }
}
