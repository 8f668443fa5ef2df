import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateTime } from "../../graphql/scalars.js";
import { Task } from "../tasks/task.entity.js";

export enum OverlapPolicy {
  SKIP = "skip",
  ALLOW = "allow",
}
registerEnumType(OverlapPolicy, {
  name: "OverlapPolicy",
  valuesConfig: {
    SKIP: { description: "A fire while a task of this schedule is still PENDING, RUNNING or RETRYING is skipped (and recorded)." },
    ALLOW: { description: "Every fire starts a task, even while earlier ones still run." },
  },
});

export enum CatchUpPolicy {
  NONE = "none",
  LATEST = "latest",
  ALL = "all",
}
registerEnumType(CatchUpPolicy, {
  name: "CatchUpPolicy",
  description: "What happens to fires missed while no worker was running.",
  valuesConfig: {
    NONE: { description: "Missed fires are skipped." },
    LATEST: { description: "The last missed fire runs once." },
    ALL: { description: "Missed fires run, the most recent catchUpCap of them." },
  },
});

export enum ScheduleStatus {
  ACTIVE = "active",
  RUNNING = "running",
  PAUSED = "paused",
}
registerEnumType(ScheduleStatus, {
  name: "ScheduleStatus",
  valuesConfig: {
    ACTIVE: { description: "Waiting for its next fire." },
    RUNNING: { description: "A task it fired is PENDING, RUNNING or RETRYING." },
    PAUSED: { description: "Fires nothing until resumed." },
  },
});

/** A row that fires tasks of one type by cron or interval (docs/schedules.md). */
@Entity("schedule")
@ObjectType("Schedule", { description: "Fires tasks of one task type by cron expression or interval, in an IANA timezone." })
export class Schedule {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID)
  id!: string;

  @Column({ type: "text" })
  @Field(() => String)
  name!: string;

  @Column({ name: "task_type", type: "text" })
  @Field(() => String)
  taskType!: string;

  @Column({ type: "jsonb" })
  payload!: unknown;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Five fields or a macro (@daily, @hourly, @weekly, ...); null for interval schedules." })
  cron!: string | null;

  @Column({ name: "interval_seconds", type: "int", nullable: true })
  @Field(() => Int, { nullable: true, description: "Fires every this many seconds from creation; null for cron schedules." })
  intervalSeconds!: number | null;

  @Column({ type: "text" })
  @Field(() => String, { description: "IANA timezone the cron expression is read in." })
  timezone!: string;

  @Column({ type: "boolean" })
  @Field(() => Boolean)
  paused!: boolean;

  @Column({ name: "overlap_policy", type: "text" })
  @Field(() => OverlapPolicy)
  overlapPolicy!: OverlapPolicy;

  @Column({ name: "catch_up_policy", type: "text" })
  @Field(() => CatchUpPolicy)
  catchUpPolicy!: CatchUpPolicy;

  @Column({ name: "catch_up_cap", type: "int" })
  @Field(() => Int, { description: "With catch-up ALL, at most this many missed fires run." })
  catchUpCap!: number;

  /** The tick's bookkeeping: fires up to here are enqueued (or were skipped by policy). */
  @Column({ name: "last_enqueued_fire_at", type: "timestamptz", nullable: true })
  lastEnqueuedFireAt!: Date | null;

  @Column({ name: "created_by", type: "uuid", nullable: true })
  createdById!: string | null;

  @Column({ name: "updated_by", type: "uuid", nullable: true })
  updatedById!: string | null;

  @Column({ name: "created_at", type: "timestamptz" })
  @Field(() => DateTime)
  createdAt!: Date;

  @Column({ name: "updated_at", type: "timestamptz" })
  @Field(() => DateTime)
  updatedAt!: Date;

  @Column({ type: "int" })
  @Field(() => Int, { description: "Grows by one with every change a user can see." })
  version!: number;
}

@ObjectType("ScheduleFire", { description: "One fire of a schedule: the task it started, or why it started none." })
export class ScheduleFire {
  @Field(() => DateTime, { description: "The fire time (for a trigger: when it was triggered)." })
  at!: Date;

  @Field(() => Task, { nullable: true, description: "Null when the fire was skipped, the task was deleted, or it is private to someone else." })
  task!: Task | null;

  @Field(() => String, { nullable: true, description: "Why no task was started (overlap, invalid payload), when none was." })
  skippedReason!: string | null;
}

/** What `scheduleUpdated` sends: the schedule's new state, or that it was deleted. */
@ObjectType("ScheduleUpdate")
export class ScheduleUpdate {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Boolean)
  deleted!: boolean;

  @Field(() => Schedule, { nullable: true, description: "Null when deleted." })
  schedule!: Schedule | null;
}

export function scheduleFromRow(r: Record<string, any>): Schedule {
  return Object.assign(new Schedule(), {
    id: r.id,
    name: r.name,
    taskType: r.task_type,
    payload: r.payload,
    cron: r.cron,
    intervalSeconds: r.interval_seconds,
    timezone: r.timezone,
    paused: r.paused,
    overlapPolicy: r.overlap_policy,
    catchUpPolicy: r.catch_up_policy,
    catchUpCap: r.catch_up_cap,
    lastEnqueuedFireAt: r.last_enqueued_fire_at,
    createdById: r.created_by,
    updatedById: r.updated_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  });
}

export function timingOf(s: Pick<Schedule, "cron" | "intervalSeconds" | "timezone" | "createdAt">) {
  return { cron: s.cron, intervalSeconds: s.intervalSeconds, timezone: s.timezone, anchor: s.createdAt };
}
