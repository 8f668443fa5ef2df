import type { DataSource } from "typeorm";
import type { Logger } from "../../lib/logger.js";
import type { AuditService } from "../identity/audit.service.js";
import { type AtsSourceRecord, type CandidateView, type Credentials, splitName } from "./ats-source.model.js";
import type { AtsSourceService } from "./ats-source.service.js";
import type { CircuitBreakers } from "./circuit-breaker.js";
import { authHeaders, buildRequest, type CallOutcome, contentHash, scrub, send, type SourceRequest } from "./connectors.js";
import { OAuthError, type OAuthTokens } from "./oauth.js";
import { rowsOf } from "./sql.js";

export const SYNC_HIRED_CANDIDATES = "ats.sync_hired_candidates";
export const SYNC_PENDING = "ats.sync_pending";
/** Retries of one pair's call after network errors and 5xx (so at most 4 calls). */
export const PAIR_RETRIES = 3;

export type SyncTrigger = "manual" | "auto" | "schedule";
export type SyncPayload = { jobPostingId?: string; sourceIds?: string[]; trigger: SyncTrigger; startedBy?: string | null };
export type PairOutcome = "synced" | "unchanged" | "failed";
export type SyncSummary = { runId: string; total: number; synced: number; unchanged: number; failed: number; sources: Array<{ sourceId: string; name: string; synced: number; unchanged: number; failed: number }> };

/** What a sync needs of its task: the task contract's context, narrowed. */
export type SyncContext = {
  taskId: string;
  signal: AbortSignal;
  log: Logger;
  progress(current: number, total?: number | null, message?: string): void;
  itemSucceeded(): void;
  itemFailed(item: { key: string; label?: string }, error: unknown): void;
};

type Pair = { id: string; source: AtsSourceRecord; keys: SourceKeys; candidate: CandidateView; syncedHash: string | null; request: Omit<SourceRequest, "headers"> & { headers: Record<string, string> }; hash: string };
/** A source's decrypted credentials, opened once per run, and every secret value to scrub from messages. */
type SourceKeys = { credentials: Credentials; secrets: string[] };

export type SyncOptions = { timeoutMs: number; retryBaseMs: number };

/**
 * Sends hired candidates to ATS sources (docs/ats-sync.md). Each (candidate, source) pair is one unit: skipped when
 * the source already has the same content, else sent with an Idempotency-Key of pair id and content hash, retried
 * on network errors and 5xx, and committed right after its call, so a retried task never sends a pair twice.
 */
export class AtsSyncService {
  constructor(
    private readonly ds: DataSource,
    private readonly sources: AtsSourceService,
    private readonly tokens: OAuthTokens,
    private readonly breakers: CircuitBreakers,
    private readonly audit: AuditService,
    private readonly opts: SyncOptions,
  ) {}

  async run(ctx: SyncContext, payload: SyncPayload): Promise<SyncSummary> {
    const { signal } = ctx;
    const [run] = await this.ds.query(
      `INSERT INTO ats_sync_run (task_id, job_posting_id, source_ids, trigger, started_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (task_id) DO UPDATE SET attempts = ats_sync_run.attempts + 1, status = 'running', finished_at = NULL RETURNING id`,
      [ctx.taskId, payload.jobPostingId ?? null, payload.sourceIds ?? null, payload.trigger, payload.startedBy ?? null],
    );
    const runId: string = run.id;
    try {
      const pairs = await this.plan(payload);
      const total = pairs.length;
      let done = 0;
      ctx.progress(0, total, total ? `Syncing ${total} candidate-source pairs` : "No hired candidates to sync");
      const bySource = new Map<string, Pair[]>();
      for (const p of pairs) bySource.set(p.source.id, [...(bySource.get(p.source.id) ?? []), p]);
      await Promise.all(
        [...bySource.values()].map((list) =>
          eachLimit(list, list[0]!.source.concurrency, async (pair) => {
            if (signal.aborted) throw signal.reason;
            const outcome = await this.syncPair(ctx, runId, pair);
            done++;
            ctx.progress(done, total, `${pair.candidate.name} → ${pair.source.name}: ${outcome}`);
          }),
        ),
      );
      const summary = await this.finish(runId, "completed");
      ctx.progress(total, total, `Synced ${summary.synced}, unchanged ${summary.unchanged}, failed ${summary.failed}`);
      await this.recordAudit(payload, runId, ctx.taskId, summary);
      return summary;
    } catch (err) {
      await this.finish(runId, "failed").catch(() => {});
      throw err;
    }
  }

