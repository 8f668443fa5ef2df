import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";
import type { TaskFilter } from "@taskline/schema/types";

import { useRefetchOnTasks } from "@/lib/use-refetch-on-tasks";

export const GetInterviewsQuery = graphql(`
  query GetInterviews($from: DateTime, $to: DateTime) {
    interviews(from: $from, to: $to) {
      ...InterviewRow
    }
  }
`);

/** The reminder job stamps the interviews it reminded: when a run completes, the reminder states are read again. */
const REMINDER_RUNS_FINISHED: TaskFilter = { type: ["recruiting.send_interview_reminders"], status: ["COMPLETED"] };

/** Interviews starting in [from, to); the API lists them soonest first and leaves cancelled ones out. */
export function useInterviews(range: { from: string | null; to: string | null }) {
  useRefetchOnTasks(REMINDER_RUNS_FINISHED, [GetInterviewsQuery]);
  return useQuery(GetInterviewsQuery, {
    variables: range,
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
