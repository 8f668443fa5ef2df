import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";
import { UpcomingFire } from "../schedules/schedule-overview.js";

export enum PausedKind {
  TASK_TYPE = "task_type",
  QUEUE = "queue",
}
registerEnumType(PausedKind, { name: "PausedKind", description: "What a pause applies to: every task of a type, or every task in a named queue." });

export enum WorkerPoolState {
  ALIVE = "alive",
  SILENT = "silent",
  STOPPED = "stopped",
  LOST = "lost",
}
registerEnumType(WorkerPoolState, {
  name: "WorkerPoolState",
  valuesConfig: {
    ALIVE: { description: "Heartbeat within the last two beats." },
    SILENT: { description: "No heartbeat for more than two beats; declared LOST once silent past the grace." },
    STOPPED: { description: "Shut down gracefully." },
    LOST: { description: "Declared lost by the sweeper; its tasks were handed back." },
  },
});

@ObjectType("QueueDepth", { description: "Tasks waiting and running for one task type in one queue." })
export class QueueDepth {
  @Field(() => String)
  taskType!: string;
  @Field(() => String, { nullable: true, description: "The named queue (serial), or null for none." })
  queue!: string | null;
  @Field(() => Int)
  pending!: number;
  @Field(() => Int)
  retrying!: number;
  @Field(() => Int)
  running!: number;
  @Field(() => Boolean, { description: "The task type or the queue is paused." })
  paused!: boolean;
}

@ObjectType("QueueSummary", { description: "One named queue across task types." })
export class QueueSummary {
  @Field(() => String)
  queue!: string;
  @Field(() => Int, { description: "PENDING or RETRYING." })
  waiting!: number;
  @Field(() => Int)
  running!: number;
  @Field(() => Boolean)
  paused!: boolean;
}

@ObjectType("ThroughputBucket", { description: "Tasks that finished in one time bucket, by outcome." })
export class ThroughputBucket {
  @Field(() => DateTime)
  start!: Date;
  @Field(() => Int)
  completed!: number;
  @Field(() => Int)
  failed!: number;
  @Field(() => Int)
  cancelled!: number;
}

@ObjectType("Throughput", { description: "Finished tasks over a window, in equal buckets (empty ones included), oldest first." })
export class Throughput {
  @Field(() => Int, { description: "Bucket width in seconds." })
  bucketSeconds!: number;
  @Field(() => [ThroughputBucket])
  buckets!: ThroughputBucket[];
  @Field(() => Int)
  completed!: number;
  @Field(() => Int)
  failed!: number;
  @Field(() => Int)
  cancelled!: number;
  @Field(() => Float, { nullable: true, description: "failed / (completed + failed), 0-1; null when none finished." })
  failureRate!: number | null;
}

@ObjectType("TaskTypeDuration", { description: "Wall time of COMPLETED tasks of one type over the last 24 hours, start to finish." })
export class TaskTypeDuration {
  @Field(() => String)
  taskType!: string;
  @Field(() => Int)
  count!: number;
  @Field(() => Float)
  avgMs!: number;
  @Field(() => Float)
  p95Ms!: number;
}

@ObjectType("RunningTaskSummary")
export class RunningTaskSummary {
  @Field(() => ID)
  taskId!: string;
  @Field(() => String)
  taskType!: string;
  @Field(() => DateTime, { nullable: true })
  startedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "The worker pool running it." })
  workerPoolId!: string | null;
  @Field(() => Float, { nullable: true })
  percent!: number | null;
}

@ObjectType("RecentFailure")
export class RecentFailure {
  @Field(() => ID)
  taskId!: string;
  @Field(() => String)
  taskType!: string;
  @Field(() => String, { nullable: true })
  error!: string | null;
  @Field(() => Int)
  attempts!: number;
  @Field(() => DateTime)
  finishedAt!: Date;
}

@ObjectType("PausedWork")
export class PausedWork {
  @Field(() => PausedKind)
  kind!: PausedKind;
  @Field(() => String)
  name!: string;
  @Field(() => DateTime)
  pausedAt!: Date;
}

@ObjectType("WorkerPool", { description: "One worker process's graphile-worker pool, as it registered and heartbeats." })
export class WorkerPool {
  @Field(() => ID)
  id!: string;
  @Field(() => String)
  host!: string;
  @Field(() => Int)
  pid!: number;
  @Field(() => String)
  version!: string;
  @Field(() => [String])
  taskTypes!: string[];
  @Field(() => Int)
  concurrency!: number;
  @Field(() => Int, { description: "Tasks it runs now; load = running / concurrency." })
  running!: number;
  @Field(() => Float)
  load!: number;
  @Field(() => WorkerPoolState)
  state!: WorkerPoolState;
  @Field(() => DateTime)
  startedAt!: Date;
  @Field(() => DateTime)
  heartbeatAt!: Date;
  @Field(() => Float, { description: "Seconds since the last heartbeat, by the database's clock." })
  heartbeatAgeSeconds!: number;
  @Field(() => DateTime, { nullable: true })
  stoppedAt!: Date | null;
  @Field(() => DateTime, { nullable: true })
  lostAt!: Date | null;
}

@ObjectType("OperationsOverview", { description: "The operations dashboard, cluster-wide, read from the database." })
export class OperationsOverview {
  @Field(() => DateTime)
  generatedAt!: Date;
  @Field(() => [QueueDepth], { description: "Per task type and queue, only those with tasks waiting or running." })
  queueDepth!: QueueDepth[];
  @Field(() => [QueueSummary], { description: "Per named queue." })
  queues!: QueueSummary[];
  @Field(() => Int)
  waiting!: number;
  @Field(() => Int)
  running!: number;
  @Field(() => [RunningTaskSummary], { description: "The longest-running tasks, oldest first (at most 20)." })
  runningTasks!: RunningTaskSummary[];
  @Field(() => Throughput, { description: "The last hour in 5-minute buckets." })
  lastHour!: Throughput;
  @Field(() => Throughput, { description: "The last 24 hours in 1-hour buckets." })
  lastDay!: Throughput;
  @Field(() => [TaskTypeDuration])
  durations!: TaskTypeDuration[];
  @Field(() => [UpcomingFire], { description: "The next fires across unpaused schedules, soonest first." })
  schedulesDueNext!: UpcomingFire[];
  @Field(() => [RecentFailure], { description: "The latest FAILED tasks, newest first." })
  recentFailures!: RecentFailure[];
  @Field(() => [PausedWork])
  paused!: PausedWork[];
  @Field(() => [WorkerPool], { description: "Pools alive, plus those that stopped or were lost in the last hour." })
  workerPools!: WorkerPool[];
}
