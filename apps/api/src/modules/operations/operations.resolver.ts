import { Arg, Authorized, Ctx, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { OperationsOverview, PausedKind, PausedWork, WorkerPool } from "./operations.types.js";

/** The operations dashboard: admins only (it shows every user's tasks and their errors). */
@Resolver()
export class OperationsResolver {
  @Authorized("admin")
  @Query(() => OperationsOverview, { description: "Queues, running tasks, throughput, durations, pools, schedules due and recent failures, cluster-wide." })
  operationsOverview(@Ctx() ctx: Context): Promise<OperationsOverview> {
    return ctx.app.operations.overview();
  }

  @Authorized("admin")
  @Query(() => [WorkerPool], { description: "Worker pools alive, plus those that stopped or were lost in the last hour, latest heartbeat first." })
  workerPools(@Ctx() ctx: Context): Promise<WorkerPool[]> {
    return ctx.app.operations.workerPools();
  }

  @Authorized("admin")
  @Subscription(() => OperationsOverview, {
    description: "The current overview, then a fresh one after task, schedule and pause events (at most one per 1.5 s), and every 10 s for heartbeat ages.",
    subscribe: ({ context }) => (context as Context).app.operationsHub.watch(),
  })
  operationsUpdated(@Root() overview: OperationsOverview): OperationsOverview {
    return overview;
  }

  @Authorized("admin")
  @Mutation(() => PausedWork, { description: "Tasks of this type stay PENDING until resumed; running ones finish. Attempts are not used up." })
  pauseTaskType(@Arg("taskType", () => String) taskType: string, @Ctx() ctx: Context): Promise<PausedWork> {
    return this.pause(ctx, PausedKind.TASK_TYPE, taskType);
  }

  @Authorized("admin")
  @Mutation(() => [PausedWork], { description: "Tasks of this type run again at once; returns what is still paused." })
  resumeTaskType(@Arg("taskType", () => String) taskType: string, @Ctx() ctx: Context): Promise<PausedWork[]> {
    return this.resume(ctx, PausedKind.TASK_TYPE, taskType);
  }

  @Authorized("admin")
  @Mutation(() => PausedWork, { description: "Tasks in this named queue stay PENDING until resumed; running ones finish." })
  pauseQueue(@Arg("queue", () => String) queue: string, @Ctx() ctx: Context): Promise<PausedWork> {
    return this.pause(ctx, PausedKind.QUEUE, queue);
  }

  @Authorized("admin")
  @Mutation(() => [PausedWork], { description: "Tasks in this queue run again at once; returns what is still paused." })
  resumeQueue(@Arg("queue", () => String) queue: string, @Ctx() ctx: Context): Promise<PausedWork[]> {
    return this.resume(ctx, PausedKind.QUEUE, queue);
  }

  private async pause(ctx: Context, kind: PausedKind, name: string): Promise<PausedWork> {
    const paused = await ctx.app.operations.pause(kind, name, ctx.viewer?.userId ?? null);
    await ctx.app.audit.record(ctx.viewer, kind === PausedKind.QUEUE ? "QUEUE_PAUSED" : "TASK_TYPE_PAUSED", { type: kind === PausedKind.QUEUE ? "Queue" : "TaskType", id: name }, {}, ctx.meta.ip);
    return paused;
  }

  private async resume(ctx: Context, kind: PausedKind, name: string): Promise<PausedWork[]> {
    const released = await ctx.app.operations.resume(kind, name);
    await ctx.app.audit.record(ctx.viewer, kind === PausedKind.QUEUE ? "QUEUE_RESUMED" : "TASK_TYPE_RESUMED", { type: kind === PausedKind.QUEUE ? "Queue" : "TaskType", id: name }, { released }, ctx.meta.ip);
    return ctx.app.operations.paused();
  }
}
