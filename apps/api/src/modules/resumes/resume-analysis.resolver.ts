import GraphQLUpload from "graphql-upload/GraphQLUpload.mjs";
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import { StartsWork } from "../../graphql/auth-checker.js";
import { type Context, viewerOf } from "../../graphql/context.js";
import { Candidate } from "../recruiting/candidate.entity.js";
import { Task } from "../tasks/task.entity.js";
import type { FileUpload } from "./intake.js";
import { AiSettingsInput, AiSettingsType, AnalysisMode, ResumeAnalysisType, ResumeFileType } from "./resume-analysis.types.js";
import type { ResumeFileRecord, StoredAnalysis } from "./resume-analysis.service.js";

export const RESUME_DOWNLOAD_PREFIX = "/resumes/files";

function toAnalysis(a: StoredAnalysis): ResumeAnalysisType {
  return Object.assign(new ResumeAnalysisType(), { ...a, mode: a.mode as AnalysisMode, estimatedCostUsd: a.costUsd });
}

export function toFile(f: ResumeFileRecord): ResumeFileType {
  return Object.assign(new ResumeFileType(), { ...f, downloadUrl: `${RESUME_DOWNLOAD_PREFIX}/${f.id}` });
}

@Resolver()
export class ResumeAnalysisResolver {
  @Authorized("recruiting:write")
  @UseMiddleware(StartsWork)
  @Mutation(() => Task, {
    description:
      "Analyses uploaded resumes (PDF, DOCX, TXT or ZIPs of them, as a GraphQL multipart request) or existing candidates against the posting. " +
      "Returns the task at once: at or under the inline threshold it starts ahead of the queue; above it, it is queued and emails its outcome. " +
      "Reserves one credit per resume (INSUFFICIENT_CREDITS otherwise).",
  })
  async analyzeResumes(
    @Arg("jobPostingId", () => ID) jobPostingId: string,
    @Arg("mode", () => AnalysisMode) mode: AnalysisMode,
    @Ctx() ctx: Context,
    @Arg("files", () => [GraphQLUpload], { nullable: true }) files?: Array<Promise<FileUpload>> | null,
    @Arg("candidateIds", () => [ID], { nullable: true }) candidateIds?: string[] | null,
  ) {
    const { task } = await ctx.app.resumeAnalysis.start(viewerOf(ctx), { jobPostingId, mode, files, candidateIds });
    return task;
  }

  @Authorized("recruiting:read")
  @Query(() => [ResumeAnalysisType], { description: "The posting's analyses, best fit first; `taskId` keeps those one task produced." })
  async resumeAnalyses(@Arg("jobPostingId", () => ID) jobPostingId: string, @Ctx() { app }: Context, @Arg("taskId", () => ID, { nullable: true }) taskId?: string | null) {
    await app.recruiting.getPostingOrFail(jobPostingId);
    return (await app.resumeAnalysis.analyses(jobPostingId, taskId)).map(toAnalysis);
  }

  @Authorized("recruiting:read")
  @Query(() => AiSettingsType)
  async aiSettings(@Ctx() { app }: Context) {
    return Object.assign(new AiSettingsType(), await app.aiSettings.get(), { llmConfigured: app.llm.configured });
  }

  @Authorized("admin")
  @Mutation(() => AiSettingsType, { description: "Validated and audited (AI_SETTINGS_UPDATED)." })
  async updateAiSettings(@Arg("input", () => AiSettingsInput) input: AiSettingsInput, @Ctx() ctx: Context) {
    const updated = await ctx.app.aiSettings.update(viewerOf(ctx), { ...input, prices: input.prices?.map((p) => ({ ...p })) ?? undefined } as never, ctx.meta.ip);
    return Object.assign(new AiSettingsType(), updated, { llmConfigured: ctx.app.llm.configured });
  }
}

@Resolver(() => Candidate)
export class CandidateResumeResolver {
  @FieldResolver(() => [ResumeFileType], { description: "The original files this candidate's resume came from, newest first." })
  async resumeFiles(@Root() candidate: Candidate, @Ctx() { app }: Context) {
    return (await app.resumeAnalysis.files(candidate.id)).map(toFile);
  }

  @FieldResolver(() => ResumeAnalysisType, { nullable: true, description: "The newest analysis for the candidate's posting." })
  async analysis(@Root() candidate: Candidate, @Ctx() { app }: Context) {
    const a = await app.resumeAnalysis.analysisFor(candidate.id, candidate.jobPostingId);
    return a ? toAnalysis(a) : null;
  }
}
