import { z } from "zod";
import { GithubRateLimitedError, GithubUserNotFoundError, type GithubProfile } from "../../apps/api/src/modules/enrichment/github-client.js";
import { findProfileLinks } from "../../apps/api/src/modules/enrichment/profile-links.js";
import { defineTaskType } from "../contract.js";

export type EnrichmentResult = {
  /** Candidates looked at in this run and done with (profile found, no GitHub link, or an unknown user). */
  enriched: number;
  withGithub: number;
  /** Per-item failures this run (unknown users, transient errors). */
  failed: number;
  /** Set when GitHub's rate limit stopped the batch: the rest waits for the next run. */
  rateLimited: { retryAt: string } | null;
  /** Candidates still not enriched after this run. */
  remaining: number;
};

/**
 * Seed 003's resume enrichment: profile links from each resume, and the public GitHub profile behind the GitHub
 * one. LinkedIn has no public API; its link is stored, never scraped. A rate limit ends the batch cleanly (the
 * candidates not reached stay pending and the next run continues); it is not a failure of the task.
 */
export default defineTaskType({
  name: "recruiting.enrich_candidates",
  title: "Enrich candidates",
  payload: z.object({ limit: z.number().int().min(1).max(5_000).optional() }),
  maxAttempts: 3,
  timeLimitMs: 30 * 60_000,
  visibility: "shared",
  async run(ctx): Promise<EnrichmentResult> {
    const { enrichment, github } = ctx.services;
    const batch = await enrichment.pending(ctx.payload.limit ?? 500);
    ctx.progress(0, batch.length, `Enriching ${batch.length} candidates`);
    const result: EnrichmentResult = { enriched: 0, withGithub: 0, failed: 0, rateLimited: null, remaining: 0 };

    for (const [i, candidate] of batch.entries()) {
      ctx.signal.throwIfAborted();
      const links = findProfileLinks(candidate.resumeText);
      const item = { key: candidate.id, label: candidate.name };
      let profile: GithubProfile | null = null;
      try {
        if (links.githubLogin) profile = await github.profile(links.githubLogin, ctx.signal);
        await enrichment.markEnriched(candidate.id, links, profile);
        result.enriched++;
        if (profile) result.withGithub++;
        ctx.itemSucceeded();
      } catch (error) {
        if (error instanceof GithubRateLimitedError) {
          // This candidate and the rest stay pending: stopping is cheaper than failing them one by one.
          await enrichment.markPending(candidate.id, links, error.message);
          result.rateLimited = { retryAt: error.retryAt.toISOString() };
          ctx.log.warn({ retryAt: result.rateLimited.retryAt, done: i }, "GitHub rate limit reached; the next run continues");
          break;
        }
        ctx.signal.throwIfAborted();
        const message = error instanceof Error ? error.message : String(error);
        // An unknown user stays unknown: done, with the reason. Anything else (timeout, 5xx) is worth another run.
        if (error instanceof GithubUserNotFoundError) await enrichment.markEnriched(candidate.id, links, null, message);
        else await enrichment.markPending(candidate.id, links, message);
        result.failed++;
        ctx.itemFailed(item, error);
      }
      ctx.progress(i + 1, batch.length, `Enriched ${candidate.name}`);
    }

    result.remaining = await enrichment.countPending();
    return result;
  },
});
