import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const RankCandidatesMutation = graphql(`
  mutation RankCandidates($jobPostingId: ID!) {
    rankCandidates(jobPostingId: $jobPostingId) {
      id
      type
      status
      version
    }
  }
`);

export function useRankCandidates() {
  return useMutation(RankCandidatesMutation);
}
