import { isDeepStrictEqual } from "node:util";
import type { DataSource, EntityManager } from "typeorm";
import { BadUserInputError, NotFoundError, ScheduleBusyError } from "../../graphql/errors.js";
import { PgCode } from "../../lib/errors.js";
import type { Viewer } from "../identity/viewer.js";
import type { TaskTypeRegistry } from "../tasks/task-registry.js";
import type { TaskService } from "../tasks/task.service.js";
import { isUuid } from "../../lib/validate.js";
import type { Task } from "../tasks/task.entity.js";
import { notWaitingAhead, OPEN_STATUSES } from "../tasks/task-status.js";
import type { Clock } from "./clock.js";
import { checkTiming, firesAfter } from "./next-fires.js";
import { type Schedule, ScheduleFire, scheduleFromRow, ScheduleStatus, timingOf } from "./schedule.entity.js";
import type { CreateScheduleInput, UpdateScheduleInput } from "./schedule.inputs.js";
import { FIRE_TASK, fireKeyPrefix, type Scheduler } from "./scheduler.js";

const MAX_NAME = 200;

/** Schedules as users manage them: validated writes, pause/resume/trigger, and what the list shows. */
export class ScheduleService {
  constructor(
    private readonly ds: DataSource,
    private readonly registry: TaskTypeRegistry,
    private readonly tasks: TaskService,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<Schedule[]> {
    const rows = await this.ds.query(`SELECT * FROM schedule ORDER BY name`);
    return rows.map(scheduleFromRow);
  }

  async get(id: string): Promise<Schedule | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.ds.query(`SELECT * FROM schedule WHERE id = $1`, [id]);
    return row ? scheduleFromRow(row) : null;
  }

  async getOrFail(id: string): Promise<Schedule> {
    const s = await this.get(id);
    if (!s) throw new NotFoundError("Schedule", id);
    return s;
  }

  async create(viewer: Viewer | null, input: CreateScheduleInput): Promise<Schedule> {
    const name = checkName(input.name);
    const payload = this.registry.parsePayload(input.taskType, input.payload ?? {});
    const timing = checkTiming(input);
    const cap = checkCap(input.catchUpCap);
    // Created "now" by the engine's clock: the interval anchor, and no fire before this instant is owed.
    const now = this.clock.now();
    return this.ds.transaction(async (m) => {
      const rows = await this.unique(name, () =>
        m.query(
          `INSERT INTO schedule (name, task_type, payload, cron, interval_seconds, timezone, paused, overlap_policy, catch_up_policy,
             catch_up_cap, last_enqueued_fire_at, created_at, created_by, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $12) RETURNING *`,
          [name, input.taskType, JSON.stringify(payload), timing.cron, timing.intervalSeconds, timing.timezone, input.paused, input.overlapPolicy, input.catchUpPolicy, cap, now, viewer?.userId ?? null],
        ),
      );
      await this.scheduler.planNow(m, rows[0]);
      return scheduleFromRow(rows[0]);
    });
  }

  /**
   * A change to when or what the schedule runs (timing, task type, payload, overlap policy) starts afresh from now:
   * the fires planned ahead for the old one are removed and the next tick plans them anew.
   */
  async update(viewer: Viewer | null, id: string, input: UpdateScheduleInput): Promise<Schedule> {
    if (input.cron != null && input.intervalSeconds != null) throw new BadUserInputError("Give either a cron expression or an interval, not both", { field: "cron" });
    return this.ds.transaction(async (m) => {
      const current = await this.lock(m, id);
      const taskType = input.taskType ?? current.taskType;
      const payload = this.registry.parsePayload(taskType, input.payload !== undefined && input.payload !== null ? input.payload : current.payload);
      const timing = checkTiming({
        cron: input.intervalSeconds != null ? null : (input.cron ?? current.cron),
        intervalSeconds: input.cron != null ? null : (input.intervalSeconds ?? current.intervalSeconds),
        timezone: input.timezone ?? current.timezone,
      });
      const overlapPolicy = input.overlapPolicy ?? current.overlapPolicy;
      const replan =
        timing.cron !== current.cron ||
        timing.intervalSeconds !== current.intervalSeconds ||
        timing.timezone !== current.timezone ||
        taskType !== current.taskType ||
        !isDeepStrictEqual(payload, current.payload) ||
        overlapPolicy !== current.overlapPolicy;
      if (replan) await removePendingFires(m, id);
      const name = input.name != null ? checkName(input.name) : current.name;
      const rows = await this.unique(name, () =>
        m.query(
          `UPDATE schedule SET name = $2, task_type = $3, payload = $4, cron = $5, interval_seconds = $6, timezone = $7,
             overlap_policy = $8, catch_up_policy = $9, catch_up_cap = $10, updated_by = $11,
             last_enqueued_fire_at = CASE WHEN $12 THEN $13 ELSE last_enqueued_fire_at END
           WHERE id = $1 RETURNING *`,
          [
            id,
            name,
            taskType,
            JSON.stringify(payload),
            timing.cron,
            timing.intervalSeconds,
            timing.timezone,
            overlapPolicy,
            input.catchUpPolicy ?? current.catchUpPolicy,
            input.catchUpCap != null ? checkCap(input.catchUpCap) : current.catchUpCap,
            viewer?.userId ?? null,
            replan,
            this.clock.now(),
          ],
        ),
      );
      if (replan) await this.scheduler.planNow(m, rows[0][0]);
      return scheduleFromRow(rows[0][0]);
    });
  }

