import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const AddCandidatesMutation = graphql(`
  mutation AddCandidates($jobPostingId: ID!, $candidates: [CandidateInput!]!) {
    addCandidates(jobPostingId: $jobPostingId, candidates: $candidates) {
      id
      name
      email
    }
  }
`);

export function useAddCandidates() {
  return useMutation(AddCandidatesMutation, { refetchQueries: ["GetJobPosting", "GetJobPostings"] });
}
