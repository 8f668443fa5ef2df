import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

import { GetSchedulesQuery } from "./get-schedules";

/** A fire changes no schedule row (no `scheduleUpdated`), so the list refetches to show the new last fire. */
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
  return useMutation(TriggerScheduleMutation, { refetchQueries: [GetSchedulesQuery] });
}
