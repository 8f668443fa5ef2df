import { graphql } from "@taskline/schema/graphql";

/** Every change to any task matching the filter; no snapshot, so lists refetch after a reconnect. */
export const OnTasksUpdatedSubscription = graphql(`
  subscription OnTasksUpdated($filter: TaskFilter) {
    tasksUpdated(filter: $filter) {
      ...TaskListItem
    }
  }
`);
