import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";
import type { OutboxStatus } from "@taskline/schema/types";

export const OUTBOX_PAGE_SIZE = 20;

export const GetOutboxQuery = graphql(`
  query GetOutbox($first: Int!, $after: String, $status: OutboxStatus) {
    outbox(first: $first, after: $after, status: $status) {
      edges {
        cursor
        node {
          id
          to
          subject
          template
          status
          attempts
          lastError
          createdAt
          sentAt
          html
          text
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

/**
 * No subscription carries outbox changes: the list is read on each visit and on "Refresh" (a message's delivery is
 * a task, whose progress the Tasks page shows live).
 */
export function useOutbox(status: OutboxStatus | null) {
  return useQuery(GetOutboxQuery, {
    variables: { first: OUTBOX_PAGE_SIZE, status },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
