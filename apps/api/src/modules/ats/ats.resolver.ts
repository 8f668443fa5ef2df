import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import { StartsWork } from "../../graphql/auth-checker.js";
import { type Context, viewerOf } from "../../graphql/context.js";
import { BadUserInputError, NotFoundError } from "../../graphql/errors.js";
import { Candidate } from "../recruiting/candidate.entity.js";
import { HiringStatus } from "../recruiting/hiring-status.js";
import { JobPosting } from "../recruiting/job-posting.entity.js";
import { Task } from "../tasks/task.entity.js";
import type { AtsSourceRecord } from "./ats-source.model.js";
import { SYNC_HIRED_CANDIDATES } from "./ats-sync.service.js";
import { AtsConnectionTest, AtsPairStateType, AtsSourceInput, AtsSourceType, AtsSyncResultType, AtsSyncRunType, AtsSyncStatType } from "./ats.types.js";

/** What the API shows of a source: everything but the sealed credentials. */
function present(s: AtsSourceRecord): AtsSourceType {
  const { credentialsBox, ...rest } = s;
  return Object.assign(new AtsSourceType(), rest, { credentialsSet: !!credentialsBox });
}

const limit = (n: number, max: number) => {
  if (!Number.isInteger(n) || n < 1 || n > max) throw new BadUserInputError(`first must be between 1 and ${max}`, { field: "first" });
  return n;
};

@Resolver()
export class AtsSourceResolver {
  @Authorized("recruiting:read")
  @Query(() => [AtsSourceType], { description: "Every ATS source, by name." })
  async atsSources(@Ctx() { app }: Context) {
    return (await app.atsSources.list()).map(present);
  }

  @Authorized("recruiting:read")
  @Query(() => AtsSourceType, { nullable: true })
  async atsSource(@Arg("id", () => ID) id: string, @Ctx() { app }: Context) {
    const s = await app.atsSources.get(id);
    return s && present(s);
  }

  @Authorized("admin")
  @Mutation(() => AtsSourceType, { description: "Needs TASKLINE_SECRET_KEY when credentials are given (SECRET_KEY_MISSING)." })
  async createAtsSource(@Arg("input", () => AtsSourceInput) input: AtsSourceInput, @Ctx() ctx: Context) {
    return present(await ctx.app.atsSources.create(viewerOf(ctx), input as never, ctx.meta.ip));
  }

  @Authorized("admin")
  @Mutation(() => AtsSourceType)
  async updateAtsSource(@Arg("id", () => ID) id: string, @Arg("input", () => AtsSourceInput) input: AtsSourceInput, @Ctx() ctx: Context) {
    return present(await ctx.app.atsSources.update(viewerOf(ctx), id, input as never, ctx.meta.ip));
  }

  @Authorized("admin")
  @Mutation(() => AtsSourceType, { description: "Deletes the source with its sync state; history rows of it go too." })
  async deleteAtsSource(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return present(await ctx.app.atsSources.remove(viewerOf(ctx), id, ctx.meta.ip));
  }

  @Authorized("admin")
  @Mutation(() => AtsConnectionTest, { description: "An authenticated read against the source; on failure, the reason (DNS, TLS, UNAUTHORIZED, TIMEOUT…)." })
  testAtsSource(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.app.atsSources.test(viewerOf(ctx), id, ctx.meta.ip);
  }

  @Authorized("recruiting:write")
  @Mutation(() => Candidate, { description: "Moves a candidate in the hiring funnel; HIRED queues the posting's auto-sync (debounced)." })
  async moveCandidate(@Arg("id", () => ID) id: string, @Arg("status", () => HiringStatus) status: HiringStatus, @Ctx() ctx: Context) {
    return (await ctx.app.hiring.move(viewerOf(ctx), id, status, ctx.meta.ip)).candidate;
  }

  @Authorized("recruiting:write")
  @UseMiddleware(StartsWork)
  @Mutation(() => Task, { description: "Sends every hired candidate of the posting to the given enabled sources (default: all that receive it); returns the task." })
  async syncHiredCandidates(
    @Arg("jobPostingId", () => ID) jobPostingId: string,
    @Ctx() ctx: Context,
    @Arg("sourceIds", () => [ID], { nullable: true }) sourceIds?: string[] | null,
  ) {
    await ctx.app.recruiting.getPostingOrFail(jobPostingId);
    if (sourceIds?.length) {
      for (const id of sourceIds) {
        const s = await ctx.app.atsSources.get(id);
        if (!s) throw new NotFoundError("ATS source", id);
        if (!s.enabled) throw new BadUserInputError(`ATS source "${s.name}" is disabled`, { field: "sourceIds", id });
      }
    }
    const viewer = viewerOf(ctx);
    return ctx.app.tasks.enqueue(SYNC_HIRED_CANDIDATES, { jobPostingId, sourceIds: sourceIds?.length ? [...new Set(sourceIds)] : undefined, trigger: "manual", startedBy: viewer.userId }, { createdById: viewer.userId });
  }

  @Authorized("recruiting:read")
  @Query(() => [AtsSyncRunType], { description: "Sync runs, newest first." })
  atsSyncRuns(@Ctx() { app }: Context, @Arg("first", () => Int, { defaultValue: 50 }) first: number, @Arg("jobPostingId", () => ID, { nullable: true }) jobPostingId?: string | null) {
    return app.atsHistory.runs(limit(first, 500), jobPostingId);
  }

  @Authorized("recruiting:read")
  @Query(() => AtsSyncRunType, { nullable: true, description: "The run of a sync task." })
  atsSyncRun(@Arg("taskId", () => ID) taskId: string, @Ctx() { app }: Context) {
    return app.atsHistory.runOfTask(taskId);
  }

  @Authorized("recruiting:read")
  @Query(() => [AtsSyncStatType], { description: "Outcomes and success rate per source and UTC day." })
  atsSyncStats(@Ctx() { app }: Context, @Arg("days", () => Int, { defaultValue: 30 }) days: number) {
    return app.atsHistory.stats(limit(days, 366));
  }
}

@Resolver(() => AtsSyncRunType)
export class AtsSyncRunResolver {
  @FieldResolver(() => [AtsSyncResultType], { description: "Failed pairs first, then newest." })
  results(@Root() run: AtsSyncRunType, @Ctx() { app }: Context, @Arg("first", () => Int, { defaultValue: 500 }) first: number) {
    return app.atsHistory.results(run.id, limit(first, 5000));
  }
}

@Resolver(() => Candidate)
export class CandidateAtsResolver {
  @FieldResolver(() => [AtsPairStateType], { description: "Where this candidate stands with each ATS source it was synced to." })
  atsSync(@Root() candidate: Candidate, @Ctx() { app }: Context) {
    return app.atsHistory.pairStates(candidate.id);
  }
}

@Resolver(() => JobPosting)
export class JobPostingAtsResolver {
  @FieldResolver(() => [Candidate], { description: "Candidates moved to HIRED, in the order they were hired." })
  async hiredCandidates(@Root() posting: JobPosting, @Ctx() { app }: Context) {
    const ids = await app.atsHistory.hiredCandidateIds(posting.id);
    if (!ids.length) return [];
    const rows = await app.db.getRepository(Candidate).createQueryBuilder("c").where("c.id = ANY(:ids)", { ids }).getMany();
    const byId = new Map(rows.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id)).filter(Boolean);
  }
}
