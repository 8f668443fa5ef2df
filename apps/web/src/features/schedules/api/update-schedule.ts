import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const UpdateScheduleMutation = graphql(`
  mutation UpdateSchedule($id: ID!, $input: UpdateScheduleInput!) {
    updateSchedule(id: $id, input: $input) {
      ...ScheduleRow
    }
  }
`);

export function useUpdateSchedule() {
  return useMutation(UpdateScheduleMutation);
}
