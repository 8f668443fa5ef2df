import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const GetCandidateExportQuery = graphql(`
  query GetCandidateExport {
    candidateExport {
      target
      updatedAt
      rowCount
      downloadUrl
    }
  }
`);

export function useCandidateExport() {
  return useQuery(GetCandidateExportQuery, { fetchPolicy: "cache-and-network", notifyOnNetworkStatusChange: true });
}
