import { Link, useNavigate } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { StatusBadge } from "@/components/ui/status-badge";
import { assertNever } from "@/lib/assert-never";
import { errorText } from "@/lib/graphql-errors";

import { useTaskTypes } from "../api/get-task-types";
import { useLiveTask, type LiveTaskConnection } from "../hooks/use-live-task";
import { TaskActions } from "./task-actions";
import { TaskErrors } from "./task-errors";
import { TaskLivePanel } from "./task-live-panel";
import { TaskResult } from "./task-result";
import { AtsSyncResults } from "@/features/ats/components/sync-results";

function LiveNotice({ connection, onResubscribe }: { connection: LiveTaskConnection; onResubscribe: () => void }) {
  switch (connection) {
    case "connected":
    case "final":
      return null;
    case "connecting":
      return <Callout>Connecting to live updates…</Callout>;
    case "reconnecting":
      return (
        <Callout tone="warning">
          Connection lost — reconnecting. What you see may be out of date; it will be corrected as soon as the connection
          is back.
        </Callout>
      );
    case "failed":
      return <Callout tone="danger">Live updates are unavailable. Reload the page to try again.</Callout>;
    case "ended":
      return (
        <Callout tone="warning">
          Live updates stopped before the task finished; the task itself may still be running.{" "}
          <Button size="sm" variant="ghost" onClick={onResubscribe}>
            Resume live updates
          </Button>
        </Callout>
      );
    default:
      return assertNever(connection);
  }
}

export function TaskDetail({ id }: { id: string }) {
  const { task, error, connection, resubscribe } = useLiveTask(id);
  const navigate = useNavigate();
  const { data: types } = useTaskTypes();
  const typeTitle = task ? (types?.taskTypes.find((t) => t.name === task.type)?.title ?? task.type) : "Task";

  return (
    <div className="page" data-connection={connection}>
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/tasks">Tasks</Link> <span aria-hidden="true">/</span> <span className="mono">{id}</span>
      </nav>

      <header className="page__head">
        <div>
          <h1 className="page__title">{typeTitle}</h1>
          {task ? (
            <p className="muted small">
              <span className="mono">{task.type}</span> · <span className="mono">{task.id}</span>
            </p>
          ) : null}
        </div>
        {task ? (
          <div className="page__head-actions">
            <StatusBadge status={task.status} />
            <TaskActions
              task={task}
              size="md"
              onRetried={(retriedId) => {
                if (retriedId !== id) navigate(`/tasks/${retriedId}`);
              }}
            />
          </div>
        ) : null}
      </header>

      {error ? (
        <Callout tone="danger">
          {errorText(error)}{" "}
          <Button size="sm" variant="ghost" onClick={resubscribe}>
            Try again
          </Button>
        </Callout>
      ) : (
        <LiveNotice connection={connection} onResubscribe={resubscribe} />
      )}

      {task === null ? (
        error ? null : (
          <div className="panel panel--loading" aria-busy="true">
            <p className="muted">Waiting for the task’s current state…</p>
          </div>
        )
      ) : (
        <>
          <ErrorBoundary name="Live progress" resetKey={id}>
            <TaskLivePanel task={task} />
          </ErrorBoundary>
          {task.cancelRequested && !["CANCELLED", "COMPLETED", "FAILED"].includes(task.status) ? (
            <Callout tone="warning">Cancellation requested; the worker will stop at its next step.</Callout>
          ) : null}
          {task.error ? (
            <Callout tone="danger">
              <strong>Task error:</strong> <span data-testid="task-error">{task.error}</span>
            </Callout>
          ) : null}
          <ErrorBoundary name="Item failures" resetKey={id}>
            <TaskErrors errors={task.errors} failureCount={task.failureCount} />
          </ErrorBoundary>
          <ErrorBoundary name="Result" resetKey={id}>
            <TaskResult type={task.type} result={task.result} />
          </ErrorBoundary>
          {task.type.startsWith("ats.sync_") ? <AtsSyncResults taskId={task.id} version={task.version} /> : null}
        </>
      )}
    </div>
  );
}
