import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

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

export function useReport(id: string) {
  return useQuery(GetReportQuery, { variables: { id }, fetchPolicy: "cache-and-network" });
}
