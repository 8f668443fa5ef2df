/** Why a task's signal was aborted; the executor turns each into an outcome. */
export class TaskCancelledError extends Error {
  override name = "TaskCancelledError";
  constructor() {
    super("Cancelled by a user");
  }
}

export class TaskTimeoutError extends Error {
  override name = "TaskTimeoutError";
  constructor(readonly limitMs: number) {
    super(`Timed out after ${formatSeconds(limitMs)} s`);
  }
}

export class WorkerShutdownError extends Error {
  override name = "WorkerShutdownError";
  constructor() {
    super("The worker shut down; the task will run again");
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}
