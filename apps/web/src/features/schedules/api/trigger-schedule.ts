import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

import { GetSchedulerOverviewQuery } from "./get-scheduler-overview";
import { GetSchedulesQuery } from "./get-schedules";

/** A fire changes no schedule row (no `scheduleUpdated`), so the list and overview refetch to show it. */
export const TriggerScheduleMutation = graphql(`
  mutation TriggerSchedule($id: ID!, $force: Boolean!) {
    triggerSchedule(id: $id, force: $force) {
      id
      status
      version
    }
  }
`);

export function useTriggerSchedule() {
  return useMutation(TriggerScheduleMutation, { refetchQueries: [GetSchedulesQuery, GetSchedulerOverviewQuery] });
}
