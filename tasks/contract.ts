import type { z } from "zod";
import type { Logger } from "pino";
import type { TaskServices } from "../apps/api/src/worker/services.js";

/**
 * The one contract between Taskline's worker and the code of a task type. A task type is one file under tasks/
 * with a default export made by `defineTaskType`; the worker owns everything around `run` (claiming, attempts,
 * time limits, cancellation, writing and publishing progress).
 */
export interface TaskContext<P> {
  readonly taskId: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Validated against the task type's payload schema. */
  readonly payload: P;
  /** Aborted on cancel, at the time limit and at worker shutdown; pass it to I/O and check it between steps. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  readonly services: TaskServices;
  /**
   * Reports progress. Cheap: call it as often as you like; the worker coalesces reports into a few writes a
   * second. `total` null means unknown (an indeterminate bar).
   */
  progress(current: number, total?: number | null, message?: string): void;
  /** Counts one item done. */
  itemSucceeded(): void;
  /** Counts one item failed, with its identity and why; the task goes on. */
  itemFailed(item: { key: string; label?: string }, error: unknown): void;
}

export type Backoff = {
  /** Delay before the second attempt, in milliseconds. */
  initialMs: number;
  /** Multiplier per further attempt. */
  factor: number;
  /** Upper bound of one delay, in milliseconds. */
  maxMs: number;
};

export interface TaskTypeOptions<P, R> {
  /** `<domain>.<verb_noun>`, e.g. `recruiting.rank_candidates`. Stored on every task; never rename. */
  name: string;
  /** Human-readable, for lists and filters. */
  title: string;
  /** Validates the payload when the task is created and again when it runs (old jobs may carry old shapes). */
  payload: z.ZodType<P>;
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** Default 5 s doubling up to 5 minutes. */
  backoff?: Backoff;
  /** Soft limit: the signal aborts and the task ends FAILED ("timed out after N s"). Default 5 minutes. */
  timeLimitMs?: number;
  /** After an abort, how long `run` may take to return before its slot is freed anyway. Default 10 s. */
  abortGraceMs?: number;
  /** Who sees its tasks: "private" (default), the creator and admins; "shared", everyone who may read tasks. */
  visibility?: "private" | "shared";
  /** A graphile-worker named queue: tasks in one queue run strictly one at a time (e.g. one per device). */
  queue?: (payload: P) => string | undefined;
  run(ctx: TaskContext<P>): Promise<R>;
}

export type TaskType<P = unknown, R = unknown> = Required<Omit<TaskTypeOptions<P, R>, "queue">> & Pick<TaskTypeOptions<P, R>, "queue">;

export const DEFAULT_BACKOFF: Backoff = { initialMs: 5_000, factor: 2, maxMs: 5 * 60_000 };

export function defineTaskType<P, R>(options: TaskTypeOptions<P, R>): TaskType<P, R> {
  return {
    maxAttempts: 3,
    backoff: DEFAULT_BACKOFF,
    timeLimitMs: 5 * 60_000,
    abortGraceMs: 10_000,
    visibility: "private",
    ...options,
  };
}

/** Delay before attempt `attempt + 1`, with ±10% jitter so retries of a batch spread out. */
export function backoffDelay(backoff: Backoff, attempt: number, random = Math.random): number {
  const base = Math.min(backoff.maxMs, backoff.initialMs * backoff.factor ** Math.max(0, attempt - 1));
  return Math.round(base * (0.9 + 0.2 * random()));
}

/** Thrown by a task type for a failure that another attempt cannot fix (bad input, missing record): no retry. */
export class PermanentTaskError extends Error {
  override name = "PermanentTaskError";
}
