import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { type Context, viewerOf } from "../../graphql/context.js";
import { DateTime } from "../../graphql/scalars.js";
import { Candidate } from "../recruiting/candidate.entity.js";
import { JobPosting } from "../recruiting/job-posting.entity.js";
import { Interview } from "./interview.entity.js";
import { ScheduleInterviewInput, UpdateInterviewInput } from "./interview.inputs.js";

@Resolver(() => Interview)
export class InterviewResolver {
  @Authorized("recruiting:read")
  @Query(() => [Interview], { description: "Interviews not cancelled, soonest first (at most 500): of one posting and/or starting in [from, to)." })
  interviews(
    @Ctx() { app }: Context,
    @Arg("jobPostingId", () => ID, { nullable: true }) jobPostingId?: string | null,
    @Arg("from", () => DateTime, { nullable: true }) from?: Date | null,
    @Arg("to", () => DateTime, { nullable: true }) to?: Date | null,
  ) {
    return app.interviews.list({ jobPostingId, from, to });
  }

  @Authorized("recruiting:write")
  @Mutation(() => Interview, { description: "Schedules an interview; reminders go out 24 h and 1 h before it starts." })
  async scheduleInterview(@Arg("input", () => ScheduleInterviewInput) input: ScheduleInterviewInput, @Ctx() ctx: Context) {
    const interview = await ctx.app.interviews.schedule(input, viewerOf(ctx).userId);
    await ctx.app.audit.record(ctx.viewer, "INTERVIEW_SCHEDULED", { type: "Interview", id: interview.id }, { candidateId: interview.candidateId, startsAt: interview.startsAt }, ctx.meta.ip);
    return interview;
  }

  @Authorized("recruiting:write")
  @Mutation(() => Interview, { description: "Reschedules an interview: only the fields given change; a new time sends both reminders again." })
  async updateInterview(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateInterviewInput) input: UpdateInterviewInput, @Ctx() ctx: Context) {
    const interview = await ctx.app.interviews.update(id, input);
    await ctx.app.audit.record(ctx.viewer, "INTERVIEW_UPDATED", { type: "Interview", id }, { startsAt: interview.startsAt, changed: Object.keys(input).filter((k) => input[k as keyof UpdateInterviewInput] !== undefined) }, ctx.meta.ip);
    return interview;
  }

  @Authorized("recruiting:write")
  @Mutation(() => Interview, { description: "Cancels an interview: no more reminders. Idempotent." })
  async cancelInterview(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const interview = await ctx.app.interviews.cancel(id);
    await ctx.app.audit.record(ctx.viewer, "INTERVIEW_CANCELLED", { type: "Interview", id }, {}, ctx.meta.ip);
    return interview;
  }

  @FieldResolver(() => Candidate)
  candidate(@Root() interview: Interview, @Ctx() { app }: Context) {
    return app.interviews.candidateOf(interview);
  }

  @FieldResolver(() => JobPosting)
  jobPosting(@Root() interview: Interview, @Ctx() { app }: Context) {
    return app.recruiting.getPostingOrFail(interview.jobPostingId);
  }
}
