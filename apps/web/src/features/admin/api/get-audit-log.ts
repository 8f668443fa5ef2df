import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const AUDIT_PAGE_SIZE = 50;

/** Newest first; `action` filters to one kind (e.g. SIGN_IN_FAILED). */
export const GetAuditLogQuery = graphql(`
  query GetAuditLog($first: Int!, $after: String, $action: String) {
    auditLog(first: $first, after: $after, action: $action) {
      edges {
        cursor
        node {
          id
          at
          actorEmail
          via
          action
          targetType
          targetId
          details
          ip
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

export function useAuditLog(action: string | null) {
  return useQuery(GetAuditLogQuery, {
    variables: { first: AUDIT_PAGE_SIZE, action },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
