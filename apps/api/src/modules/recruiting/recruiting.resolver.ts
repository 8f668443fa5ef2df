import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, pageSize } from "../../graphql/connection.js";
import type { Context } from "../../graphql/context.js";
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
  @Query(() => JobPosting, { nullable: true })
  jobPosting(@Arg("id", () => ID) id: string, @Ctx() { app }: Context) {
    return app.recruiting.findPosting(id);
  }

  @Query(() => JobPostingConnection, { description: "Newest first." })
  jobPostings(
    @Ctx() { app }: Context,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ) {
    return app.recruiting.listPostings(pageSize(first), after);
  }

  @Mutation(() => JobPosting)
  createJobPosting(@Arg("input", () => CreateJobPostingInput) input: CreateJobPostingInput, @Ctx() { app }: Context) {
    return app.recruiting.createPosting(input);
  }

  @Mutation(() => [Candidate], { description: "Adds candidates to a posting; an email the posting already has updates that candidate." })
  addCandidates(
    @Arg("jobPostingId", () => ID) jobPostingId: string,
    @Arg("candidates", () => [CandidateInput]) candidates: CandidateInput[],
    @Ctx() { app }: Context,
  ) {
    return app.recruiting.addCandidates(jobPostingId, candidates);
  }

  @Mutation(() => Task, { description: "Starts ranking every candidate of the posting; returns the PENDING task at once." })
  async rankCandidates(@Arg("jobPostingId", () => ID) jobPostingId: string, @Ctx() { app }: Context) {
    await app.recruiting.getPostingOrFail(jobPostingId);
    return app.tasks.enqueue(RANK_CANDIDATES, { jobPostingId });
  }

  @Mutation(() => JobPosting, { description: "Creates a demo job posting with a few dozen candidates, for a first look at an empty install." })
  async createDemoData(@Ctx() { app }: Context) {
    const posting = await app.recruiting.createPosting(DEMO_POSTING);
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
  async latestRanking(@Root() posting: JobPosting, @Ctx() { app }: Context) {
    const id = await app.recruiting.latestRankingId(posting.id);
    return id ? app.tasks.get(id) : null;
  }
}

@Resolver(() => Candidate)
export class CandidateResolver {
  @FieldResolver(() => JobPosting)
  jobPosting(@Root() candidate: Candidate, @Ctx() { app }: Context) {
    return app.recruiting.getPostingOrFail(candidate.jobPostingId);
  }
}
