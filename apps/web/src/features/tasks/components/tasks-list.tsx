import type { TaskFilter, TaskStatus } from "@taskline/schema/types";
import { useMemo } from "react";
import { useSearchParams } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { ALL_STATUSES } from "@/components/ui/task-status";
import { errorText } from "@/lib/graphql-errors";

import { useTaskTypes } from "../api/get-task-types";
import { useLiveTasks } from "../hooks/use-live-tasks";
import { TaskFilters } from "./task-filters";
import { TasksTable } from "./tasks-table";

/** Filters live in the URL (?status=RUNNING&status=FAILED&type=...), so a filtered view can be shared. */
function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const statuses = params.getAll("status").filter((s): s is TaskStatus => (ALL_STATUSES as readonly string[]).includes(s));
  const type = params.get("type");
  const statusKey = statuses.join(",");
  const filter = useMemo<TaskFilter>(
    () => ({ ...(statusKey ? { status: statusKey.split(",") as TaskStatus[] } : {}), ...(type ? { type: [type] } : {}) }),
    [statusKey, type],
  );
  function setFilter(next: { statuses: TaskStatus[]; type: string | null }) {
    const p = new URLSearchParams();
    for (const s of next.statuses) p.append("status", s);
    if (next.type) p.set("type", next.type);
    setParams(p, { replace: true });
  }
  return { statuses, type, filter, setFilter };
}

function LiveTasks({ filter }: { filter: TaskFilter }) {
  const { data, error, loading, fetchMore } = useLiveTasks(filter);
  const { data: types } = useTaskTypes();
  const typeTitles = useMemo(() => new Map(types?.taskTypes.map((t) => [t.name, t.title]) ?? []), [types]);

  if (error && !data) return <Callout tone="danger">{errorText(error)}</Callout>;
  if (!data) return <p className="muted" aria-busy="true">Loading tasks…</p>;

  const { edges, pageInfo, totalCount } = data.tasks;
  if (edges.length === 0) {
    return (
      <EmptyState title="No tasks yet">
        Tasks appear here the moment they are started — for example by ranking the candidates of a job posting.
      </EmptyState>
    );
  }
  return (
    <>
      <TasksTable tasks={edges.map((e) => e.node)} typeTitles={typeTitles} />
      <div className="list-footer">
        <span className="muted small">
          Showing {edges.length} of {totalCount}
        </span>
        {pageInfo.hasNextPage ? (
          <Button busy={loading} onClick={() => void fetchMore({ variables: { after: pageInfo.endCursor } })}>
            Load more
          </Button>
        ) : null}
      </div>
    </>
  );
}

export function TasksList() {
  const { statuses, type, filter, setFilter } = useFilterParams();
  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Tasks</h1>
          <p className="muted small">Every operation started by people or schedules, updated live.</p>
        </div>
      </header>
      <TaskFilters statuses={statuses} type={type} onChange={setFilter} />
      <ErrorBoundary name="Tasks list" resetKey={JSON.stringify(filter)}>
        <LiveTasks filter={filter} />
      </ErrorBoundary>
    </div>
  );
}
