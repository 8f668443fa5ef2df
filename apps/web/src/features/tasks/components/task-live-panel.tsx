import type { TaskDetailFragment } from "@taskline/schema/types";

import { ProgressBar } from "@/components/ui/progress-bar";
import { presentStatus } from "@/components/ui/task-status";
import { formatDateTime, formatDuration } from "@/lib/format";

import { useElapsed } from "../hooks/use-elapsed";

/** Bar, counts and clock. Every figure but the elapsed time is the server's latest event. */
export function TaskLivePanel({ task }: { task: TaskDetailFragment }) {
  const { tone, active, terminal } = presentStatus(task.status);
  const elapsed = useElapsed(task.startedAt, task.finishedAt, active);
  const { current, total, percent, message } = task.progress;

  return (
    <section className="panel" aria-label="Progress">
      <div className="panel__bar">
        <ProgressBar label="Task progress" current={current} total={total} percent={percent} tone={tone} active={active} />
        <div className="panel__bar-meta">
          <span className="mono" data-testid="progress-count">
            {total !== null ? `${current} / ${total}` : `${current}`}
          </span>
          <span className="muted truncate" data-testid="progress-message">
            {message ?? (terminal ? "" : "Waiting for the worker…")}
          </span>
        </div>
      </div>
      <dl className="stats">
        <div className="stat">
          <dt>Succeeded</dt>
          <dd className="mono" data-testid="success-count">
            {task.successCount}
          </dd>
        </div>
        <div className="stat">
          <dt>Failed</dt>
          <dd className={`mono${task.failureCount > 0 ? " text-danger" : ""}`} data-testid="failure-count">
            {task.failureCount}
          </dd>
        </div>
        <div className="stat">
          <dt>Attempt</dt>
          <dd className="mono">
            {task.attempts} of {task.maxAttempts}
          </dd>
        </div>
        <div className="stat">
          <dt>Elapsed</dt>
          <dd className="mono" data-testid="elapsed">
            {elapsed === null ? "—" : formatDuration(elapsed)}
          </dd>
        </div>
        <div className="stat">
          <dt>Started</dt>
          <dd className="small">{formatDateTime(task.startedAt)}</dd>
        </div>
        <div className="stat">
          <dt>Finished</dt>
          <dd className="small">{formatDateTime(task.finishedAt)}</dd>
        </div>
      </dl>
    </section>
  );
}
