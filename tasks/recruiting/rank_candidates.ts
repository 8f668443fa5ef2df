import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { z } from "zod";
import { rerankWithLlm } from "../../apps/api/src/modules/ai/resume-analyzer.js";
import { estimateCost, NO_USAGE, type TokenUsage } from "../../apps/api/src/modules/ai/usage.js";
import { Bm25Scorer, type CandidateScore } from "../../apps/api/src/modules/recruiting/scoring.js";
import { defineTaskType, PermanentTaskError } from "../contract.js";

export type RankedCandidate = CandidateScore & {
  rank: number;
  candidateId: string;
  name: string;
  email: string;
  /** Set for the candidates the model re-ranked (the top N of the first pass). */
  llmScore?: number;
  llmRationale?: string;
};

export type RankingResult = {
  /** The first pass, always. */
  scorer: "builtin-bm25";
  /** "llm" when the model re-ranked the top candidates; "builtin" without OPENAI_API_KEY. */
  engine: "builtin" | "llm";
  model: string | null;
  jobPostingId: string;
  ranked: RankedCandidate[];
  usage: TokenUsage;
  /** USD at the admin's prices; null when the model has no price. */
  estimatedCostUsd: number | null;
};

/** Seed 004's ranking: every candidate of a posting scored and returned in order. */
export default defineTaskType({
  name: "recruiting.rank_candidates",
  title: "Rank candidates",
  payload: z.object({ jobPostingId: z.string().uuid() }),
  maxAttempts: 3,
  timeLimitMs: 10 * 60_000,
  // Postings and candidates are shared recruiting data, and so are their rankings.
  visibility: "shared",
  async run(ctx): Promise<RankingResult> {
    const { jobPostingId } = ctx.payload;
    const posting = await ctx.services.recruiting.findPosting(jobPostingId);
    if (!posting) throw new PermanentTaskError(`Job posting ${jobPostingId} no longer exists`);
    const candidates = await ctx.services.recruiting.listCandidates(jobPostingId);
    ctx.progress(0, candidates.length, `Scoring ${candidates.length} candidates`);

    const scorer = new Bm25Scorer(posting, candidates.map((c) => c.resumeText));
    const maxRelevance = Math.max(0, ...candidates.map((c) => scorer.relevance(c.resumeText)));
    const scored: Omit<RankedCandidate, "rank">[] = [];
    for (const [i, candidate] of candidates.entries()) {
      ctx.signal.throwIfAborted();
      try {
        if (!candidate.resumeText.trim()) throw new Error("The resume is empty");
        const s = scorer.score(candidate.resumeText, maxRelevance);
        scored.push({ candidateId: candidate.id, name: candidate.name, email: candidate.email, ...s });
        ctx.itemSucceeded();
      } catch (error) {
        ctx.itemFailed({ key: candidate.id, label: candidate.name }, error);
      }
      ctx.progress(i + 1, candidates.length, `Scored ${candidate.name}`);
      // Scoring is CPU work: give the worker's other tasks, its heartbeat and cancel notices a turn.
      await yieldToEventLoop();
    }

    scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.candidateId.localeCompare(b.candidateId));
    const base = { scorer: "builtin-bm25" as const, jobPostingId, usage: NO_USAGE, estimatedCostUsd: 0 };
    const { llm, aiSettings } = ctx.services;
    if (!llm.configured || scored.length < 2) return { ...base, engine: "builtin", model: null, ranked: scored.map((c, i) => ({ rank: i + 1, ...c })) };

    // Second pass: the model orders the first pass's best; the rest keep their BM25 order below them.
    const settings = await aiSettings.get();
    const top = scored.slice(0, settings.rerankTopN);
    ctx.progress(candidates.length, candidates.length, `Re-ranking the top ${top.length} with ${settings.defaultModel}`);
    const texts = new Map(candidates.map((c) => [c.id, c.resumeText]));
    const reranked = await rerankWithLlm(llm, {
      model: settings.defaultModel,
      posting,
      candidates: top.map((c) => ({ id: c.candidateId, name: c.name, resumeText: texts.get(c.candidateId) ?? "" })),
      signal: ctx.signal,
    });
    const byId = new Map(top.map((c) => [c.candidateId, c]));
    const ordered: Omit<RankedCandidate, "rank">[] = reranked.order.map((r) => ({ ...byId.get(r.candidateId)!, llmScore: r.score, llmRationale: r.rationale }));
    const placed = new Set(ordered.map((c) => c.candidateId));
    ordered.push(...top.filter((c) => !placed.has(c.candidateId)), ...scored.slice(top.length));
    return {
      ...base,
      engine: "llm",
      model: reranked.model,
      usage: reranked.usage,
      estimatedCostUsd: estimateCost(reranked.usage, settings.defaultModel, settings.prices),
      ranked: ordered.map((c, i) => ({ rank: i + 1, ...c })),
    };
  },
});