  /** Its tasks stay (their schedule_id becomes null); its pending fires go. */
  async delete(id: string): Promise<Schedule> {
    return this.ds.transaction(async (m) => {
      const s = await this.lock(m, id);
      await removePendingFires(m, id);
      await m.query(`DELETE FROM schedule WHERE id = $1`, [id]);
      return s;
    });
  }

  /** Fires nothing until resumed; fires already enqueued ahead are removed. */
  async pause(viewer: Viewer | null, id: string): Promise<Schedule> {
    return this.ds.transaction(async (m) => {
      await this.lock(m, id);
      await removePendingFires(m, id);
      const rows = await m.query(`UPDATE schedule SET paused = true, updated_by = $2 WHERE id = $1 RETURNING *`, [id, viewer?.userId ?? null]);
      return scheduleFromRow(rows[0][0]);
    });
  }

  /** Fires missed while paused are not owed: the bookkeeping starts again from now. */
  async resume(viewer: Viewer | null, id: string): Promise<Schedule> {
    return this.ds.transaction(async (m) => {
      const s = await this.lock(m, id);
      if (!s.paused) return s;
      const rows = await m.query(`UPDATE schedule SET paused = false, updated_by = $2, last_enqueued_fire_at = $3 WHERE id = $1 RETURNING *`, [id, viewer?.userId ?? null, this.clock.now()]);
      await this.scheduler.planNow(m, rows[0][0]);
      return scheduleFromRow(rows[0][0]);
    });
  }

  /** Runs the schedule now (paused or not). SCHEDULE_BUSY when the overlap policy skips it and `force` is off. */
  async trigger(id: string, force: boolean): Promise<Task> {
    if (!isUuid(id)) throw new NotFoundError("Schedule", id);
    const outcome = await this.scheduler.fire(id, this.clock.now(), { manual: true, force });
    if (outcome.kind === "gone") throw new NotFoundError("Schedule", id);
    if (outcome.kind === "skipped") throw new ScheduleBusyError(id, outcome.reason, outcome.busyTaskId);
    if (outcome.kind !== "started") throw new Error(`unexpected fire outcome ${outcome.kind}`);
    return outcome.task;
  }

  /** The next fires after now; none while paused. */
  nextFires(s: Schedule, count: number): Date[] {
    if (s.paused) return [];
    return firesAfter(timingOf(s), this.clock.now(), count);
  }

  async status(s: Schedule): Promise<ScheduleStatus> {
    if (s.paused) return ScheduleStatus.PAUSED;
    // A task the tick made ahead is not running yet while it waits for its fire time.
    const [busy] = await this.ds.query(`SELECT 1 FROM task t WHERE schedule_id = $1 AND status = ANY($2) AND ${notWaitingAhead("t", "$3")} LIMIT 1`, [s.id, OPEN_STATUSES, this.clock.now()]);
    return busy ? ScheduleStatus.RUNNING : ScheduleStatus.ACTIVE;
  }

  /** The newest fire that made a task or was skipped (not a task made ahead for a fire still to come). */
  async lastFire(s: Schedule): Promise<ScheduleFire | null> {
    const [task] = await this.ds.query(`SELECT id, fire_at FROM task WHERE schedule_id = $1 AND fire_at <= $2 ORDER BY fire_at DESC LIMIT 1`, [s.id, this.clock.now()]);
    const [skip] = await this.ds.query(`SELECT fire_at, reason FROM schedule_skipped_fire WHERE schedule_id = $1 ORDER BY fire_at DESC LIMIT 1`, [s.id]);
    if (!task && !skip) return null;
    const fire = new ScheduleFire();
    if (task && (!skip || task.fire_at >= skip.fire_at)) {
      Object.assign(fire, { at: task.fire_at, task: await this.tasks.get(task.id), skippedReason: null });
    } else {
      Object.assign(fire, { at: skip.fire_at, task: null, skippedReason: skip.reason });
    }
    return fire;
  }

  private async lock(m: EntityManager, id: string): Promise<Schedule> {
    if (!isUuid(id)) throw new NotFoundError("Schedule", id);
    const [row] = await m.query(`SELECT * FROM schedule WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw new NotFoundError("Schedule", id);
    return scheduleFromRow(row);
  }

  private async unique<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if ((err as { code?: string }).code === PgCode.UNIQUE_VIOLATION) throw new BadUserInputError(`A schedule named "${name}" already exists`, { field: "name" });
      throw err;
    }
  }
}

/**
 * Removes the fires planned ahead that have not started: the fire jobs of a SKIP schedule and the waiting tasks the
 * tick made for an ALLOW one (with their jobs). A fire job already running re-reads the schedule under its lock
 * and, finding it paused or gone, starts nothing; a worker holding a removed task's job finds no task to claim.
 * Tasks a fire already started, or a trigger made, stay.
 */
async function removePendingFires(m: EntityManager, scheduleId: string): Promise<void> {
  await m.query(
    `SELECT graphile_worker.remove_job(key) FROM graphile_worker.jobs WHERE task_identifier = $1 AND key LIKE $2`,
    [FIRE_TASK, `${fireKeyPrefix(scheduleId)}%`],
  );
  await m.query(
    `WITH ahead AS (DELETE FROM task WHERE schedule_id = $1 AND status = 'pending' AND run_at IS NOT NULL RETURNING id)
     SELECT graphile_worker.remove_job(id::text) FROM ahead`,
    [scheduleId],
  );
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_NAME) throw new BadUserInputError(`A schedule needs a name of 1-${MAX_NAME} characters`, { field: "name" });
  return trimmed;
}

function checkCap(cap: number): number {
  if (!Number.isInteger(cap) || cap < 1 || cap > 1000) throw new BadUserInputError("catchUpCap must be between 1 and 1000", { field: "catchUpCap" });
  return cap;
}
