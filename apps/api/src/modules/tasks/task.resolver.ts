import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, UseMiddleware } from "type-graphql";
import { StartsWork } from "../../graphql/auth-checker.js";
import { ConnectionType, pageSize } from "../../graphql/connection.js";
import { type Context, viewerOf } from "../../graphql/context.js";
import { User } from "../identity/user.entity.js";
import { JSON as JSONScalar } from "../../graphql/scalars.js";
import { isFinal } from "./task-status.js";
import { watchTask, watchTasks } from "./task-subscriptions.js";
import { TaskFilter, TaskTypeInfo } from "./task.inputs.js";
import { Task, TaskItemError, TaskProgress } from "./task.entity.js";

export const TaskConnection = ConnectionType("Task", Task);

@Resolver(() => Task)
export class TaskResolver {
  @Authorized("tasks:read")
  @Query(() => Task, { nullable: true })
  task(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.app.tasks.getFor(viewerOf(ctx), id);
  }

  @Authorized("tasks:read")
  @Query(() => TaskConnection, { description: "Newest first; the tasks the caller may see." })
  tasks(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("filter", () => TaskFilter, { nullable: true }) filter?: TaskFilter | null,
  ) {
    return ctx.app.tasks.list(viewerOf(ctx), { first: pageSize(first), after, filter });
  }

  @Authorized("tasks:read")
  @Query(() => [TaskTypeInfo])
  taskTypes(@Ctx() { app }: Context): TaskTypeInfo[] {
    return app.registry.list().map((t) => ({ name: t.name, title: t.title, maxAttempts: t.maxAttempts, timeLimitSeconds: Math.round(t.timeLimitMs / 1000) }));
  }

  @Authorized("tasks:write")
  @Mutation(() => Task, { description: "A waiting task leaves the queue; a running one is aborted on its worker and ends CANCELLED." })
  async cancelTask(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const task = await ctx.app.tasks.cancel(viewerOf(ctx), id);
    await ctx.app.audit.record(ctx.viewer, "TASK_CANCELLED", { type: "Task", id }, { taskType: task.type }, ctx.meta.ip);
    return task;
  }

  @Authorized("tasks:write")
  @UseMiddleware(StartsWork)
  @Mutation(() => Task, { description: "Runs a FAILED or CANCELLED task again, as a new attempt of the same task." })
  async retryTask(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const task = await ctx.app.tasks.retry(viewerOf(ctx), id);
    await ctx.app.audit.record(ctx.viewer, "TASK_RETRIED", { type: "Task", id }, { taskType: task.type }, ctx.meta.ip);
    return task;
  }

  @Authorized("tasks:read")
  @Subscription(() => Task, {
    description: "The task's current snapshot first, then every change in version order.",
    subscribe: ({ args, context }) => watchTask((context as Context).app, viewerOf(context as Context), args.id),
  })
  taskUpdated(@Root() task: Task, @Arg("id", () => ID) _id: string): Task {
    return task;
  }

  @Authorized("tasks:read")
  @Subscription(() => Task, {
    description: "Every change to any task that matches the filter and the caller may see.",
    subscribe: ({ args, context }) => watchTasks((context as Context).app, viewerOf(context as Context), args.filter),
  })
  tasksUpdated(@Root() task: Task, @Arg("filter", () => TaskFilter, { nullable: true }) _filter?: TaskFilter): Task {
    return task;
  }

  @FieldResolver(() => TaskProgress)
  progress(@Root() t: Task): TaskProgress {
    const percent = t.progressTotal ? Math.min(100, Math.round((10_000 * t.progressCurrent) / t.progressTotal) / 100) : t.progressTotal === 0 ? 100 : null;
    return { current: t.progressCurrent, total: t.progressTotal, percent, message: t.progressMessage };
  }

  @FieldResolver(() => Boolean, { description: "A cancel was asked for and the worker has not stopped yet, or the task was cancelled." })
  cancelRequested(@Root() t: Task): boolean {
    return t.cancelRequestedAt !== null;
  }

  @FieldResolver(() => [TaskItemError], { description: "Per-item failures of the current attempt, oldest first." })
  errors(@Root() t: Task, @Ctx() { app }: Context, @Arg("first", () => Int, { defaultValue: 100 }) first: number) {
    if (t.failureCount === 0) return [];
    return app.tasks.itemErrors(t, pageSize(first, 100));
  }

  @FieldResolver(() => User, { nullable: true, description: "Who started it; null for system tasks (and deleted users)." })
  createdBy(@Root() t: Task, @Ctx() { app }: Context) {
    return t.createdById ? app.users.get(t.createdById) : null;
  }

  @FieldResolver(() => JSONScalar, { nullable: true, description: "What the task returned; set once COMPLETED." })
  async result(@Root() t: Task, @Ctx() { app }: Context) {
    if (t.result !== undefined) return t.result;
    if (!isFinal(t.status)) return null;
    return (await app.taskDetails.get(t))?.result ?? null;
  }

  @FieldResolver(() => JSONScalar)
  async payload(@Root() t: Task, @Ctx() { app }: Context) {
    if (t.payload !== undefined) return t.payload;
    return (await app.taskDetails.get(t))?.payload ?? null;
  }
}
