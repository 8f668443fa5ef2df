import { parseCronItems } from "graphile-worker";
import type { DataSource, EntityManager } from "typeorm";
import { GraphQLError } from "graphql";
import { PgCode, pgCodeOf } from "../../lib/errors.js";
import type { Logger } from "../../lib/logger.js";
import type { Task } from "../tasks/task.entity.js";
import { OPEN_STATUSES } from "../tasks/task-status.js";
import type { FireTask, TaskService } from "../tasks/task.service.js";
import type { Clock } from "./clock.js";
import { planFires } from "./fire-plan.js";
import { OverlapPolicy, type Schedule, scheduleFromRow, timingOf } from "./schedule.entity.js";

export const TICK_TASK = "taskline.schedule_tick";
export const FIRE_TASK = "taskline.schedule_fire";
/**
 * graphile-worker runs this cron item once a minute across all nodes (its own exactly-once bookkeeping). One
 * attempt: a failed tick is simply the next minute's work. (Its crontab text format refuses dotted task names.)
 */
export const TICK_CRON_ITEMS = parseCronItems([{ task: TICK_TASK, identifier: TICK_TASK, match: "* * * * *", options: { maxAttempts: 1 } }]);

/**
 * The crontab starts the tick at :00, when every per-minute schedule's fires come due; the tick then runs this much
 * later, so planning the next minute never competes with starting this one. Fires are still planned 30 s ahead.
 */
export const TICK_OFFSET_MS = 30_000;

/** A schedule's pending fire jobs all carry keys with this prefix (pause and delete remove them). */
export const fireKeyPrefix = (scheduleId: string) => `schedule:${scheduleId}:`;
export const fireKey = (scheduleId: string, at: Date) => `${fireKeyPrefix(scheduleId)}${at.toISOString()}`;

/** Schedules locked and planned per transaction: bounds lock time and statement size. */
const TICK_BATCH = 500;
/** NOTIFY'd with the instants (epoch ms, a JSON array) at which the jobs a plan made come due (worker/due-waker.ts). */
export const DUE_CHANNEL = "taskline_due";
/** Due instants per notice (each about 14 bytes; NOTIFY takes under 8,000): per-minute schedules share one. */
const MAX_DUE_NOTICE = 200;
/** A tick that planned at least this many fires refreshes the jobs table's statistics (Scheduler.analyzeJobs). */
const ANALYZE_JOBS_AFTER = 1_000;
/** A fire job that fails (database down) is retried this often; the task's own attempts are separate. */
const FIRE_JOB_ATTEMPTS = 5;

/**
 * Enqueue the fire jobs and advance the bookkeeping in one statement: a fire is enqueued exactly when
 * `last_enqueued_fire_at` moves past it, under the row lock the tick holds, so no later tick enqueues it again.
 * One call of graphile-worker's bulk `add_jobs` (its `add_job` costs about a millisecond a row).
 */
const ENQUEUE_FIRES_SQL = `
  WITH jobs AS (
    SELECT count(*)::int AS n FROM graphile_worker.add_jobs(
      (SELECT array_agg(($1::text, json_build_object('scheduleId', f.id, 'fireAt', f.at), NULL::text, f.at, $2::int, f.key, NULL::int, NULL::text[])::graphile_worker.job_spec)
       FROM unnest($3::uuid[], $4::timestamptz[], $5::text[]) AS f (id, at, key)),
      job_key_preserve_run_at := true)
  ), moved AS (
    UPDATE schedule s SET last_enqueued_fire_at = m.at
    FROM unnest($6::uuid[], $7::timestamptz[]) AS m (id, at)
    WHERE s.id = m.id
    RETURNING s.id
  )
  SELECT (SELECT n FROM jobs) AS jobs, (SELECT count(*) FROM moved)::int AS moved`;

const INSERT_SKIPS_SQL = `
  INSERT INTO schedule_skipped_fire (schedule_id, fire_at, reason)
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) ON CONFLICT DO NOTHING`;

export type TickResult = { schedules: number; enqueued: number };

export type Fire = { scheduleId: string; fireAt: Date };
export type FireOptions = { manual?: boolean; force?: boolean };

export type FireOutcome =
  | { kind: "started"; task: Task }
  | { kind: "skipped"; reason: string; busyTaskId?: string }
  | { kind: "gone" }
  | { kind: "paused" };

/**
 * The schedule engine: the per-minute tick that turns schedule rows into fire jobs, and the fire that turns a job
 * into a task. docs/schedules.md has the exactly-once argument.
 */
