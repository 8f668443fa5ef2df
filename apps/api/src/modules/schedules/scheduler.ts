import { parseCronItems } from "graphile-worker";
import type { DataSource, EntityManager } from "typeorm";
import { GraphQLError } from "graphql";
import type { Logger } from "../../lib/logger.js";
import type { Task } from "../tasks/task.entity.js";
import type { TaskService } from "../tasks/task.service.js";
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

/** A schedule's pending fire jobs all carry keys with this prefix (pause and delete remove them). */
export const fireKeyPrefix = (scheduleId: string) => `schedule:${scheduleId}:`;
export const fireKey = (scheduleId: string, at: Date) => `${fireKeyPrefix(scheduleId)}${at.toISOString()}`;

/** Schedules locked and planned per transaction: bounds lock time and statement size. */
const TICK_BATCH = 500;
/** A fire job that fails (database down) is retried this often; the task's own attempts are separate. */
const FIRE_JOB_ATTEMPTS = 5;
const ACTIVE_STATUSES = ["pending", "running", "retrying"];

/**
 * Enqueue the fires and advance the bookkeeping in one statement: a fire is enqueued exactly when
 * `last_enqueued_fire_at` moves past it, under the row lock the tick holds, so no later tick enqueues it again.
 */
const ENQUEUE_FIRES_SQL = `
  WITH jobs AS (
    SELECT graphile_worker.add_job($1, json_build_object('scheduleId', f.id, 'fireAt', f.at),
      run_at := f.at, max_attempts := $2, job_key := f.key, job_key_mode := 'preserve_run_at') AS job
    FROM unnest($3::uuid[], $4::timestamptz[], $5::text[]) AS f (id, at, key)
  ), moved AS (
    UPDATE schedule s SET last_enqueued_fire_at = m.at
    FROM unnest($6::uuid[], $7::timestamptz[]) AS m (id, at)
    WHERE s.id = m.id
    RETURNING s.id
  )
  SELECT (SELECT count(*) FROM jobs)::int AS jobs, (SELECT count(*) FROM moved)::int AS moved`;

export type TickResult = { schedules: number; enqueued: number };

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
   * Enqueues, for every unpaused schedule, the fires due up to `now` + 1 minute (missed ones by the catch-up
   * policy). Safe to run any number of times, concurrently, in any process: each row is locked while planned, and
   * a tick that waited for the lock reads the row as the other committed it, so it plans only what is still new.
   * No SKIP LOCKED: the lock may be a fire's or a pause's, not another tick's, and skipping would drop the minute.
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
        const fires = { ids: [] as string[], ats: [] as Date[], keys: [] as string[] };
        const moves = { ids: [] as string[], ats: [] as Date[] };
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
          for (const at of plan.enqueue) {
            fires.ids.push(s.id);
            fires.ats.push(at);
            fires.keys.push(fireKey(s.id, at));
          }
          if (plan.advanceTo) {
            moves.ids.push(s.id);
            moves.ats.push(plan.advanceTo);
          }
        }
        if (fires.ids.length || moves.ids.length) {
          const [r] = await m.query(ENQUEUE_FIRES_SQL, [FIRE_TASK, FIRE_JOB_ATTEMPTS, fires.ids, fires.ats, fires.keys, moves.ids, moves.ats]);
          total.enqueued += r.jobs;
        }
        total.schedules += rows.length;
        return rows;
      });
      if (batch.length < TICK_BATCH) return total;
      after = batch.at(-1)!.id;
    }
  }

  /**
   * One fire: a task of the schedule's type, unless the schedule is gone or paused, or the overlap policy skips
   * it. The schedule row is locked meanwhile, so fires of one schedule and a pause never interleave, and the
   * overlap check sees every task an earlier fire made. `manual` (triggerSchedule) fires paused schedules too;
   * `force` ignores the overlap policy.
   */
  async fire(scheduleId: string, fireAt: Date, opts: { manual?: boolean; force?: boolean } = {}): Promise<FireOutcome> {
    return this.ds.transaction(async (m) => {
      const [row] = await m.query(`SELECT * FROM schedule WHERE id = $1 FOR NO KEY UPDATE`, [scheduleId]);
      if (!row) return { kind: "gone" } as const;
      const s = scheduleFromRow(row);
      if (s.paused && !opts.manual) return { kind: "paused" } as const;
      if (s.overlapPolicy === OverlapPolicy.SKIP && !opts.force) {
        const [busy] = await m.query(`SELECT id, status FROM task WHERE schedule_id = $1 AND status = ANY($2) AND fire_at <> $3 LIMIT 1`, [s.id, ACTIVE_STATUSES, fireAt]);
        if (busy) {
          const reason = `Task ${busy.id} of this schedule is still ${String(busy.status).toUpperCase()}`;
          if (!opts.manual) await recordSkip(m, s.id, fireAt, reason);
          return { kind: "skipped", reason, busyTaskId: busy.id } as const;
        }
      }
      return this.startTask(m, s, fireAt, opts.manual ?? false);
    });
  }

  private async startTask(m: EntityManager, s: Schedule, fireAt: Date, manual: boolean): Promise<FireOutcome> {
    try {
      // Scheduled work is the system's, not a user's: shared, so everyone who may read tasks sees it.
      const task = await this.tasks.enqueue(s.taskType, s.payload, { scheduleId: s.id, fireAt, visibility: "shared" }, m);
      return { kind: "started", task };
    } catch (err) {
      // The task type is gone or its payload schema changed since the schedule was saved: no retry can fix that.
      if (manual || !(err instanceof GraphQLError)) throw err;
      const reason = `Could not start: ${err.message}`;
      this.log.warn({ scheduleId: s.id, reason }, "schedule fire skipped");
      await recordSkip(m, s.id, fireAt, reason);
      return { kind: "skipped", reason };
    }
  }
}

async function recordSkip(m: EntityManager, scheduleId: string, fireAt: Date, reason: string): Promise<void> {
  await m.query(`INSERT INTO schedule_skipped_fire (schedule_id, fire_at, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [scheduleId, fireAt, reason]);
}
