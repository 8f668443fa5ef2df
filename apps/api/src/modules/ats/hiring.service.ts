import type { DataSource, EntityManager } from "typeorm";
import { NotFoundError } from "../../graphql/errors.js";
import { isUuid } from "../../lib/validate.js";
import type { AuditService } from "../identity/audit.service.js";
import type { Viewer } from "../identity/viewer.js";
import { Candidate } from "../recruiting/candidate.entity.js";
import { HiringStatus } from "../recruiting/hiring-status.js";
import type { TaskService } from "../tasks/task.service.js";
import { SYNC_HIRED_CANDIDATES } from "./ats-sync.service.js";
import { rowsOf } from "./sql.js";

/**
 * Moves candidates through the hiring funnel. A move to HIRED queues the posting's auto-sync, debounced: the first
 * hire of a burst enqueues a sync task to run `delayMs` later, and each further hire pushes that job's run_at back
 * (graphile-worker's job, keyed by the task id, rescheduled while nobody has locked it). One sync then sends the
 * whole burst.
 */
export class HiringService {
  constructor(
    private readonly ds: DataSource,
    private readonly tasks: TaskService,
    private readonly audit: AuditService,
    private readonly delayMs: number,
  ) {}

  async move(viewer: Viewer, candidateId: string, status: HiringStatus, ip?: string): Promise<{ candidate: Candidate; autoSyncTaskId: string | null }> {
    if (!isUuid(candidateId)) throw new NotFoundError("Candidate", candidateId);
    const result = await this.ds.transaction(async (m) => {
      const [row] = rowsOf(await m.query(
        `UPDATE candidate c SET hiring_status = $2,
           hiring_status_changed_at = CASE WHEN o.old = $2 THEN c.hiring_status_changed_at ELSE now() END, updated_at = now()
         FROM (SELECT id, hiring_status AS old FROM candidate WHERE id = $1 FOR UPDATE) o
         WHERE c.id = o.id RETURNING c.id, c.job_posting_id, o.old`,
        [candidateId, status],
      ));
      if (!row) throw new NotFoundError("Candidate", candidateId);
      const autoSyncTaskId = status === HiringStatus.HIRED && row.old !== HiringStatus.HIRED ? await this.queueAutoSync(m, row.job_posting_id, viewer.userId) : null;
      return { old: row.old as string, autoSyncTaskId };
    });
    await this.audit.record(viewer, "CANDIDATE_STATUS_CHANGED", { type: "Candidate", id: candidateId }, { from: result.old.toUpperCase(), to: status.toUpperCase(), autoSyncTaskId: result.autoSyncTaskId }, ip);
    const candidate = await this.ds.getRepository(Candidate).findOneByOrFail({ id: candidateId });
    return { candidate, autoSyncTaskId: result.autoSyncTaskId };
  }

  /** The debounced auto-sync of a posting; null when no enabled source receives it. */
  private async queueAutoSync(m: EntityManager, jobPostingId: string, userId: string): Promise<string | null> {
    const [receiving] = await m.query(
      `SELECT 1 FROM ats_source WHERE enabled AND (job_posting_ids IS NULL OR $1 = ANY(job_posting_ids)) LIMIT 1`,
      [jobPostingId],
    );
    if (!receiving) return null;
    // Serialises hires of one posting, so two concurrent ones cannot both create a pending auto-sync.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('ats.auto_sync:' || $1))`, [jobPostingId]);
    const runAt = new Date(Date.now() + this.delayMs);
    const [pending] = await m.query(
      `SELECT t.id FROM task t WHERE t.type = $1 AND t.status = 'pending' AND t.payload->>'jobPostingId' = $2 AND t.payload->>'trigger' = 'auto'
       ORDER BY t.created_at DESC LIMIT 1`,
      [SYNC_HIRED_CANDIDATES, jobPostingId],
    );
    if (pending) {
      // Only a job no worker holds yet is moved; a locked one is starting now and the new hire gets a sync of its own.
      const moved = await m.query(
        `SELECT r.id FROM graphile_worker.reschedule_jobs((SELECT array_agg(id) FROM graphile_worker.jobs WHERE key = $1), run_at := $2) r`,
        [pending.id, runAt],
      );
      if (moved.length) {
        await m.query(`UPDATE task SET run_at = $2 WHERE id = $1`, [pending.id, runAt]);
        return pending.id;
      }
    }
    const task = await this.tasks.enqueue(SYNC_HIRED_CANDIDATES, { jobPostingId, trigger: "auto", startedBy: userId }, { createdById: userId, runAt, visibility: "shared" }, m);
    return task.id;
  }
}
