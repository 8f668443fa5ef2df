import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";
import type { TaskFilter } from "@taskline/schema/types";

export const TASKS_PAGE_SIZE = 20;

export const GetTasksQuery = graphql(`
  query GetTasks($first: Int!, $after: String, $filter: TaskFilter) {
    tasks(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...TaskListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

export function useTasks(filter: TaskFilter) {
  return useQuery(GetTasksQuery, {
    variables: { first: TASKS_PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
}
