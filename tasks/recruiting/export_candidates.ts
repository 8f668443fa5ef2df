import { z } from "zod";
import type { SyncResult } from "../../apps/api/src/modules/exports/export.service.js";
import { defineTaskType } from "../contract.js";

/**
 * Seed 003's candidate export sync: the candidate table to Google Sheets (when configured) or to a CSV the SPA
 * offers for download, incremental by change time. Safe to run twice: rows are written at fixed positions and the
 * high-water mark moves only after a write.
 */
export default defineTaskType({
  name: "recruiting.export_candidates",
  title: "Export candidates",
  payload: z.object({}).passthrough(),
  maxAttempts: 3,
  timeLimitMs: 15 * 60_000,
  visibility: "shared",
  // One sync at a time: two would assign sheet rows to the same new candidates.
  queue: () => "recruiting.export_candidates",
  async run(ctx): Promise<SyncResult> {
    ctx.progress(0, null, "Exporting candidates");
    const result = await ctx.services.exports.sync(ctx.signal, (exported) => ctx.progress(exported, null, `Exported ${exported} candidates`));
    ctx.progress(result.exported, result.exported, `Exported ${result.exported} changed candidates (${result.rowCount} in all)`);
    return result;
  },
});
