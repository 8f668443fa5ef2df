import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { z } from "zod";
import { LlmInvalidReplyError, taskLimit } from "../../apps/api/src/modules/ai/llm-client.js";
import { type Analysis, analyzeBuiltin, analyzeWithLlm, type AnalysisEngine } from "../../apps/api/src/modules/ai/resume-analyzer.js";
import { addUsage, estimateCost, NO_USAGE, type TokenUsage } from "../../apps/api/src/modules/ai/usage.js";
import { taskCompleted, taskFailed } from "../../apps/api/src/modules/mail/templates/task-outcome.js";
import { Bm25Scorer } from "../../apps/api/src/modules/recruiting/scoring.js";
import type { AnalysisItem } from "../../apps/api/src/modules/resumes/resume-analysis.service.js";
import { defineTaskType, PermanentTaskError, type TaskContext } from "../contract.js";

export type AnalyzedItem = {
  key: string;
  candidateId: string;
  name: string;
  fitScore: number;
  promptTokens: number;
  completionTokens: number;
  estimatedCostUsd: number | null;
};

export type ResumeAnalysisResult = {
  jobPostingId: string;
  mode: "quick" | "deep";
  /** "llm" with OPENAI_API_KEY; "builtin" (the deterministic scorer) without, QUICK only. */
  engine: AnalysisEngine;
  model: string | null;
  analyzed: number;
  failed: number;
  /** This attempt's items plus those an earlier attempt stored (they are not analysed or charged again). */
  items: AnalyzedItem[];
  /** Every token spent, failed items' included. */
  usage: TokenUsage;
  /** USD at the admin's prices for the model; null when the model has no price. */
  estimatedCostUsd: number | null;
};

/** Files read and results written at once per task; the database and the CPU, not the LLM, bound these. */
const PREP_CONCURRENCY = 4;

const payload = z.object({
  jobPostingId: z.string().uuid(),
  mode: z.enum(["quick", "deep"]),
  fileIds: z.array(z.string().uuid()).max(1_000),
  candidateIds: z.array(z.string().uuid()).max(1_000),
  notifyEmail: z.string().email().nullable(),
});

/**
 * Seed 002's resume analysis: each resume (an uploaded file or an existing candidate) read, analysed against the
 * posting, stored and charged one credit, items in parallel up to the admin's per-task concurrency. An item that
 * cannot be read or analysed fails alone. Large batches (above the inline threshold) email their outcome.
 */
export default defineTaskType({
  name: "recruiting.analyze_resumes",
  title: "Analyze resumes",
  payload,
  maxAttempts: 3,
  timeLimitMs: 30 * 60_000,
  async run(ctx): Promise<ResumeAnalysisResult> {
    try {
      const result = await analyze(ctx);
      if (ctx.payload.notifyEmail) await notify(ctx, "completed", result);
      return result;
    } catch (error) {
      const lastAttempt = ctx.attempt >= ctx.maxAttempts || error instanceof PermanentTaskError || ctx.signal.reason?.name === "TaskTimeoutError";
      // A cancel was the user's own doing; a shutdown or a retryable failure will run again.
      if (ctx.payload.notifyEmail && lastAttempt && ctx.signal.reason?.name !== "TaskCancelledError") await notify(ctx, "failed", error).catch(() => {});
      throw error;
    }
  },
});

