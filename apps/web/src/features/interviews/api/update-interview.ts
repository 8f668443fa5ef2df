import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

import { GetInterviewsQuery } from "./get-interviews";

export const UpdateInterviewMutation = graphql(`
  mutation UpdateInterview($id: ID!, $input: UpdateInterviewInput!) {
    updateInterview(id: $id, input: $input) {
      ...InterviewRow
    }
  }
`);

/** A new time can move the interview between lists (and clears its reminder stamps): the lists are fetched again. */
export function useUpdateInterview() {
  return useMutation(UpdateInterviewMutation, { refetchQueries: [GetInterviewsQuery] });
}
