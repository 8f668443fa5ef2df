import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const JOB_POSTINGS_PAGE_SIZE = 20;

export const GetJobPostingsQuery = graphql(`
  query GetJobPostings($first: Int!, $after: String) {
    jobPostings(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          title
          requiredSkills
          candidateCount
          createdAt
          latestRanking {
            id
            status
            version
            finishedAt
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

export function useJobPostings() {
  return useQuery(GetJobPostingsQuery, {
    variables: { first: JOB_POSTINGS_PAGE_SIZE },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
