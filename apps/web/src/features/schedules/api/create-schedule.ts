import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

import { GetSchedulesQuery } from "./get-schedules";

export const CreateScheduleMutation = graphql(`
  mutation CreateSchedule($input: CreateScheduleInput!) {
    createSchedule(input: $input) {
      ...ScheduleRow
    }
  }
`);

export function useCreateSchedule() {
  return useMutation(CreateScheduleMutation, { refetchQueries: [GetSchedulesQuery] });
}
