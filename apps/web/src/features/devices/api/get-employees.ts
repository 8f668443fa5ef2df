import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const GetEmployeesQuery = graphql(`
  query GetEmployees($first: Int!, $after: String, $filter: EmployeeFilter) {
    employees(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          id
          employeeNumber
          name
          cardNumber
          privilege
          department
          active
          deviceUid
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
    employeeDepartments
  }
`);

export function useEmployees(filter: { search?: string | null; department?: string | null; active?: boolean | null }) {
  return useQuery(GetEmployeesQuery, { variables: { first: 50, filter }, fetchPolicy: "cache-and-network", notifyOnNetworkStatusChange: true });
}
