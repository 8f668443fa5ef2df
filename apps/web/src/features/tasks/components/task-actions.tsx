import type { TaskStatus } from "@taskline/schema/types";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { canCancel, canRetry } from "@/components/ui/task-status";
import { errorText } from "@/lib/graphql-errors";
import { useCan } from "@/lib/permissions";

import { useCancelTask } from "../api/cancel-task";
import { useRetryTask } from "../api/retry-task";

interface Props {
  task: { id: string; status: TaskStatus; cancelRequested: boolean };
  /** Called with the task the API returned from retryTask (it may be a new task). */
  onRetried?: (taskId: string) => void;
  size?: "sm" | "md";
}

/**
 * Cancel for a task still going, Retry for a failed or cancelled one; API refusals shown by their code (a
 * recruiter acting on another's private task gets FORBIDDEN). Nothing for a role without tasks:write.
 */
export function TaskActions({ task, onRetried, size = "sm" }: Props) {
  const [cancelTask, cancelState] = useCancelTask();
  const [retryTask, retryState] = useRetryTask();
  const [error, setError] = useState<string | null>(null);
  const canWrite = useCan("tasks:write");
  if (!canWrite) return null;

  async function cancel() {
    setError(null);
    try {
      await cancelTask({ variables: { id: task.id } });
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function retry() {
    setError(null);
    try {
      const result = await retryTask({ variables: { id: task.id } });
      if (result.data) onRetried?.(result.data.retryTask.id);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <div className="actions">
      {canCancel(task.status) ? (
        <Button
          size={size}
          variant="ghost"
          onClick={cancel}
          busy={cancelState.loading}
          disabled={task.cancelRequested}
          aria-label={`Cancel task ${task.id}`}
        >
          {task.cancelRequested ? "Cancelling…" : "Cancel"}
        </Button>
      ) : null}
      {canRetry(task.status) ? (
        <Button size={size} variant="secondary" onClick={retry} busy={retryState.loading} aria-label={`Retry task ${task.id}`}>
          Retry
        </Button>
      ) : null}
      {error ? (
        <span className="actions__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
