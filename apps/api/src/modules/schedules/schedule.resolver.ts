import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, UseMiddleware } from "type-graphql";
import { StartsWork } from "../../graphql/auth-checker.js";
import { type Context, viewerOf } from "../../graphql/context.js";
import { BadUserInputError } from "../../graphql/errors.js";
import { JSON as JSONScalar, DateTime } from "../../graphql/scalars.js";
import { User } from "../identity/user.entity.js";
import { canSeeTask } from "../identity/viewer.js";
import { Task } from "../tasks/task.entity.js";
import { checkTiming, describeTiming, firesAfter } from "./next-fires.js";
import { SchedulerOverview, schedulerOverview } from "./schedule-overview.js";
import { Schedule, ScheduleFire, ScheduleStatus, ScheduleUpdate } from "./schedule.entity.js";
import { CreateScheduleInput, SchedulePreview, UpdateScheduleInput } from "./schedule.inputs.js";

const MAX_FIRES = 100;

function fireCount(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > MAX_FIRES) throw new BadUserInputError(`count must be between 0 and ${MAX_FIRES}`, { field: "count" });
  return n;
}

@Resolver(() => Schedule)
export class ScheduleResolver {
  @Authorized("schedules:read")
  @Query(() => [Schedule], { description: "Every schedule, by name." })
  schedules(@Ctx() { app }: Context) {
    return app.schedules.list();
  }

  @Authorized("schedules:read")
  @Query(() => Schedule, { nullable: true })
  schedule(@Arg("id", () => ID) id: string, @Ctx() { app }: Context) {
    return app.schedules.get(id);
  }

  @Authorized("schedules:read")
  @Query(() => SchedulerOverview, { description: "Counts by state, the next fires across schedules, the last 24 hours." })
  schedulerOverview(@Ctx() { app }: Context, @Arg("nextFires", () => Int, { defaultValue: 10 }) nextFires: number) {
    return schedulerOverview(app.db, app.clock, fireCount(nextFires));
  }

  @Authorized("schedules:read")
  @Query(() => SchedulePreview, { description: "What a timing would do, for a form's live preview. Invalid input: BAD_USER_INPUT saying what is wrong." })
  previewSchedule(
    @Ctx() { app }: Context,
    @Arg("cron", () => String, { nullable: true }) cron: string | null,
    @Arg("intervalSeconds", () => Int, { nullable: true }) intervalSeconds: number | null,
    @Arg("timezone", () => String, { defaultValue: "UTC" }) timezone: string,
    @Arg("count", () => Int, { defaultValue: 5 }) count: number,
  ): SchedulePreview {
    const timing = checkTiming({ cron, intervalSeconds, timezone });
    const now = app.clock.now();
    return { description: describeTiming(timing), nextFires: firesAfter({ ...timing, anchor: now }, now, fireCount(count)) };
  }

  @Authorized("schedules:write")
  @Mutation(() => Schedule)
  async createSchedule(@Arg("input", () => CreateScheduleInput) input: CreateScheduleInput, @Ctx() ctx: Context) {
    const s = await ctx.app.schedules.create(viewerOf(ctx), input);
    await ctx.app.audit.record(ctx.viewer, "SCHEDULE_CREATED", { type: "Schedule", id: s.id }, { name: s.name, taskType: s.taskType, cron: s.cron, intervalSeconds: s.intervalSeconds, timezone: s.timezone }, ctx.meta.ip);
    return s;
  }

