import { Field, Float, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { DateTime } from "../../graphql/scalars.js";
import { notWaitingAhead, OPEN_STATUSES } from "../tasks/task-status.js";
import type { Clock } from "./clock.js";
import { firesAfter } from "./next-fires.js";
import { Schedule, scheduleFromRow, timingOf } from "./schedule.entity.js";
import { TICK_TASK } from "./scheduler.js";

@ObjectType("UpcomingFire")
export class UpcomingFire {
  @Field(() => DateTime)
  at!: Date;

  @Field(() => Schedule)
  schedule!: Schedule;
}

@ObjectType("ScheduleFireStats", { description: "Fires of all schedules in a window, by what became of them." })
export class ScheduleFireStats {
  @Field(() => Int, { description: "Tasks started by fires and triggers, plus skipped fires." })
  fires!: number;
  @Field(() => Int)
  completed!: number;
  @Field(() => Int)
  failed!: number;
  @Field(() => Int)
  cancelled!: number;
  @Field(() => Int, { description: "PENDING, RUNNING or RETRYING." })
  inProgress!: number;
  @Field(() => Int, { description: "Skipped by the overlap policy, or could not start." })
  skipped!: number;
  @Field(() => Float, { nullable: true, description: "completed / (completed + failed), 0-1; null before any finished." })
  successRate!: number | null;
}

@ObjectType("SchedulerOverview")
export class SchedulerOverview {
  @Field(() => Int)
  schedules!: number;
  @Field(() => Int, { description: "Unpaused and waiting for their next fire." })
  active!: number;
  @Field(() => Int, { description: "Unpaused with a task PENDING, RUNNING or RETRYING." })
  running!: number;
  @Field(() => Int)
  paused!: number;
  @Field(() => [UpcomingFire], { description: "The next fires across all unpaused schedules, soonest first." })
  nextFires!: UpcomingFire[];
  @Field(() => ScheduleFireStats, { description: "Fires in the last 24 hours." })
  last24h!: ScheduleFireStats;
  @Field(() => DateTime, {
    nullable: true,
    description: "When a worker last ran the per-minute tick (graphile-worker's crontab bookkeeping); older than a few minutes means no worker is scheduling.",
  })
  lastTickAt!: Date | null;
  @Field(() => Int, { description: "Worker processes heartbeating now; with none, fires wait in the queue." })
  workerPoolsAlive!: number;
}

const DAY_MS = 86_400_000;

/** The next `count` fires across `schedules` (callers pass the unpaused ones), soonest first. */
export function upcomingFires(schedules: Schedule[], now: Date, count: number): UpcomingFire[] {
  return schedules
    .flatMap((s) => firesAfter(timingOf(s), now, count).map((at) => Object.assign(new UpcomingFire(), { at, schedule: s })))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(0, count);
}

/** The dashboard's figures, from the rows (no counters to drift). */
export async function schedulerOverview(ds: DataSource, clock: Clock, nextCount: number): Promise<SchedulerOverview> {
  const now = clock.now();
  const schedules = (await ds.query(`SELECT * FROM schedule`)).map(scheduleFromRow) as Schedule[];
  const busyRows: Array<{ schedule_id: string }> = await ds.query(
    `SELECT DISTINCT schedule_id FROM task t WHERE schedule_id IS NOT NULL AND status = ANY($1) AND ${notWaitingAhead("t", "$2")}`,
    [OPEN_STATUSES, now],
  );
  const busy = new Set(busyRows.map((r) => r.schedule_id));
  const unpaused = schedules.filter((s) => !s.paused);
  const running = unpaused.filter((s) => busy.has(s.id)).length;

  const nextFires = upcomingFires(unpaused, now, nextCount);

  const since = new Date(now.getTime() - DAY_MS);
  const [t] = await ds.query(
    `SELECT count(*)::int AS fires,
       count(*) FILTER (WHERE status = 'completed')::int AS completed,
       count(*) FILTER (WHERE status = 'failed')::int AS failed,
       count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
       count(*) FILTER (WHERE status IN ('pending', 'running', 'retrying'))::int AS in_progress
     FROM task WHERE fire_at >= $1 AND fire_at <= $2 AND schedule_id IS NOT NULL`,
    [since, now],
  );
  const [{ skipped }] = await ds.query(`SELECT count(*)::int AS skipped FROM schedule_skipped_fire WHERE fire_at >= $1`, [since]);
  const finished = t.completed + t.failed;
  const [tick] = await ds.query(`SELECT last_execution FROM graphile_worker._private_known_crontabs WHERE identifier = $1`, [TICK_TASK]);
  const [{ alive }] = await ds.query(`SELECT count(*)::int AS alive FROM worker_pool WHERE stopped_at IS NULL AND lost_at IS NULL`);

  return Object.assign(new SchedulerOverview(), {
    schedules: schedules.length,
    paused: schedules.length - unpaused.length,
    running,
    active: unpaused.length - running,
    nextFires,
    last24h: Object.assign(new ScheduleFireStats(), {
      fires: t.fires + skipped,
      completed: t.completed,
      failed: t.failed,
      cancelled: t.cancelled,
      inProgress: t.in_progress,
      skipped,
      successRate: finished ? t.completed / finished : null,
    }),
    lastTickAt: tick?.last_execution ?? null,
    workerPoolsAlive: alive,
  });
}
