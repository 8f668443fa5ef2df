import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

import { useRefetchOnTasks } from "@/lib/use-refetch-on-tasks";

import { REPORT_TASKS_FINISHED } from "./get-reports";

export const GetReportQuery = graphql(`
  query GetReport($id: ID!) {
    report(id: $id) {
      id
      kind
      periodStart
      periodEnd
      emailedAt
      createdAt
      updatedAt
      data
    }
  }
`);

/** A re-run for the same week updates the report in place: the view reads it again when one completes. */
export function useReport(id: string) {
  useRefetchOnTasks(REPORT_TASKS_FINISHED, [GetReportQuery]);
  return useQuery(GetReportQuery, { variables: { id }, fetchPolicy: "cache-and-network" });
}
