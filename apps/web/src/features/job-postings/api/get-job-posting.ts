import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const CANDIDATES_PAGE_SIZE = 50;

export const GetJobPostingQuery = graphql(`
  query GetJobPosting($id: ID!, $first: Int!, $after: String) {
    jobPosting(id: $id) {
      id
      title
      description
      requiredSkills
      niceToHaveSkills
      candidateCount
      createdAt
      latestRanking {
        id
        status
        version
        finishedAt
      }
      candidates(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            name
            email
            createdAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

export function useJobPosting(id: string) {
  return useQuery(GetJobPostingQuery, {
    variables: { id, first: CANDIDATES_PAGE_SIZE },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
