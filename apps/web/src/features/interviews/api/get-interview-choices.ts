import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** A form's pick lists are not an archive: the newest postings, and the first candidates of the chosen one. */
export const CHOICES_PAGE_SIZE = 100;

export const GetInterviewPostingsQuery = graphql(`
  query GetInterviewPostings($first: Int!) {
    jobPostings(first: $first) {
      edges {
        node {
          id
          title
          candidateCount
        }
      }
    }
  }
`);

export const GetInterviewCandidatesQuery = graphql(`
  query GetInterviewCandidates($id: ID!, $first: Int!) {
    jobPosting(id: $id) {
      id
      candidates(first: $first) {
        edges {
          node {
            id
            name
            email
          }
        }
        totalCount
      }
    }
  }
`);

export function useInterviewPostings() {
  return useQuery(GetInterviewPostingsQuery, { variables: { first: CHOICES_PAGE_SIZE }, fetchPolicy: "cache-and-network" });
}

/** The candidates of `jobPostingId`; skipped until one is chosen. */
export function useInterviewCandidates(jobPostingId: string) {
  return useQuery(GetInterviewCandidatesQuery, {
    variables: { id: jobPostingId, first: CHOICES_PAGE_SIZE },
    skip: jobPostingId === "",
    fetchPolicy: "cache-and-network",
  });
}
