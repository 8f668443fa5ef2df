import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

import { GetInterviewsQuery } from "./get-interviews";

export const ScheduleInterviewMutation = graphql(`
  mutation ScheduleInterview($input: ScheduleInterviewInput!) {
    scheduleInterview(input: $input) {
      ...InterviewRow
    }
  }
`);

/** No subscription carries interviews: every list shown is fetched again once the interview exists. */
export function useScheduleInterview() {
  return useMutation(ScheduleInterviewMutation, { refetchQueries: [GetInterviewsQuery] });
}
