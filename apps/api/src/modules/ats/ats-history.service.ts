import type { DataSource } from "typeorm";
import { isUuid } from "../../lib/validate.js";

export type SyncRunRecord = {
  id: string; taskId: string | null; jobPostingId: string | null; sourceIds: string[] | null; trigger: string; startedById: string | null;
  startedByEmail: string | null; status: string; attempts: number; pairsTotal: number; synced: number; unchanged: number; failed: number;
  startedAt: Date; finishedAt: Date | null;
};
export type SyncResultRecord = {
  pairId: string; candidateId: string; candidateName: string; sourceId: string; sourceName: string; outcome: string;
  remoteStatus: number | null; remoteId: string | null; message: string | null; calls: number; at: Date;
};
export type SyncStatRecord = { day: string; sourceId: string; sourceName: string; synced: number; unchanged: number; failed: number; successRate: number };
export type PairStateRecord = {
  sourceId: string; sourceName: string; remoteId: string | null; syncedAt: Date | null; lastOutcome: string | null; lastStatus: number | null; lastMessage: string | null;
};

const runFromRow = (r: Record<string, any>): SyncRunRecord => ({
  id: r.id, taskId: r.task_id, jobPostingId: r.job_posting_id, sourceIds: r.source_ids, trigger: String(r.trigger).toUpperCase(), startedById: r.started_by,
  startedByEmail: r.email ?? null, status: String(r.status).toUpperCase(), attempts: r.attempts, pairsTotal: r.pairs_total, synced: r.synced, unchanged: r.unchanged,
  failed: r.failed, startedAt: r.started_at, finishedAt: r.finished_at,
});

/** Reads of the sync history: runs, per-pair results, success rates per source and day, pair state per candidate. */
export class AtsHistoryService {
  constructor(private readonly ds: DataSource) {}

  async runs(first: number, jobPostingId?: string | null): Promise<SyncRunRecord[]> {
    const rows = await this.ds.query(
      `SELECT r.*, u.email FROM ats_sync_run r LEFT JOIN app_user u ON u.id = r.started_by
       WHERE ($1::uuid IS NULL OR r.job_posting_id = $1) ORDER BY r.started_at DESC, r.id DESC LIMIT $2`,
      [jobPostingId && isUuid(jobPostingId) ? jobPostingId : null, first],
    );
    return rows.map(runFromRow);
  }

  /** The run of a sync task (the task id is what the SPA holds). */
  async runOfTask(taskId: string): Promise<SyncRunRecord | null> {
    if (!isUuid(taskId)) return null;
    const [r] = await this.ds.query(`SELECT r.*, u.email FROM ats_sync_run r LEFT JOIN app_user u ON u.id = r.started_by WHERE r.task_id = $1`, [taskId]);
    return r ? runFromRow(r) : null;
  }

  async results(runId: string, first: number): Promise<SyncResultRecord[]> {
    const rows = await this.ds.query(
      `SELECT r.*, c.name AS candidate_name, s.name AS source_name FROM ats_sync_result r
       JOIN candidate c ON c.id = r.candidate_id JOIN ats_source s ON s.id = r.source_id
       WHERE r.run_id = $1 ORDER BY (r.outcome = 'failed') DESC, r.at DESC LIMIT $2`,
      [runId, first],
    );
    return rows.map((r: Record<string, any>) => ({
      pairId: r.pair_id, candidateId: r.candidate_id, candidateName: r.candidate_name, sourceId: r.source_id, sourceName: r.source_name,
      outcome: r.outcome, remoteStatus: r.remote_status, remoteId: r.remote_id, message: r.message, calls: r.calls, at: r.at,
    }));
  }

  /** Per source and UTC day over the last `days` days: outcomes and the share that succeeded (synced or unchanged). */
  async stats(days: number): Promise<SyncStatRecord[]> {
    const rows = await this.ds.query(
      `SELECT to_char(date_trunc('day', r.at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, r.source_id, s.name,
              count(*) FILTER (WHERE outcome = 'synced')::int AS synced, count(*) FILTER (WHERE outcome = 'unchanged')::int AS unchanged,
              count(*) FILTER (WHERE outcome = 'failed')::int AS failed
       FROM ats_sync_result r JOIN ats_source s ON s.id = r.source_id
       WHERE r.at >= now() - make_interval(days => $1) GROUP BY 1, 2, 3 ORDER BY 1 DESC, 3`,
      [days],
    );
    return rows.map((r: Record<string, any>) => {
      const total = r.synced + r.unchanged + r.failed;
      return { day: r.day, sourceId: r.source_id, sourceName: r.name, synced: r.synced, unchanged: r.unchanged, failed: r.failed, successRate: total ? (r.synced + r.unchanged) / total : 0 };
    });
  }

  async pairStates(candidateId: string): Promise<PairStateRecord[]> {
    const rows = await this.ds.query(
      `SELECT p.*, s.name FROM ats_sync_pair p JOIN ats_source s ON s.id = p.source_id WHERE p.candidate_id = $1 ORDER BY s.name`,
      [candidateId],
    );
    return rows.map((r: Record<string, any>) => ({
      sourceId: r.source_id, sourceName: r.name, remoteId: r.remote_id, syncedAt: r.synced_at, lastOutcome: r.last_outcome, lastStatus: r.last_status, lastMessage: r.last_message,
    }));
  }

  async hiredCandidateIds(jobPostingId: string): Promise<string[]> {
    if (!isUuid(jobPostingId)) return [];
    const rows = await this.ds.query(`SELECT id FROM candidate WHERE job_posting_id = $1 AND hiring_status = 'hired' ORDER BY hiring_status_changed_at, id`, [jobPostingId]);
    return rows.map((r: { id: string }) => r.id);
  }
}
