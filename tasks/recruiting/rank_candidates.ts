import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { z } from "zod";
import { Bm25Scorer, type CandidateScore } from "../../apps/api/src/modules/recruiting/scoring.js";
import { defineTaskType, PermanentTaskError } from "../contract.js";

export type RankedCandidate = CandidateScore & {
  rank: number;
  candidateId: string;
  name: string;
  email: string;
};

export type RankingResult = {
  scorer: "builtin-bm25";
  jobPostingId: string;
  ranked: RankedCandidate[];
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
    return { scorer: "builtin-bm25", jobPostingId, ranked: scored.map((c, i) => ({ rank: i + 1, ...c })) };
  },
});