export class Scheduler {
  constructor(
    private readonly ds: DataSource,
    private readonly tasks: TaskService,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /**
   * Plans, for every unpaused schedule, the fires due up to `now` + 1 minute (missed ones by the catch-up policy).
   * An ALLOW schedule's fires become their tasks right here, waiting for their fire time: nothing is left to decide
   * when they come due, so a minute of 10,000 fires is only 10,000 task starts. A SKIP schedule's fires become fire
   * jobs, because whether the previous task still runs can only be known at the fire time.
   *
   * Safe to run any number of times, concurrently, in any process: each row is locked while planned, and a tick that
   * waited for the lock reads the row as the other committed it, so it plans only what is still new. No SKIP
   * LOCKED: the lock may be a fire's or a pause's, not another tick's, and skipping would drop the minute.
   */
  async tick(now: Date = this.clock.now()): Promise<TickResult> {
    let after = "00000000-0000-0000-0000-000000000000";
    const total: TickResult = { schedules: 0, enqueued: 0 };
    for (;;) {
      const batch = await this.ds.transaction(async (m) => {
        const rows: Record<string, any>[] = await m.query(
          `SELECT * FROM schedule WHERE NOT paused AND id > $1 ORDER BY id LIMIT $2 FOR NO KEY UPDATE`,
          [after, TICK_BATCH],
        );
        const planned = await this.plan(m, rows, now);
        total.enqueued += planned.enqueued;
        total.schedules += planned.schedules;
        return rows;
      });
      if (batch.length < TICK_BATCH) break;
      after = batch.at(-1)!.id;
    }
    if (total.enqueued >= ANALYZE_JOBS_AFTER) await this.analyzeJobs();
    return total;
  }

  /**
   * Postgres plans graphile-worker's job fetch from the jobs table's statistics, and a queue table is often empty
   * when autovacuum visits it (just after a burst): it is then recorded as empty on the pages that remain, and every
   * job added later counts for nothing until autovacuum comes back. Planned for an empty table, the fetch joins its
   * batch back to the table by a nested loop over the whole table: 1,000 jobs out of 10,000 took 3 s instead of
   * 50 ms, and a minute's fires started 10 s late (docs/benchmarks.md). So after planning a burst, the tick, 30 s
   * ahead of it, analyses the table with the burst in it.
   */
  private async analyzeJobs(): Promise<void> {
    try {
      await this.ds.transaction(async (m) => {
        // Waiting for a running autovacuum of the table gets it cancelled after deadlock_timeout (1 s by default).
        await m.query(`SET LOCAL lock_timeout = '3s'`);
        await m.query(`ANALYZE graphile_worker._private_jobs`);
      });
    } catch (err) {
      this.log.warn({ err }, "could not refresh the statistics of graphile-worker's jobs table after planning; the coming fires may start late");
    }
  }

  /**
   * The tick for one schedule row just written (RETURNING *) in the caller's transaction: a schedule created,
   * resumed or changed gets its next fire planned at once rather than at the next tick (which may come after it).
   */
  async planNow(m: EntityManager, row: Record<string, any>): Promise<TickResult> {
    // The caller wrote the row in this transaction, so it holds its lock already.
    return this.plan(m, row.paused ? [] : [row], this.clock.now());
  }

  /** The crontab's job: the tick itself runs TICK_OFFSET_MS later, as a job of its own (one per minute by its key). */
  async deferTick(cronTime: Date): Promise<void> {
    const at = new Date(cronTime.getTime() + TICK_OFFSET_MS);
    await this.ds.query(`SELECT graphile_worker.add_job($1, '{}'::json, run_at := $2, max_attempts := 1, job_key := $3)`, [TICK_TASK, at, `${TICK_TASK}:${at.toISOString()}`]);
  }

  /** Plans the fires of `rows`, locked by the caller, and advances their bookkeeping. */
  private async plan(m: EntityManager, rows: Record<string, any>[], now: Date): Promise<TickResult> {
    const fires = { ids: [] as string[], ats: [] as Date[], keys: [] as string[] };
    const moves = { ids: [] as string[], ats: [] as Date[] };
    const ahead: FireTask[] = [];
    const skips: Skip[] = [];
    for (const row of rows) {
      const s = scheduleFromRow(row);
      let plan;
      try {
        plan = planFires({ ...timingOf(s), catchUpPolicy: s.catchUpPolicy, catchUpCap: s.catchUpCap, lastEnqueuedFireAt: s.lastEnqueuedFireAt, createdAt: s.createdAt }, now);
      } catch (err) {
        // A row written around the API's checks (psql): one bad schedule must not stop the others.
        this.log.error({ err, scheduleId: s.id }, "cannot compute the fires of a schedule; skipped");
        continue;
      }
      if (plan.droppedSome) this.log.info({ scheduleId: s.id, policy: s.catchUpPolicy }, "missed fires dropped by the catch-up policy");
      if (plan.advanceTo) {
        moves.ids.push(s.id);
        moves.ats.push(plan.advanceTo);
      }
      if (!plan.enqueue.length) continue;
      if (s.overlapPolicy === OverlapPolicy.ALLOW) {
        const payload = this.payloadFor(s);
        for (const fireAt of plan.enqueue) {
          if ("skip" in payload) skips.push({ scheduleId: s.id, fireAt, reason: payload.skip });
          else ahead.push({ type: s.taskType, payload: payload.ok, scheduleId: s.id, fireAt, ahead: true });
        }
        continue;
      }
      for (const at of plan.enqueue) {
        fires.ids.push(s.id);
        fires.ats.push(at);
        fires.keys.push(fireKey(s.id, at));
      }
    }
    let enqueued = ahead.length ? (await this.tasks.enqueueFires(ahead, m)).length : 0;
    if (fires.ids.length || moves.ids.length) {
      const [r] = await m.query(ENQUEUE_FIRES_SQL, [FIRE_TASK, FIRE_JOB_ATTEMPTS, fires.ids, fires.ats, fires.keys, moves.ids, moves.ats]);
      enqueued += r.jobs;
    }
    await insertSkips(m, skips);
    // Workers wake at these instants (worker/due-waker.ts) instead of finding the jobs at their next poll. Sent on
    // commit, so a rolled-back plan announces nothing.
    const due = [...new Set([...ahead.map((f) => f.fireAt.getTime()), ...fires.ats.map((at) => at.getTime())])].sort((a, b) => a - b).slice(0, MAX_DUE_NOTICE);
    if (due.length) await m.query(`SELECT pg_notify($1, $2)`, [DUE_CHANNEL, JSON.stringify(due)]);
    return { schedules: rows.length, enqueued };
  }

  /**
   * The schedule's payload as its task type reads it now. A type gone or a schema changed since the save skips the
   * fire (no retry can fix that); a manual trigger gets the error instead.
   */
  private payloadFor(s: Schedule, manual = false): { ok: unknown } | { skip: string } {
    try {
      return { ok: this.tasks.parseFirePayload(s.taskType, s.payload) };
    } catch (err) {
      if (manual || !(err instanceof GraphQLError)) throw err;
      this.log.warn({ scheduleId: s.id, reason: err.message }, "schedule fire skipped");
      return { skip: `Could not start: ${err.message}` };
    }
  }

  /**
   * One fire: a task of the schedule's type, unless the schedule is gone or paused, or the overlap policy skips
   * it. `manual` (triggerSchedule) fires paused schedules too and reports a payload that no longer validates as an
   * error; `force` ignores the overlap policy.
   */
  async fire(scheduleId: string, fireAt: Date, opts: FireOptions = {}): Promise<FireOutcome> {
    const [outcome] = await this.fireMany([{ scheduleId, fireAt }], opts);
    return outcome!;
  }

  /**
   * Many fires in one transaction (the worker hands over the fire jobs it started together; a minute of 10,000
   * per-minute schedules is 10,000 fires due at one instant). The schedule rows are locked meanwhile, in id order
   * as the tick locks them, so fires of one schedule and a pause never interleave and the overlap check sees every
   * task an earlier fire made. Outcomes come back in the order of `fires`.
   */
  async fireMany(fires: Fire[], opts: FireOptions = {}): Promise<FireOutcome[]> {
    if (!fires.length) return [];
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.fireManyOnce(fires, opts);
      } catch (err) {
        // A deadlock victim rolled back entirely, so running it again is safe; seen under bursts of thousands of
        // fires (Postgres picks a victim among fire batches and the tick). Anything else is the fire job's to retry.
        if (pgCodeOf(err) !== PgCode.DEADLOCK_DETECTED || attempt >= 3) throw err;
        this.log.debug({ fires: fires.length, attempt }, "fire batch chosen as deadlock victim; running it again");
      }
    }
  }

  private fireManyOnce(fires: Fire[], opts: FireOptions): Promise<FireOutcome[]> {
    return this.ds.transaction(async (m) => {
      const ids = [...new Set(fires.map((f) => f.scheduleId))];
      const rows: Record<string, any>[] = await m.query(`SELECT * FROM schedule WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [ids]);
      const schedules = new Map(rows.map((r) => [r.id as string, scheduleFromRow(r)]));
      const overlapChecked = new Set(opts.force ? [] : ids.filter((id) => schedules.get(id)?.overlapPolicy === OverlapPolicy.SKIP));
      const active = new Map<string, Array<{ id: string; status: string; fireAt: number | undefined }>>();
      if (overlapChecked.size) {
        const busy: Array<{ schedule_id: string; id: string; status: string; fire_at: Date | null }> = await m.query(
          `SELECT schedule_id, id, status, fire_at FROM task WHERE schedule_id = ANY($1::uuid[]) AND status = ANY($2)`,
          [[...overlapChecked], OPEN_STATUSES],
        );
        for (const b of busy) active.set(b.schedule_id, [...(active.get(b.schedule_id) ?? []), { id: b.id, status: b.status, fireAt: b.fire_at?.getTime() }]);
      }

      const outcomes: Array<FireOutcome | undefined> = new Array(fires.length);
      const skips: Skip[] = [];
      const toStart: Array<{ index: number; type: string; payload: unknown; scheduleId: string; fireAt: Date }> = [];
      // Earliest first: of a catch-up burst of one SKIP schedule, the first fire starts and makes the rest wait.
      const byTime = fires.map((_, i) => i).sort((a, b) => fires[a]!.fireAt.getTime() - fires[b]!.fireAt.getTime());
      const startedBy = new Map<number, number>(); // skipped fire -> index of the fire of this batch that busies it
      for (const i of byTime) {
        const { scheduleId, fireAt } = fires[i]!;
        const s = schedules.get(scheduleId);
        if (!s) {
          outcomes[i] = { kind: "gone" };
          continue;
        }
        if (s.paused && !opts.manual) {
          outcomes[i] = { kind: "paused" };
          continue;
        }
        const busy = overlapChecked.has(s.id) ? active.get(s.id)?.find((t) => t.fireAt !== fireAt.getTime()) : undefined;
        if (busy) {
          if (busy.id.startsWith("#")) startedBy.set(i, Number(busy.id.slice(1)));
          else outcomes[i] = this.skipped(skips, s.id, fireAt, `Task ${busy.id} of this schedule is still ${busy.status.toUpperCase()}`, busy.id, opts);
          continue;
        }
        const payload = this.payloadFor(s, opts.manual);
        if ("skip" in payload) {
          outcomes[i] = this.skipped(skips, s.id, fireAt, payload.skip, undefined, opts);
          continue;
        }
        toStart.push({ index: i, type: s.taskType, payload: payload.ok, scheduleId: s.id, fireAt });
        active.set(s.id, [...(active.get(s.id) ?? []), { id: `#${i}`, status: "pending", fireAt: fireAt.getTime() }]);
      }

      const started = await this.tasks.enqueueFires(toStart, m);
      toStart.forEach((f, k) => (outcomes[f.index] = { kind: "started", task: started[k]! }));
      for (const [i, by] of startedBy) {
        const task = (outcomes[by] as { task: Task }).task;
        outcomes[i] = this.skipped(skips, fires[i]!.scheduleId, fires[i]!.fireAt, `Task ${task.id} of this schedule is still PENDING`, task.id, opts);
      }
      await insertSkips(m, skips);
      return outcomes as FireOutcome[];
    });
  }

  /** A skipped fire; recorded as the schedule's last fire unless it was a manual trigger (which reports it). */
  private skipped(skips: Skip[], scheduleId: string, fireAt: Date, reason: string, busyTaskId: string | undefined, opts: FireOptions): FireOutcome {
    if (!opts.manual) skips.push({ scheduleId, fireAt, reason });
    return { kind: "skipped", reason, busyTaskId };
  }
}

/** A fire that made no task, kept in schedule_skipped_fire with the reason. */
type Skip = { scheduleId: string; fireAt: Date; reason: string };

async function insertSkips(m: EntityManager, skips: Skip[]): Promise<void> {
  if (!skips.length) return;
  await m.query(INSERT_SKIPS_SQL, [skips.map((k) => k.scheduleId), skips.map((k) => k.fireAt), skips.map((k) => k.reason)]);
}
