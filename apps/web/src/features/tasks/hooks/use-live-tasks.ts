import { useApolloClient, useSubscription } from "@apollo/client/react";
import type { TaskFilter, TaskListItemFragment } from "@taskline/schema/types";
import { useEffect, useRef } from "react";

import { useConnectionState } from "@/lib/connection-state";

import { GetTasksQuery, TASKS_PAGE_SIZE, useTasks } from "../api/get-tasks";
import { OnTasksUpdatedSubscription } from "../api/on-tasks-updated";

function matches(task: TaskListItemFragment, filter: TaskFilter): boolean {
  const statuses = filter.status ?? [];
  const types = filter.type ?? [];
  return (statuses.length === 0 || statuses.includes(task.status)) && (types.length === 0 || types.includes(task.type));
}

/**
 * The tasks list, kept live. Rows already shown update through the normalised cache (the subscription writes each
 * Task); a task new to this list is put on top when it matches the filter and is newer than the first row.
 *
 * The subscription filters by type only: a status filter on the server would stop the events of a row the moment
 * it leaves that status, freezing it at a status it no longer has. `tasksUpdated` sends no snapshot, so after
 * a reconnect the list refetches to pick up what it missed.
 */
export function useLiveTasks(filter: TaskFilter) {
  const query = useTasks(filter);
  const client = useApolloClient();
  const variables = { first: TASKS_PAGE_SIZE, filter };
  const variablesRef = useRef(variables);
  variablesRef.current = variables;

  useSubscription(OnTasksUpdatedSubscription, {
    variables: { filter: filter.type && filter.type.length > 0 ? { type: filter.type } : null },
    onData: ({ data }) => {
      const task = data.data?.tasksUpdated;
      if (!task || !matches(task, variablesRef.current.filter)) return;
      client.cache.updateQuery({ query: GetTasksQuery, variables: variablesRef.current }, (current) => {
        if (!current) return undefined;
        const edges = current.tasks.edges;
        if (edges.some((edge) => edge.node.id === task.id)) return undefined; // already a row: the cache updated it
        const newest = edges[0]?.node.createdAt;
        if (newest !== undefined && Date.parse(task.createdAt) < Date.parse(newest)) return undefined; // an old task beyond this page
        return {
          ...current,
          tasks: {
            ...current.tasks,
            totalCount: current.tasks.totalCount + 1,
            edges: [{ __typename: "TaskEdge", cursor: `live:${task.id}`, node: task } as (typeof edges)[number], ...edges],
          },
        };
      });
    },
  });

  const { reconnects } = useConnectionState();
  const seenReconnects = useRef(reconnects);
  const { refetch } = query;
  useEffect(() => {
    if (reconnects === seenReconnects.current) return;
    seenReconnects.current = reconnects;
    void refetch();
  }, [reconnects, refetch]);

  return query;
}
