import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const GetAttendanceQuery = graphql(`
  query GetAttendance($first: Int!, $after: String, $filter: AttendanceFilter) {
    attendanceEvents(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          id
          occurredAt
          deviceUserId
          verifyMethod
          punchState
          employee {
            id
            name
            employeeNumber
          }
          device {
            id
            name
            timezone
          }
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

export type AttendanceFilterValue = { search?: string | null; deviceId?: string | null; employeeId?: string | null; from?: string | null; to?: string | null };

export function useAttendance(filter: AttendanceFilterValue) {
  return useQuery(GetAttendanceQuery, { variables: { first: 50, filter }, fetchPolicy: "cache-and-network", notifyOnNetworkStatusChange: true });
}

/** The CSV download of the same filtered set (GET /exports/attendance.csv, the session cookie authenticates). */
export function attendanceCsvUrl(filter: AttendanceFilterValue): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  return `/exports/attendance.csv${params.size ? `?${params}` : ""}`;
}

export function employeesCsvUrl(filter: { search?: string | null; department?: string | null; active?: boolean | null }): string {
  const params = new URLSearchParams();
  if (filter.search) params.set("search", filter.search);
  if (filter.department) params.set("department", filter.department);
  if (filter.active !== null && filter.active !== undefined) params.set("active", String(filter.active));
  return `/exports/employees.csv${params.size ? `?${params}` : ""}`;
}
