import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const GetInterviewsQuery = graphql(`
  query GetInterviews($from: DateTime, $to: DateTime) {
    interviews(from: $from, to: $to) {
      ...InterviewRow
    }
  }
`);

/** Interviews starting in [from, to); the API lists them soonest first and leaves cancelled ones out. */
export function useInterviews(range: { from: string | null; to: string | null }) {
  return useQuery(GetInterviewsQuery, {
    variables: range,
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
