import { randomUUID } from "node:crypto";
import type { JobHelpers } from "graphile-worker";
import type pg from "pg";
import { backoffDelay, PermanentTaskError, type TaskContext, type TaskType } from "../../../../tasks/contract.js";
import { toError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import { TaskCancelledError, TaskTimeoutError, WorkerShutdownError } from "./abort-reasons.js";
import type { Outcome, ProgressWriter, RunState } from "./progress-writer.js";
import type { TaskServices } from "./services.js";

/**
 * Claims the task for this attempt. It also takes a RUNNING task: that is the job of a worker that died, unlocked
 * by the sweeper or by graphile-worker, and the new run_id fences off any write the old attempt might still make.
 * worker_id is the pool that locked the job (graphile-worker writes its pool id into locked_by): the sweeper hands
 * back the RUNNING tasks of a pool that went silent by this column.
 */
const CLAIM_SQL = `
  UPDATE task SET status = 'running', attempts = attempts + 1, run_id = $2, started_at = now(), finished_at = NULL,
    run_at = NULL, progress_current = 0, progress_total = NULL, progress_message = NULL, success_count = 0,
    failure_count = 0, error = NULL, worker_id = $3
  WHERE id = $1 AND status IN ('pending', 'retrying', 'running')
  RETURNING id, attempts, max_attempts, payload, cancel_requested_at`;

export type ExecutorDeps = {
  pool: pg.Pool;
  writer: ProgressWriter;
  services: TaskServices;
  log: Logger;
  /** Running attempts of this process by task id, so cancel notices and shutdown can reach them. */
  running: Map<string, AbortController>;
};

/** Runs one attempt of one task: the whole task contract around a task type's `run`. */
export async function executeTask(type: TaskType, jobPayload: unknown, helpers: JobHelpers, deps: ExecutorDeps): Promise<void> {
  const taskId = (jobPayload as { taskId?: unknown } | null)?.taskId;
  if (typeof taskId !== "string") {
    deps.log.error({ jobId: helpers.job.id, jobPayload }, "job without a task id; dropped");
    return;
  }
  const runId = randomUUID();
  const { rows } = await deps.pool.query(CLAIM_SQL, [taskId, runId, helpers.job.locked_by]);
  const claimed = rows[0];
  if (!claimed) return; // cancelled (or deleted) before it started

  const log = deps.log.child({ taskId, taskType: type.name, attempt: claimed.attempts });
  const state: RunState = {
    taskId,
    runId,
    attempt: claimed.attempts,
    current: 0,
    total: null,
    message: null,
    ok: 0,
    ko: 0,
    newErrors: [],
    storedErrors: 0,
  };
  const finish = async (outcome: Outcome) => {
    const written = await deps.writer.finish(state, outcome);
    if (!written) log.warn({ status: outcome.status }, "outcome not written: the task was taken over by another attempt");
  };

  if (claimed.attempts > claimed.max_attempts) {
    // Only a worker that died mid-task gets here: its attempt was counted but never finished.
    return finish({ status: "failed", error: `Out of attempts (${claimed.max_attempts}); the last one was lost with its worker` });
  }
  const parsed = type.payload.safeParse(claimed.payload);
  if (!parsed.success) {
    return finish({ status: "failed", error: `Invalid payload: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` });
  }

  const controller = new AbortController();
  deps.running.set(taskId, controller);
  if (claimed.cancel_requested_at) controller.abort(new TaskCancelledError());
  const onShutdown = () => controller.abort(new WorkerShutdownError());
  helpers.abortSignal?.addEventListener("abort", onShutdown);
  const timeLimit = setTimeout(() => controller.abort(new TaskTimeoutError(type.timeLimitMs)), type.timeLimitMs);

  const ctx: TaskContext<unknown> = {
    taskId,
    attempt: claimed.attempts,
    maxAttempts: claimed.max_attempts,
    payload: parsed.data,
    signal: controller.signal,
    log,
    services: deps.services,
    progress(current, total, message) {
      state.current = current;
      if (total !== undefined) state.total = total;
      if (message !== undefined) state.message = message;
      deps.writer.touch(state);
    },
    itemSucceeded() {
      state.ok++;
      deps.writer.touch(state);
    },
    itemFailed(item, error) {
      state.ko++;
      state.newErrors.push({ key: item.key, label: item.label ?? null, message: toError(error).message });
      deps.writer.touch(state);
    },
  };

  let outcome: Outcome;
  try {
    const result = await runWithinGrace(type.run(ctx), controller.signal, type.abortGraceMs);
    outcome = controller.signal.aborted ? abortedOutcome(controller.signal.reason) : { status: "completed", result };
  } catch (thrown) {
    if (controller.signal.aborted) outcome = abortedOutcome(controller.signal.reason);
    else {
      const error = toError(thrown);
      const retry = !(error instanceof PermanentTaskError) && claimed.attempts < claimed.max_attempts;
      log.warn({ err: error, retry }, "task attempt failed");
      outcome = retry
        ? { status: "retrying", error: error.message, runAt: new Date(Date.now() + backoffDelay(type.backoff, claimed.attempts)) }
        : { status: "failed", error: error.message };
    }
  } finally {
    clearTimeout(timeLimit);
    helpers.abortSignal?.removeEventListener("abort", onShutdown);
    deps.running.delete(taskId);
  }
  await finish(outcome);
}

/**
 * Waits for `run`, but once the signal aborts gives it only `graceMs` more: a task type that ignores its signal
 * must not hold a worker slot past its time limit or a cancel.
 */
function runWithinGrace<R>(run: Promise<R>, signal: AbortSignal, graceMs: number): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      timer = setTimeout(() => reject(signal.reason), graceMs);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    run.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
    });
  });
}

function abortedOutcome(reason: unknown): Outcome {
  if (reason instanceof TaskCancelledError) return { status: "cancelled", error: reason.message };
  if (reason instanceof WorkerShutdownError) return { status: "retrying", error: reason.message, runAt: new Date(), refund: true };
  return { status: "failed", error: toError(reason).message };
}
