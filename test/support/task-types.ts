import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { defineTaskType } from "../../tasks/contract.js";

/**
 * Task types for tests only: each one a behaviour the pipeline must handle (steps with progress, failures, a task
 * that ignores its signal). Registered through `extraTaskTypes`, never in production.
 */
export const stepsTask = defineTaskType({
  name: "test.steps",
  title: "Test: steps",
  payload: z.object({
    steps: z.number().int().min(0),
    stepMs: z.number().int().min(0).default(0),
    /** Attempts up to this number throw. */
    failAttempts: z.number().int().min(0).default(0),
    /** Reports per step (to test coalescing). */
    reportsPerStep: z.number().int().min(1).default(1),
    ignoreAbort: z.boolean().default(false),
    failItems: z.array(z.number().int()).default([]),
  }),
  maxAttempts: 3,
  backoff: { initialMs: 200, factor: 2, maxMs: 1_000 },
  timeLimitMs: 60_000,
  abortGraceMs: 300,
  async run(ctx) {
    const p = ctx.payload;
    for (let i = 1; i <= p.steps; i++) {
      if (!p.ignoreAbort) ctx.signal.throwIfAborted();
      if (p.stepMs) await sleep(p.stepMs, undefined, p.ignoreAbort ? {} : { signal: ctx.signal });
      for (let r = 0; r < p.reportsPerStep; r++) ctx.progress(i, p.steps, `step ${i}`);
      if (p.failItems.includes(i)) ctx.itemFailed({ key: `item-${i}`, label: `Item ${i}` }, new Error(`item ${i} is broken`));
      else ctx.itemSucceeded();
    }
    if (ctx.attempt <= p.failAttempts) throw new Error(`attempt ${ctx.attempt} fails on purpose`);
    return { steps: p.steps, attempt: ctx.attempt };
  },
});

export const slowTask = defineTaskType({
  ...stepsTask,
  name: "test.slow",
  title: "Test: slow with a short time limit",
  timeLimitMs: 500,
});

export const testTaskTypes = [stepsTask, slowTask];