  /** Hired candidates of the posting (or of every posting) × the enabled sources that receive it. */
  private async plan(payload: SyncPayload): Promise<Pair[]> {
    const allSources = (await this.sources.list()).filter((s) => s.enabled && (!payload.sourceIds?.length || payload.sourceIds.includes(s.id)));
    if (!allSources.length) return [];
    const rows: Array<Record<string, any>> = await this.ds.query(
      `SELECT c.id, c.name, c.email, c.resume_text, c.hiring_status, c.hiring_status_changed_at, c.job_posting_id, p.title
       FROM candidate c JOIN job_posting p ON p.id = c.job_posting_id
       WHERE c.hiring_status = 'hired' AND ($1::uuid IS NULL OR c.job_posting_id = $1) ORDER BY c.created_at, c.id`,
      [payload.jobPostingId ?? null],
    );
    const wanted: Array<{ candidate: CandidateView; source: AtsSourceRecord }> = [];
    for (const r of rows) {
      const candidate: CandidateView = {
        candidateId: r.id,
        name: r.name,
        ...splitName(r.name),
        email: r.email,
        resumeText: r.resume_text,
        hiringStatus: String(r.hiring_status).toUpperCase(),
        hiredAt: r.hiring_status_changed_at ? new Date(r.hiring_status_changed_at).toISOString() : null,
        jobPostingId: r.job_posting_id,
        jobPostingTitle: r.title,
      };
      for (const source of allSources) if (!source.jobPostingIds || source.jobPostingIds.includes(r.job_posting_id)) wanted.push({ candidate, source });
    }
    if (!wanted.length) return [];
    const state: Array<Record<string, any>> = await this.ds.query(
      `WITH w AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS w(candidate_id, source_id)),
            ins AS (INSERT INTO ats_sync_pair (candidate_id, source_id) SELECT candidate_id, source_id FROM w ON CONFLICT DO NOTHING RETURNING id, candidate_id, source_id, synced_hash)
       SELECT id, candidate_id, source_id, synced_hash FROM ins
       UNION ALL SELECT p.id, p.candidate_id, p.source_id, p.synced_hash FROM ats_sync_pair p JOIN w USING (candidate_id, source_id)`,
      [wanted.map((w) => w.candidate.candidateId), wanted.map((w) => w.source.id)],
    );
    const byKey = new Map(state.map((s) => [`${s.candidate_id}:${s.source_id}`, s]));
    const keys = new Map(allSources.map((s) => [s.id, { credentials: this.sources.credentials(s), secrets: this.sources.secretsOf(s) }]));
    return wanted.map(({ candidate, source }) => {
      const s = byKey.get(`${candidate.candidateId}:${source.id}`)!;
      const request = buildRequest(source, candidate);
      return { id: s.id, source, keys: keys.get(source.id)!, candidate, syncedHash: s.synced_hash, request, hash: contentHash(request) };
    });
  }

