import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";
import type { OutboxStatus, TaskFilter } from "@taskline/schema/types";

import { useRefetchOnTasks } from "@/lib/use-refetch-on-tasks";

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
 * Each message to send has a mail.send_email task: its changes (queued, retrying, done, failed) reread the list.
 * Messages HELD for want of an SMTP server have no task; "Refresh" shows new ones.
 */
const SEND_TASKS: TaskFilter = { type: ["mail.send_email"] };

export function useOutbox(status: OutboxStatus | null) {
  useRefetchOnTasks(SEND_TASKS, [GetOutboxQuery]);
  return useQuery(GetOutboxQuery, {
    variables: { first: OUTBOX_PAGE_SIZE, status },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
