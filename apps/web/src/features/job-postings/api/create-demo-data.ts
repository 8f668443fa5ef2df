import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const CreateDemoDataMutation = graphql(`
  mutation CreateDemoData {
    createDemoData {
      id
      title
      candidateCount
    }
  }
`);

export function useCreateDemoData() {
  return useMutation(CreateDemoDataMutation, { refetchQueries: ["GetJobPostings"] });
}