  @Authorized("schedules:write")
  @Mutation(() => Schedule, { description: "Only the fields given change. A new timing starts from now; fires enqueued for the old one are removed." })
  async updateSchedule(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateScheduleInput) input: UpdateScheduleInput, @Ctx() ctx: Context) {
    const s = await ctx.app.schedules.update(viewerOf(ctx), id, input);
    await ctx.app.audit.record(ctx.viewer, "SCHEDULE_UPDATED", { type: "Schedule", id }, { name: s.name, changed: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined) }, ctx.meta.ip);
    return s;
  }

  @Authorized("schedules:write")
  @Mutation(() => Schedule, { description: "Returns its last state. Its tasks stay; its pending fires are removed." })
  async deleteSchedule(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const s = await ctx.app.schedules.delete(id);
    await ctx.app.audit.record(ctx.viewer, "SCHEDULE_DELETED", { type: "Schedule", id }, { name: s.name }, ctx.meta.ip);
    return s;
  }

  @Authorized("schedules:write")
  @Mutation(() => Schedule, { description: "Fires nothing until resumed; fires already enqueued are removed." })
  async pauseSchedule(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const s = await ctx.app.schedules.pause(viewerOf(ctx), id);
    await ctx.app.audit.record(ctx.viewer, "SCHEDULE_PAUSED", { type: "Schedule", id }, { name: s.name }, ctx.meta.ip);
    return s;
  }

  @Authorized("schedules:write")
  @Mutation(() => Schedule, { description: "Fires again from now on; fires missed while paused are not replayed." })
  async resumeSchedule(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const s = await ctx.app.schedules.resume(viewerOf(ctx), id);
    await ctx.app.audit.record(ctx.viewer, "SCHEDULE_RESUMED", { type: "Schedule", id }, { name: s.name }, ctx.meta.ip);
    return s;
  }

  @Authorized("schedules:write")
  @UseMiddleware(StartsWork)
  @Mutation(() => Task, { description: "Runs the schedule now, paused or not. With overlap SKIP and a task still running: SCHEDULE_BUSY unless force." })
  async triggerSchedule(@Arg("id", () => ID) id: string, @Arg("force", () => Boolean, { defaultValue: false }) force: boolean, @Ctx() ctx: Context) {
    const task = await ctx.app.schedules.trigger(id, force);
    await ctx.app.audit.record(ctx.viewer, "SCHEDULE_TRIGGERED", { type: "Schedule", id }, { taskId: task.id, force }, ctx.meta.ip);
    return task;
  }

  @Authorized("schedules:read")
  @Subscription(() => ScheduleUpdate, {
    description: "Every change to any schedule (created, changed, paused, resumed, deleted), newest state per schedule.",
    subscribe: ({ context }) => (context as Context).app.scheduleHub.watch(),
  })
  scheduleUpdated(@Root() update: ScheduleUpdate): ScheduleUpdate {
    return update;
  }

  @FieldResolver(() => JSONScalar)
  payload(@Root() s: Schedule): unknown {
    return s.payload;
  }

  @FieldResolver(() => String, { description: 'Human-readable timing, e.g. "At 08:00, only on Monday (Europe/Berlin)".' })
  description(@Root() s: Schedule): string {
    return describeTiming(s);
  }

  @FieldResolver(() => [DateTime], { description: "The next fire times (computed in the schedule's timezone); none while paused." })
  nextFires(@Root() s: Schedule, @Ctx() { app }: Context, @Arg("count", () => Int, { defaultValue: 5 }) count: number): Date[] {
    return app.schedules.nextFires(s, fireCount(count));
  }

  @FieldResolver(() => ScheduleStatus)
  status(@Root() s: Schedule, @Ctx() { app }: Context) {
    return app.schedules.status(s);
  }

  @FieldResolver(() => ScheduleFire, { nullable: true, description: "The newest fire: its task, or why it started none." })
  async lastFire(@Root() s: Schedule, @Ctx() ctx: Context): Promise<ScheduleFire | null> {
    const fire = await ctx.app.schedules.lastFire(s);
    if (fire?.task && !canSeeTask(viewerOf(ctx), fire.task)) fire.task = null;
    return fire;
  }

  @FieldResolver(() => User, { nullable: true })
  createdBy(@Root() s: Schedule, @Ctx() { app }: Context) {
    return s.createdById ? app.users.get(s.createdById) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  updatedBy(@Root() s: Schedule, @Ctx() { app }: Context) {
    return s.updatedById ? app.users.get(s.updatedById) : null;
  }
}
