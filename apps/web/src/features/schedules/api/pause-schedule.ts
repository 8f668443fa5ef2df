import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const PauseScheduleMutation = graphql(`
  mutation PauseSchedule($id: ID!) {
    pauseSchedule(id: $id) {
      ...ScheduleRow
    }
  }
`);

export function usePauseSchedule() {
  return useMutation(PauseScheduleMutation);
}
