import { z } from "zod";
import type { SyncSummary } from "../../apps/api/src/modules/ats/ats-sync.service.js";
import { defineTaskType } from "../contract.js";

/**
 * Seed 000's "Sync to Sources": every hired candidate of a posting to every selected ATS source, one pair at a
 * time per source slot (docs/ats-sync.md). Safe to run twice: a pair synced with the same content is skipped, and
 * each call carries an Idempotency-Key of pair id and content hash.
 */
export default defineTaskType({
  name: "ats.sync_hired_candidates",
  title: "Sync hired candidates to ATS sources",
  payload: z.object({
    jobPostingId: z.string().uuid().optional(),
    sourceIds: z.array(z.string().uuid()).max(100).optional(),
    trigger: z.enum(["manual", "auto", "schedule"]).default("manual"),
    startedBy: z.string().uuid().nullable().optional(),
  }),
  maxAttempts: 3,
  timeLimitMs: 60 * 60_000,
  visibility: "shared",
  // One sync at a time: two at once would race for the same pairs (the Idempotency-Key would still hold, but a
  // source would see the calls twice).
  queue: () => "ats.sync",
  async run(ctx): Promise<SyncSummary> {
    return ctx.services.ats.run(ctx, ctx.payload);
  },
});