  private async syncPair(ctx: SyncContext, runId: string, pair: Pair): Promise<PairOutcome> {
    const item = { key: `${pair.candidate.candidateId}:${pair.source.id}`, label: `${pair.candidate.name} → ${pair.source.name}` };
    if (pair.syncedHash === pair.hash) {
      await this.ds.query(
        `WITH p AS (UPDATE ats_sync_pair SET last_outcome = 'unchanged', last_attempt_at = now() WHERE id = $2)
         INSERT INTO ats_sync_result (run_id, pair_id, source_id, candidate_id, outcome, remote_id, message)
         SELECT $1, $2, $3, $4, 'unchanged', remote_id, 'Already synced with the same content' FROM ats_sync_pair WHERE id = $2
         ON CONFLICT (run_id, pair_id) DO UPDATE SET outcome = 'unchanged', at = now() WHERE ats_sync_result.outcome = 'failed'`,
        [runId, pair.id, pair.source.id, pair.candidate.candidateId],
      );
      ctx.itemSucceeded();
      return "unchanged";
    }
    const { outcome, calls } = await this.callWithRetries(ctx, pair);
    if (outcome.ok) {
      // Committed right after the call: a worker killed after this line never sends the pair again. A kill between
      // the call and this line is covered by the Idempotency-Key (docs/ats-sync.md, "Exactly one remote record").
      await this.ds.query(
        `WITH p AS (
           UPDATE ats_sync_pair SET synced_hash = $5, remote_id = coalesce($6, remote_id), synced_at = now(), last_outcome = 'synced',
             last_status = $7, last_message = $8, last_attempt_at = now() WHERE id = $2 RETURNING remote_id
         ), r AS (
           INSERT INTO ats_sync_result (run_id, pair_id, source_id, candidate_id, outcome, remote_status, remote_id, message, calls)
           SELECT $1, $2, $3, $4, 'synced', $7, p.remote_id, $8, $9 FROM p
           ON CONFLICT (run_id, pair_id) DO UPDATE SET outcome = 'synced', remote_status = $7, remote_id = excluded.remote_id, message = $8,
             calls = ats_sync_result.calls + $9, at = now()
         )
         SELECT taskline_emit_webhook('candidate.synced', jsonb_build_object('candidateId', $4::uuid, 'sourceId', $3::uuid, 'sourceName', $10::text,
           'remoteId', (SELECT remote_id FROM p), 'runId', $1::uuid))
         WHERE EXISTS (SELECT 1 FROM webhook_endpoint WHERE enabled AND 'candidate.synced' = ANY(events))`,
        [runId, pair.id, pair.source.id, pair.candidate.candidateId, pair.hash, outcome.remoteId, outcome.status, outcome.message, calls, pair.source.name],
      );
      ctx.itemSucceeded();
      return "synced";
    }
    await this.ds.query(
      `WITH p AS (UPDATE ats_sync_pair SET last_outcome = 'failed', last_status = $5, last_message = $6, last_attempt_at = now() WHERE id = $2)
       INSERT INTO ats_sync_result (run_id, pair_id, source_id, candidate_id, outcome, remote_status, message, calls)
       VALUES ($1, $2, $3, $4, 'failed', $5, $6, $7)
       ON CONFLICT (run_id, pair_id) DO UPDATE SET remote_status = $5, message = $6, calls = ats_sync_result.calls + $7, at = now()
       WHERE ats_sync_result.outcome = 'failed'`,
      [runId, pair.id, pair.source.id, pair.candidate.candidateId, outcome.status, outcome.message, calls],
    );
    ctx.itemFailed(item, new Error(outcome.message));
    return "failed";
  }

