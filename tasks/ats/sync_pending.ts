import { z } from "zod";
import type { SyncSummary } from "../../apps/api/src/modules/ats/ats-sync.service.js";
import { defineTaskType } from "../contract.js";

/**
 * The nightly catch-up (default schedule "ATS sync of pending candidates"): every hired candidate of every posting
 * to every enabled source that receives it. Pairs already synced with the same content cost no call, so only
 * pending ones (never synced, failed, or changed since) reach the sources.
 */
export default defineTaskType({
  name: "ats.sync_pending",
  title: "Sync pending hired candidates to ATS sources",
  payload: z.object({}).passthrough(),
  maxAttempts: 3,
  timeLimitMs: 2 * 60 * 60_000,
  visibility: "shared",
  queue: () => "ats.sync",
  async run(ctx): Promise<SyncSummary> {
    return ctx.services.ats.run(ctx, { trigger: "schedule" });
  },
});
