import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";
import type { TaskFilter } from "@taskline/schema/types";

import { useRefetchOnTasks } from "@/lib/use-refetch-on-tasks";

/** A quarter of weekly reports: the list and its trend chart. */
export const REPORTS_PAGE_SIZE = 12;

export const GetReportsQuery = graphql(`
  query GetReports($first: Int!, $after: String) {
    reports(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          kind
          periodStart
          periodEnd
          emailedAt
          updatedAt
          data
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

/** A report is written by its task: when one completes, the report lists and views read again. */
export const REPORT_TASKS_FINISHED: TaskFilter = { type: ["reporting.weekly_report"], status: ["COMPLETED"] };

export function useReports() {
  useRefetchOnTasks(REPORT_TASKS_FINISHED, [GetReportsQuery]);
  return useQuery(GetReportsQuery, {
    variables: { first: REPORTS_PAGE_SIZE },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
