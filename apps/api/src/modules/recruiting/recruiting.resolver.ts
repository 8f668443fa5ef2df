import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import { StartsWork } from "../../graphql/auth-checker.js";
import { ConnectionType, pageSize } from "../../graphql/connection.js";
import { type Context, viewerOf } from "../../graphql/context.js";
import { Task } from "../tasks/task.entity.js";
import { Candidate } from "./candidate.entity.js";
import { DEMO_POSTING, demoCandidates } from "./demo-data.js";
import { JobPosting } from "./job-posting.entity.js";
import { CandidateInput, CreateJobPostingInput } from "./recruiting.inputs.js";
import { RANK_CANDIDATES } from "./recruiting.service.js";

export const JobPostingConnection = ConnectionType("JobPosting", JobPosting);
export const CandidateConnection = ConnectionType("Candidate", Candidate);

@Resolver(() => JobPosting)
export class JobPostingResolver {
  @Authorized("recruiting:read")
  @Query(() => JobPosting, { nullable: true })
  jobPosting(@Arg("id", () => ID) id: string, @Ctx() { app }: Context) {
    return app.recruiting.findPosting(id);
  }

  @Authorized("recruiting:read")
  @Query(() => JobPostingConnection, { description: "Newest first." })
  jobPostings(
    @Ctx() { app }: Context,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ) {
    return app.recruiting.listPostings(pageSize(first), after);
  }

  @Authorized("recruiting:write")
  @Mutation(() => JobPosting)
  createJobPosting(@Arg("input", () => CreateJobPostingInput) input: CreateJobPostingInput, @Ctx() ctx: Context) {
    return ctx.app.recruiting.createPosting(input, viewerOf(ctx).userId);
  }

  @Authorized("recruiting:write")
  @Mutation(() => [Candidate], { description: "Adds candidates to a posting; an email the posting already has updates that candidate." })
  addCandidates(
    @Arg("jobPostingId", () => ID) jobPostingId: string,
    @Arg("candidates", () => [CandidateInput]) candidates: CandidateInput[],
    @Ctx() { app }: Context,
  ) {
    return app.recruiting.addCandidates(jobPostingId, candidates);
  }

  @Authorized("recruiting:write")
  @UseMiddleware(StartsWork)
  @Mutation(() => Task, { description: "Starts ranking every candidate of the posting; returns the PENDING task at once." })
  async rankCandidates(@Arg("jobPostingId", () => ID) jobPostingId: string, @Ctx() ctx: Context) {
    await ctx.app.recruiting.getPostingOrFail(jobPostingId);
    return ctx.app.tasks.enqueue(RANK_CANDIDATES, { jobPostingId }, { createdById: viewerOf(ctx).userId });
  }

  @Authorized("recruiting:write")
  @UseMiddleware(StartsWork)
  @Mutation(() => JobPosting, { description: "Creates a demo job posting with a few dozen candidates, for a first look at an empty install." })
  async createDemoData(@Ctx() ctx: Context) {
    const { app } = ctx;
    const posting = await app.recruiting.createPosting(DEMO_POSTING, viewerOf(ctx).userId);
    await app.recruiting.addCandidates(posting.id, demoCandidates());
    return posting;
  }

  @FieldResolver(() => Int)
  candidateCount(@Root() posting: JobPosting, @Ctx() { app }: Context) {
    return app.recruiting.candidateCount(posting.id);
  }

  @FieldResolver(() => CandidateConnection, { description: "Oldest first." })
  candidates(
    @Root() posting: JobPosting,
    @Ctx() { app }: Context,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ) {
    return app.recruiting.candidates(posting.id, pageSize(first, 50), after);
  }

  @FieldResolver(() => Task, { nullable: true, description: "The newest ranking task of this posting." })
  async latestRanking(@Root() posting: JobPosting, @Ctx() ctx: Context) {
    const id = await ctx.app.recruiting.latestRankingId(posting.id);
    return id && ctx.viewer ? ctx.app.tasks.getFor(ctx.viewer, id) : null;
  }
}

@Resolver(() => Candidate)
export class CandidateResolver {
  @FieldResolver(() => JobPosting)
  jobPosting(@Root() candidate: Candidate, @Ctx() { app }: Context) {
    return app.recruiting.getPostingOrFail(candidate.jobPostingId);
  }
}
