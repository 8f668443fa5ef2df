import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const ResumeScheduleMutation = graphql(`
  mutation ResumeSchedule($id: ID!) {
    resumeSchedule(id: $id) {
      ...ScheduleRow
    }
  }
`);

export function useResumeSchedule() {
  return useMutation(ResumeScheduleMutation);
}
