import { useSubscription } from "@apollo/client/react";
import { Link } from "react-router";

import { Callout } from "@/components/ui/callout";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EmptyState } from "@/components/ui/empty-state";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { canCancel } from "@/components/ui/task-status";
import { useViewer } from "@/features/auth/hooks/use-viewer";
import { useCancelTask } from "@/features/tasks/api/cancel-task";
import { OnTasksUpdatedSubscription } from "@/features/tasks/api/on-tasks-updated";
import { formatDateTime, formatRelative } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { useMyTasks } from "../api/get-my-tasks";

const GROUPS = [
  { key: "queued", title: "Queued", statuses: ["PENDING", "RETRYING"] },
  { key: "running", title: "Running", statuses: ["RUNNING"] },
  { key: "completed", title: "Completed", statuses: ["COMPLETED"] },
  { key: "stopped", title: "Failed or cancelled", statuses: ["FAILED", "CANCELLED"] },
] as const;

/**
 * Seed 002's "My tasks": the viewer's own tasks grouped by status. Rows update from `tasksUpdated` through the
 * cache; a task that changes group is re-read (its queue place changes with every start ahead of it).
 */
export function MyTasksPage() {
  const viewer = useViewer();
  const { data, error, refetch } = useMyTasks();
  const [cancel, { loading: cancelling }] = useCancelTask();
  useSubscription(OnTasksUpdatedSubscription, {
    variables: { filter: null },
    // Starts and ends move other tasks' queue places; new tasks appear. The rows' own fields update through the cache.
    onData: ({ data: event }) => {
      const s = event.data?.tasksUpdated.status;
      if (s && s !== "RUNNING") void refetch();
      else if (s === "RUNNING" && event.data?.tasksUpdated.progress.current === 0) void refetch();
    },
  });

  if (error && !data) return <Callout tone="danger">{errorText(error)}</Callout>;
  const mine = (data?.tasks.edges ?? []).map((e) => e.node).filter((t) => t.createdBy?.id === viewer?.id);
  return (
    <div className="page">
      <header className="page__head">
        <h1 className="page__title">My tasks</h1>
      </header>
      {!data ? <p className="muted">Loading…</p> : null}
      {data && mine.length === 0 ? <EmptyState title="No tasks yet">Tasks you start (analyses, rankings, exports) appear here.</EmptyState> : null}
      {GROUPS.map((group) => {
        const rows = mine.filter((t) => (group.statuses as readonly string[]).includes(t.status));
        if (!rows.length) return null;
        return (
          <section key={group.key} className="section" aria-labelledby={`group-${group.key}`}>
            <div className="section__head">
              <h2 id={`group-${group.key}`}>{group.title}</h2>
              <span className="muted small">{rows.length}</span>
            </div>
            <ul className="my-tasks">
              {rows.map((t) => (
                <li key={t.id} className="card">
                  <div className="section__head">
                    <Link to={`/tasks/${t.id}`} className="strong">
                      {t.type}
                    </Link>
                    <StatusBadge status={t.status} />
                  </div>
                  {group.key === "queued" ? (
                    <p className="small">
                      {t.queuePlace ? `Position ${t.queuePlace.position + 1} in the queue` : "Waiting"}
                      {t.queuePlace?.estimatedStartAt ? ` · starts around ${formatDateTime(t.queuePlace.estimatedStartAt)}` : ""}
                    </p>
                  ) : null}
                  {group.key === "running" ? <ProgressBar label={`Progress of ${t.type}`} current={t.progress.current} total={t.progress.total ?? null} percent={t.progress.percent} /> : null}
                  {group.key === "running" && t.progress.message ? <p className="muted small">{t.progress.message}</p> : null}
                  {group.key === "completed" ? (
                    <p className="muted small">
                      {t.successCount} done{t.failureCount ? `, ${t.failureCount} failed` : ""} · finished {t.finishedAt ? formatRelative(t.finishedAt) : ""}
                    </p>
                  ) : null}
                  {group.key === "stopped" ? <p className="small">{t.error ?? t.status}</p> : null}
                  {canCancel(t.status) ? (
                    <ConfirmButton question="Cancel this task?" confirmLabel="Cancel task" busy={cancelling} onConfirm={async () => void (await cancel({ variables: { id: t.id } }))}>
                      Cancel
                    </ConfirmButton>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
