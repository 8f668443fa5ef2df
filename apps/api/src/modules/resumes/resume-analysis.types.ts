import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";

export enum AnalysisMode {
  QUICK = "quick",
  DEEP = "deep",
}

registerEnumType(AnalysisMode, {
  name: "AnalysisMode",
  valuesConfig: {
    QUICK: { description: "Profile, fit score, matched and missing requirements, strengths and concerns. The built-in scorer serves it without an LLM." },
    DEEP: { description: "QUICK plus a written assessment and interview questions. Needs an LLM (LLM_NOT_CONFIGURED otherwise)." },
  },
});

@ObjectType("RecentRole")
export class RecentRoleType {
  @Field(() => String) title!: string;
  @Field(() => String) company!: string;
}

@ObjectType("ResumeProfile", { description: "What the resume says about the candidate." })
export class ResumeProfileType {
  @Field(() => [String]) skills!: string[];
  @Field(() => Float) yearsOfExperience!: number;
  @Field(() => [String]) education!: string[];
  @Field(() => [RecentRoleType]) recentRoles!: RecentRoleType[];
}

@ObjectType("ResumeAnalysis", { description: "The newest analysis of a candidate's resume for a job posting." })
export class ResumeAnalysisType {
  @Field(() => ID) id!: string;
  @Field(() => ID) candidateId!: string;
  @Field(() => ID) jobPostingId!: string;
  @Field(() => ID, { nullable: true, description: "The analysis task that produced it." }) taskId!: string | null;
  @Field(() => AnalysisMode) mode!: AnalysisMode;
  @Field(() => String, { description: "`llm` or `builtin` (the deterministic scorer)." }) engine!: string;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => Float, { description: "0-100." }) fitScore!: number;
  @Field(() => ResumeProfileType) profile!: ResumeProfileType;
  @Field(() => [String]) matchedRequirements!: string[];
  @Field(() => [String]) missingRequirements!: string[];
  @Field(() => [String]) strengths!: string[];
  @Field(() => [String]) concerns!: string[];
  @Field(() => String, { nullable: true, description: "DEEP only." }) assessment!: string | null;
  @Field(() => [String], { description: "DEEP only." }) interviewQuestions!: string[];
  @Field(() => Int) promptTokens!: number;
  @Field(() => Int) completionTokens!: number;
  @Field(() => Float, { nullable: true, description: "USD at the admin's prices; null when the model has no price." }) estimatedCostUsd!: number | null;
  @Field(() => DateTime) createdAt!: Date;
}

@ObjectType("ResumeFile", { description: "An uploaded original resume." })
export class ResumeFileType {
  @Field(() => ID) id!: string;
  @Field(() => String) fileName!: string;
  @Field(() => String) mediaType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field(() => String, { nullable: true, description: "Why the file could not be read." }) parseError!: string | null;
  @Field(() => String, { description: "GET with the session cookie or an API key (recruiting:read)." }) downloadUrl!: string;
  @Field(() => DateTime) createdAt!: Date;
}

@ObjectType("ModelPrice")
@InputType("ModelPriceInput")
export class ModelPriceType {
  @Field(() => String) model!: string;
  @Field(() => Float, { description: "USD per million prompt tokens." }) inputPerMillion!: number;
  @Field(() => Float, { description: "USD per million completion tokens." }) outputPerMillion!: number;
}

@ObjectType("AiSettings", { description: "Resume analysis and AI ranking settings (admins edit them)." })
export class AiSettingsType {
  @Field(() => Int, { description: "Analyses of at most this many resumes start at once at the highest priority; larger ones are queued and email their outcome." })
  inlineThreshold!: number;
  @Field(() => Int) maxFilesPerUpload!: number;
  @Field(() => String) defaultModel!: string;
  @Field(() => Int, { description: "LLM requests one task has in flight at most." }) taskConcurrency!: number;
  @Field(() => Int, { description: "Candidates the LLM ranking engine re-ranks after the built-in first pass." }) rerankTopN!: number;
  @Field(() => [ModelPriceType]) prices!: ModelPriceType[];
  @Field(() => Boolean, { description: "Whether OPENAI_API_KEY is set (DEEP analysis and the LLM ranking engine need it)." }) llmConfigured!: boolean;
  @Field(() => DateTime) updatedAt!: Date;
}

@InputType("AiSettingsInput", { description: "Fields left out stay as they are." })
export class AiSettingsInput {
  @Field(() => Int, { nullable: true }) inlineThreshold?: number | null;
  @Field(() => Int, { nullable: true }) maxFilesPerUpload?: number | null;
  @Field(() => String, { nullable: true }) defaultModel?: string | null;
  @Field(() => Int, { nullable: true }) taskConcurrency?: number | null;
  @Field(() => Int, { nullable: true }) rerankTopN?: number | null;
  @Field(() => [ModelPriceType], { nullable: true }) prices?: ModelPriceType[] | null;
}
