import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

import { GetInterviewsQuery } from "./get-interviews";

export const CancelInterviewMutation = graphql(`
  mutation CancelInterview($id: ID!) {
    cancelInterview(id: $id) {
      ...InterviewRow
    }
  }
`);

/** Cancelled interviews leave the API's list, so the lists are fetched again. */
export function useCancelInterview() {
  return useMutation(CancelInterviewMutation, { refetchQueries: [GetInterviewsQuery] });
}
