import { z } from "zod";
import {
  collectJobQueues,
  countFinishedTasks,
  countSentOutbox,
  deleteFinishedTasks,
  deleteJobs,
  deleteSentOutbox,
  permanentlyFailedJobIds,
  referencesToKeep,
} from "../../apps/api/src/modules/system/retention.js";
import { defineTaskType } from "../contract.js";

export type RetentionResult = { olderThanDays: number; cutoff: string; tasks: number; outbox: number; jobs: number; batches: number };

const DAY_MS = 86_400_000;

/**
 * Removes what has outlived its use: finished tasks (with their item errors), sent mail, and permanently failed
 * graphile-worker jobs, older than `olderThanDays` (default RETENTION_DAYS). Never PENDING, RUNNING or RETRYING
 * tasks, never a task another row still points at. In batches, so the database never holds one huge delete, and
 * a cancel or shutdown stops it between two batches; running it twice is harmless.
 */
export default defineTaskType({
  name: "system.retention_cleanup",
  title: "Retention clean-up",
  payload: z.object({
    olderThanDays: z.number().min(1).max(3650).optional(),
    /** Rows per statement. */
    batchSize: z.number().int().min(1).max(10_000).default(1_000),
  }),
  maxAttempts: 3,
  timeLimitMs: 60 * 60_000,
  async run(ctx): Promise<RetentionResult> {
    const { db, workerUtils, retention } = ctx.services;
    const olderThanDays = ctx.payload.olderThanDays ?? retention.defaultDays;
    const limit = ctx.payload.batchSize;
    const cutoff = new Date(Date.now() - olderThanDays * DAY_MS);
    const keep = await referencesToKeep(db);
    const total = (await countFinishedTasks(db, cutoff, keep)) + (await countSentOutbox(db, cutoff));
    const result: RetentionResult = { olderThanDays, cutoff: cutoff.toISOString(), tasks: 0, outbox: 0, jobs: 0, batches: 0 };
    const done = () => result.tasks + result.outbox;
    ctx.progress(0, total, `Removing what finished before ${result.cutoff}`);

    // Each loop: one statement, then progress, then a chance to stop.
    for (let n = limit; n === limit; ) {
      ctx.signal.throwIfAborted();
      n = await deleteFinishedTasks(db, cutoff, keep, limit);
      result.tasks += n;
      result.batches++;
      ctx.progress(Math.min(done(), total), total, `Removed ${result.tasks} tasks`);
    }
    for (let n = limit; n === limit; ) {
      ctx.signal.throwIfAborted();
      n = await deleteSentOutbox(db, cutoff, limit);
      result.outbox += n;
      result.batches++;
      ctx.progress(Math.min(done(), total), total, `Removed ${result.outbox} sent emails`);
    }
    for (;;) {
      ctx.signal.throwIfAborted();
      const ids = await permanentlyFailedJobIds(db, cutoff, limit);
      const n = await deleteJobs(workerUtils, ids);
      result.jobs += n;
      result.batches++;
      // A job locked between the two statements is not deleted: stop rather than select it forever.
      if (ids.length < limit || n === 0) break;
    }
    ctx.signal.throwIfAborted();
    await collectJobQueues(workerUtils);
    ctx.progress(total, total, `Removed ${result.tasks} tasks, ${result.outbox} sent emails, ${result.jobs} failed jobs`);
    return result;
  },
});
