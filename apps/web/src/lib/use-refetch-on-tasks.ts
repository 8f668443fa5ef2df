import type { DocumentNode } from "graphql";
import { useApolloClient, useSubscription } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";
import type { TaskFilter } from "@taskline/schema/types";
import { useEffect, useRef } from "react";

export const OnTasksChangedSubscription = graphql(`
  subscription OnTasksChanged($filter: TaskFilter) {
    tasksUpdated(filter: $filter) {
      id
      status
      version
    }
  }
`);

/** A burst of events (one per email of a batch) becomes one refetch. */
const COALESCE_MS = 300;

/**
 * Rows that tasks write (reports, reminder stamps, outbox rows, the export) have no subscription of their own; the
 * tasks that write them do. This refetches `include` whenever a task matching `filter` changes, e.g. a weekly
 * report task completing, so the page updates live without polling. `filter` must be stable (a module constant).
 * Roles that may not see those tasks get no events and keep the data as fetched.
 */
export function useRefetchOnTasks(filter: TaskFilter, include: readonly DocumentNode[]) {
  const client = useApolloClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(include);
  latest.current = include;

  useSubscription(OnTasksChangedSubscription, {
    variables: { filter },
    onData: () => {
      if (pending.current !== null) return;
      pending.current = setTimeout(() => {
        pending.current = null;
        void client.refetchQueries({ include: [...latest.current] });
      }, COALESCE_MS);
    },
  });

  useEffect(
    () => () => {
      if (pending.current !== null) clearTimeout(pending.current);
    },
    [],
  );
}
