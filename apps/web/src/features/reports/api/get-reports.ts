import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

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

/** Reports change only when a report task runs; no subscription carries them, so the list is read on each visit. */
export function useReports() {
  return useQuery(GetReportsQuery, {
    variables: { first: REPORTS_PAGE_SIZE },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
