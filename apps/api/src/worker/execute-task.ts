import { randomUUID } from "node:crypto";
import type { JobHelpers } from "graphile-worker";
import type pg from "pg";
import { backoffDelay, PermanentTaskError, type TaskContext, type TaskType } from "../../../../tasks/contract.js";
import { toError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import type { Metrics } from "../ops/metrics.js";
import { TaskCancelledError, TaskTimeoutError, WorkerShutdownError } from "./abort-reasons.js";
import type { ClaimBatcher } from "./claims.js";
import type { Outcome, ProgressWriter, RunState } from "./progress-writer.js";
import type { TaskServices } from "./services.js";

export type ExecutorDeps = {
  pool: pg.Pool;
  writer: ProgressWriter;
  claims: ClaimBatcher;
  services: TaskServices;
  log: Logger;
  /** Running attempts of this process by task id, so cancel notices and shutdown can reach them. */
  running: Map<string, AbortController>;
  metrics?: Metrics;
};

/** Runs one attempt of one task: the whole task contract around a task type's `run`. */
export async function executeTask(type: TaskType, jobPayload: unknown, helpers: JobHelpers, deps: ExecutorDeps): Promise<void> {
  const taskId = (jobPayload as { taskId?: unknown } | null)?.taskId;
  if (typeof taskId !== "string") {
    deps.log.error({ jobId: helpers.job.id, jobPayload }, "job without a task id; dropped");
    return;
  }
  const runId = randomUUID();
  const claimed = await deps.claims.claim(taskId, runId, helpers.job.locked_by ?? null);
  if (!claimed) return; // cancelled (or deleted) before it started

  const log = deps.log.child({ taskId, taskType: type.name, attempt: claimed.attempts });
  const startedAt = performance.now();
  deps.metrics?.tasksStarted.inc({ task_type: type.name });
  log.debug("task attempt started");
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
    deps.metrics?.attemptFinished(type.name, outcome.status, (performance.now() - startedAt) / 1000);
    if (!written) log.warn({ status: outcome.status }, "outcome not written: the task was taken over by another attempt");
    else log.info({ status: outcome.status, ms: Math.round(performance.now() - startedAt) }, "task attempt finished");
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
  watchShutdown(helpers.abortSignal, deps.running);
  if (helpers.abortSignal?.aborted) controller.abort(new WorkerShutdownError());
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
    deps.running.delete(taskId);
  }
  await finish(outcome);
}

const watchedSignals = new WeakSet<AbortSignal>();

/**
 * graphile-worker aborts one signal, shared by all jobs of a pool, when its graceful shutdown times out. One
 * listener per pool aborts every running task (a listener per task would pile up on the shared signal).
 */
function watchShutdown(signal: AbortSignal | undefined, running: Map<string, AbortController>): void {
  if (!signal || watchedSignals.has(signal)) return;
  watchedSignals.add(signal);
  signal.addEventListener("abort", () => {
    for (const controller of running.values()) controller.abort(new WorkerShutdownError());
  }, { once: true });
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
