import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const CreateJobPostingMutation = graphql(`
  mutation CreateJobPosting($input: CreateJobPostingInput!) {
    createJobPosting(input: $input) {
      id
      title
    }
  }
`);

export function useCreateJobPosting() {
  return useMutation(CreateJobPostingMutation, { refetchQueries: ["GetJobPostings"] });
}