  /** One pair's call: network errors and 5xx retried PAIR_RETRIES times with exponential backoff and full jitter. */
  private async callWithRetries(ctx: SyncContext, pair: Pair): Promise<{ outcome: CallOutcome; calls: number }> {
    const open = this.breakers.check(pair.source.id);
    if (open) return { outcome: { ok: false, retryable: false, status: null, reason: "CONNECTION", message: `${pair.source.name}: ${open}` }, calls: 0 };
    const { secrets } = pair.keys;
    let outcome: CallOutcome | undefined;
    let calls = 0;
    for (let retry = 0; ; retry++) {
      calls++;
      outcome = await this.callOnce(ctx, pair, secrets);
      if (outcome.ok || !outcome.retryable || retry >= PAIR_RETRIES) break;
      const delay = this.opts.retryBaseMs * 2 ** retry;
      // Half to full delay: spreads the retries of a batch that failed together.
      await sleep(delay / 2 + Math.random() * (delay / 2), ctx.signal);
    }
    // The breaker watches the source's health: network trouble, 5xx and rejected credentials count; a 4xx about one
    // candidate's content (422) shows a source that answers, so it closes the count instead.
    const unhealthy = !outcome.ok && (outcome.retryable || ["UNAUTHORIZED", "DNS", "TLS"].includes(outcome.reason));
    if (unhealthy) this.breakers.failed(pair.source.id);
    else this.breakers.succeeded(pair.source.id);
    if (!outcome.ok) {
      ctx.log.warn({ sourceId: pair.source.id, pairId: pair.id, status: outcome.status, reason: outcome.reason, calls }, `ATS pair failed: ${outcome.message}`);
    }
    return { outcome, calls };
  }

  private async callOnce(ctx: SyncContext, pair: Pair, secrets: string[]): Promise<CallOutcome> {
    let auth: Record<string, string>;
    try {
      auth = await authHeaders(pair.source, pair.keys.credentials, this.tokens, ctx.signal, this.opts.timeoutMs);
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      return { ok: false, retryable: err.retryable, status: err.status, reason: err.status ? "UNAUTHORIZED" : "CONNECTION", message: scrub(err.message, secrets) };
    }
    const headers = { ...pair.request.headers, ...auth, "idempotency-key": `${pair.id}:${pair.hash}` };
    return send({ ...pair.request, headers }, pair.source, ctx.signal, this.opts.timeoutMs, secrets);
  }

  private async finish(runId: string, status: "completed" | "failed"): Promise<SyncSummary> {
    const [run] = rowsOf(await this.ds.query(
      `WITH c AS (SELECT count(*) FILTER (WHERE outcome = 'synced') AS s, count(*) FILTER (WHERE outcome = 'unchanged') AS u,
                         count(*) FILTER (WHERE outcome = 'failed') AS f FROM ats_sync_result WHERE run_id = $1)
       UPDATE ats_sync_run SET status = $2, finished_at = now(), synced = c.s, unchanged = c.u, failed = c.f, pairs_total = c.s + c.u + c.f
       FROM c WHERE id = $1 RETURNING synced, unchanged, failed, pairs_total`,
      [runId, status],
    ));
    const sources = await this.ds.query(
      `SELECT r.source_id, s.name, count(*) FILTER (WHERE outcome = 'synced')::int AS synced, count(*) FILTER (WHERE outcome = 'unchanged')::int AS unchanged,
              count(*) FILTER (WHERE outcome = 'failed')::int AS failed
       FROM ats_sync_result r JOIN ats_source s ON s.id = r.source_id WHERE r.run_id = $1 GROUP BY r.source_id, s.name ORDER BY s.name`,
      [runId],
    );
    return {
      runId,
      total: run.pairs_total,
      synced: run.synced,
      unchanged: run.unchanged,
      failed: run.failed,
      sources: sources.map((s: Record<string, any>) => ({ sourceId: s.source_id, name: s.name, synced: s.synced, unchanged: s.unchanged, failed: s.failed })),
    };
  }

  private async recordAudit(payload: SyncPayload, runId: string, taskId: string, s: SyncSummary): Promise<void> {
    let actor = null;
    if (payload.startedBy) {
      const [u] = await this.ds.query(`SELECT id, email FROM app_user WHERE id = $1`, [payload.startedBy]);
      if (u) actor = { userId: u.id, email: u.email, via: "session" as const };
    }
    await this.audit.record(actor, "ATS_SYNC_RUN", { type: "AtsSyncRun", id: runId }, {
      taskId, trigger: payload.trigger, jobPostingId: payload.jobPostingId ?? null, total: s.total, synced: s.synced, unchanged: s.unchanged, failed: s.failed,
    });
  }
}

/** Runs `fn` over items with at most `limit` at once; the first rejection (an abort) ends the batch. */
export async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
