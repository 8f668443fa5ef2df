import type pg from "pg";
import type { Logger } from "../lib/logger.js";
import { SPARE_JOB_ATTEMPTS } from "../modules/tasks/task.service.js";

/** The in-memory state of one running attempt; `run` reports into it and the writer persists it. */
export type RunState = {
  taskId: string;
  runId: string;
  attempt: number;
  current: number;
  total: number | null;
  message: string | null;
  ok: number;
  ko: number;
  /** Item failures not yet written. */
  newErrors: { key: string; label: string | null; message: string }[];
  storedErrors: number;
};

export type Outcome =
  | { status: "completed"; result: unknown }
  | { status: "failed" | "cancelled"; error: string }
  /** `refund`: the attempt did not really run (worker shutdown), so it does not count. */
  | { status: "retrying"; error: string; runAt: Date; refund?: boolean };

/** Item failures stored per attempt; beyond this they are only counted (failureCount). */
export const MAX_STORED_ITEM_ERRORS = 500;
const MAX_MESSAGE_LENGTH = 500;

/**
 * All the writes of one worker process's running tasks in one statement: coalesced progress, new item errors and
 * final outcomes (with the retry job of a RETRYING outcome) as `UPDATE ... FROM unnest(...)`. Each row changed
 * bumps its version and is published by the task table's triggers, in one NOTIFY per statement (see the
 * migration). Writes are fenced by `run_id`, so an attempt the sweeper gave up on cannot overwrite a newer one.
 */
const FLUSH_SQL = `
  WITH v AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], $6::int[], $7::int[],
      $8::text[], $9::jsonb[], $10::text[], $11::timestamptz[], $12::boolean[])
      AS v(id, run_id, cur, total, msg, ok, ko, status, result, error, run_at, refund)
  ), e AS (
    INSERT INTO task_item_error (task_id, attempt, item_key, item_label, message)
    SELECT * FROM unnest($13::uuid[], $14::int[], $15::text[], $16::text[], $17::text[])
    RETURNING 1
  ), u AS (
    UPDATE task t SET
      progress_current = v.cur, progress_total = v.total, progress_message = v.msg,
      success_count = v.ok, failure_count = v.ko,
      status = coalesce(v.status, t.status),
      result = CASE WHEN v.status IS NULL THEN t.result ELSE v.result END,
      error = CASE WHEN v.status IS NULL THEN t.error ELSE v.error END,
      finished_at = CASE WHEN v.status IN ('completed', 'failed', 'cancelled') THEN now() ELSE t.finished_at END,
      run_at = CASE WHEN v.status = 'retrying' THEN v.run_at ELSE t.run_at END,
      run_id = CASE WHEN v.status IS NULL THEN t.run_id ELSE NULL END,
      attempts = t.attempts - CASE WHEN v.refund THEN 1 ELSE 0 END
    FROM v
    WHERE t.id = v.id AND t.run_id = v.run_id
    RETURNING t.id, t.type, t.status, t.run_at, t.queue_name, t.priority, t.max_attempts, t.attempts
  ), j AS (
    SELECT graphile_worker.add_job(u.type, json_build_object('taskId', u.id), queue_name := u.queue_name,
      run_at := u.run_at, max_attempts := u.max_attempts - u.attempts + ${SPARE_JOB_ATTEMPTS}, job_key := u.id::text,
      priority := u.priority) AS job
    FROM u WHERE u.status = 'retrying'
  )
  SELECT u.id, (SELECT count(*) FROM j) AS retries, (SELECT count(*) FROM e) AS errors FROM u`;

type PendingFinal = { state: RunState; outcome: Outcome; resolve: (written: boolean) => void; reject: (err: Error) => void };

export class ProgressWriter {
  private readonly dirty = new Set<RunState>();
  /** When each unwritten state first changed (or its outcome came), for the publish-latency histogram. */
  private readonly since = new Map<RunState, number>();
  private finals: PendingFinal[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private urgent = false;
  flushes = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
    private readonly intervalMs: number,
    /** Seconds from a change to the commit that publishes it, once per task and write (metrics). */
    private readonly onPublished: (seconds: number) => void = () => {},
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Marks the state for the next periodic write. */
  touch(state: RunState): void {
    if (!this.since.has(state)) this.since.set(state, performance.now());
    this.dirty.add(state);
  }

  /** Writes the attempt's outcome as soon as possible (batched with whatever else is due). */
  finish(state: RunState, outcome: Outcome): Promise<boolean> {
    this.dirty.delete(state);
    if (!this.since.has(state)) this.since.set(state, performance.now());
    return new Promise((resolve, reject) => {
      this.finals.push({ state, outcome, resolve, reject });
      if (!this.urgent) {
        this.urgent = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** One write at a time; a flush asked for meanwhile runs right after. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.urgent = false;
    this.running = this.write().finally(() => {
      this.running = undefined;
      if (this.again || this.finals.length) {
        this.again = false;
        void this.flush();
      }
    });
    return this.running;
  }

  private async write(): Promise<void> {
    const finals = this.finals;
    this.finals = [];
    const states = [...this.dirty];
    this.dirty.clear();
    if (!finals.length && !states.length) return;

    const cols: unknown[][] = Array.from({ length: 17 }, () => []);
    const add = (s: RunState, o: Outcome | undefined) => {
      const row = [
        s.taskId,
        s.runId,
        s.current,
        s.total,
        s.message?.slice(0, MAX_MESSAGE_LENGTH) ?? null,
        s.ok,
        s.ko,
        o?.status ?? null,
        o?.status === "completed" ? JSON.stringify(o.result ?? null) : null,
        o && o.status !== "completed" ? o.error.slice(0, 4_000) : null,
        o?.status === "retrying" ? o.runAt : null,
        o?.status === "retrying" ? Boolean(o.refund) : false,
      ];
      row.forEach((value, i) => cols[i]!.push(value));
      for (const e of s.newErrors.splice(0)) {
        if (s.storedErrors >= MAX_STORED_ITEM_ERRORS) break;
        s.storedErrors++;
        [s.taskId, s.attempt, e.key, e.label, e.message.slice(0, 2_000)].forEach((value, i) => cols[12 + i]!.push(value));
      }
    };
    for (const s of states) add(s, undefined);
    for (const f of finals) add(f.state, f.outcome);

    try {
      const { rows } = await this.pool.query(FLUSH_SQL, cols);
      this.flushes++;
      const now = performance.now();
      for (const s of [...states, ...finals.map((f) => f.state)]) {
        const since = this.since.get(s);
        this.since.delete(s);
        if (since !== undefined) this.onPublished((now - since) / 1000);
      }
      const written = new Set(rows.map((r: { id: string }) => r.id));
      for (const f of finals) f.resolve(written.has(f.state.taskId));
    } catch (err) {
      this.log.error({ err, tasks: states.length + finals.length }, "writing task progress failed");
      // Progress is re-sent with the next flush; the final outcomes fail their jobs so graphile-worker retries them.
      for (const s of states) this.dirty.add(s);
      for (const f of finals) {
        this.since.delete(f.state);
        f.reject(err as Error);
      }
    }
  }
}