async function analyze(ctx: TaskContext<z.infer<typeof payload>>): Promise<ResumeAnalysisResult> {
  const { jobPostingId, mode, fileIds, candidateIds } = ctx.payload;
  const { recruiting, resumeAnalysis: analyses, aiSettings, llm } = ctx.services;
  const posting = await recruiting.findPosting(jobPostingId);
  if (!posting) throw new PermanentTaskError(`Job posting ${jobPostingId} no longer exists`);
  if (mode === "deep" && !llm.configured) throw new PermanentTaskError("DEEP analysis needs an LLM and none is configured (OPENAI_API_KEY)");
  const settings = await aiSettings.get();
  const engine: AnalysisEngine = llm.configured ? "llm" : "builtin";
  const model = engine === "llm" ? settings.defaultModel : null;

  const items: AnalysisItem[] = [...fileIds.map((key) => ({ key, kind: "file" as const })), ...candidateIds.map((key) => ({ key, kind: "candidate" as const }))];
  const done = await analyses.doneItems(ctx.taskId);
  const earlier = done.size ? await analyses.analyses(jobPostingId, ctx.taskId) : [];
  const result: ResumeAnalysisResult = { jobPostingId, mode, engine, model, analyzed: 0, failed: 0, items: [], usage: NO_USAGE, estimatedCostUsd: null };
  let finished = 0;
  for (const a of earlier) {
    const name = (await analyses.candidateText(a.candidateId).catch(() => null))?.name ?? a.candidateId;
    result.items.push({ key: a.candidateId, candidateId: a.candidateId, name, fitScore: a.fitScore, promptTokens: a.promptTokens, completionTokens: a.completionTokens, estimatedCostUsd: a.costUsd });
    result.usage = addUsage(result.usage, { promptTokens: a.promptTokens, completionTokens: a.completionTokens });
    result.analyzed++;
    finished++;
  }
  const todo = items.filter((i) => !done.has(i.key));
  ctx.progress(finished, items.length, `Analysing ${todo.length} resume(s) with ${engine === "llm" ? model : "the built-in scorer"}`);

  // The built-in engine's IDF comes from the posting's candidates, so scores compare across batches.
  const corpus = engine === "builtin" ? (await recruiting.listCandidates(jobPostingId)).map((c) => c.resumeText) : [];
  const scorer = engine === "builtin" ? new Bm25Scorer(posting, corpus) : undefined;
  const maxRelevance = scorer ? Math.max(0, ...corpus.map((t) => scorer.relevance(t))) : 0;

  // Reading files and writing results take their own few slots, so the LLM's slots are spent on the LLM alone:
  // while some items wait for the model, the next ones are already parsed.
  const llmLimit = taskLimit(settings.taskConcurrency);
  const prepLimit = taskLimit(scorer ? 1 : PREP_CONCURRENCY);
  const runItem = async (item: AnalysisItem) => {
    let label = item.key;
    let spent = NO_USAGE;
    try {
      const who = await prepLimit(async () => {
        ctx.signal.throwIfAborted();
        if (item.kind === "candidate") return analyses.candidateText(item.key);
        label = await analyses.fileLabel(item.key);
        return analyses.candidateForFile(item.key);
      });
      label = item.kind === "file" ? `${who.name} (${label})` : who.name;
      ctx.signal.throwIfAborted();
      let analysis: Analysis;
      if (scorer) {
        analysis = analyzeBuiltin(scorer, Math.max(maxRelevance, scorer.relevance(who.resumeText)), posting, who.resumeText);
        await yieldToEventLoop();
      } else {
        analysis = await analyzeWithLlm(llm, { model: model!, mode, posting, resumeText: who.resumeText, signal: ctx.signal, limit: llmLimit });
      }
      spent = analysis.usage;
      const cost = model ? estimateCost(analysis.usage, model, settings.prices) : 0;
      await analyses.saveResult({ taskId: ctx.taskId, itemKey: item.key, label, candidateId: who.candidateId, jobPostingId, mode, analysis, costUsd: cost });
      result.items.push({ key: item.key, candidateId: who.candidateId, name: who.name, fitScore: analysis.insights.fitScore, promptTokens: spent.promptTokens, completionTokens: spent.completionTokens, estimatedCostUsd: cost });
      result.analyzed++;
      ctx.itemSucceeded();
    } catch (error) {
      // An abort is the task's, not the item's: it ends the task (cancelled, timed out or shut down).
      if (ctx.signal.aborted) throw ctx.signal.reason;
      if (error instanceof LlmInvalidReplyError) spent = error.usage;
      result.failed++;
      ctx.itemFailed({ key: item.key, label }, error);
    } finally {
      result.usage = addUsage(result.usage, spent);
    }
    finished++;
    ctx.progress(finished, items.length, `Analysed ${label}`);
  };
  const outcomes = await Promise.allSettled(todo.map((item) => runItem(item)));
  llmLimit.clearQueue();
  prepLimit.clearQueue();
  ctx.signal.throwIfAborted();
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (failure) throw failure.reason;

  result.items.sort((a, b) => b.fitScore - a.fitScore || a.name.localeCompare(b.name));
  result.estimatedCostUsd = model ? estimateCost(result.usage, model, settings.prices) : 0;
  return result;
}

async function notify(ctx: TaskContext<z.infer<typeof payload>>, outcome: "completed" | "failed", detail: ResumeAnalysisResult | unknown): Promise<void> {
  const to = ctx.payload.notifyEmail!;
  const base = { taskId: ctx.taskId, title: "Resume analysis", finishedAt: ctx.services.clock.now(), url: null };
  if (outcome === "completed") {
    const r = detail as ResumeAnalysisResult;
    await ctx.services.mail.enqueue({ to, ...taskCompleted({ ...base, successCount: r.analyzed, failureCount: r.failed }) });
  } else {
    const message = detail instanceof Error ? detail.message : String(detail);
    await ctx.services.mail.enqueue({ to, ...taskFailed({ ...base, successCount: 0, failureCount: 0, error: message, attempts: ctx.attempt }) });
  }
}
