import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

import { GetExportSchedulesQuery } from "./get-export-schedules";

/** There is no export mutation of its own: "Sync now" runs the export's schedule at once, as its Trigger button would. */
export const SyncCandidateExportMutation = graphql(`
  mutation SyncCandidateExport($scheduleId: ID!) {
    triggerSchedule(id: $scheduleId) {
      id
      status
      version
    }
  }
`);

export function useSyncCandidateExport() {
  return useMutation(SyncCandidateExportMutation, { refetchQueries: [GetExportSchedulesQuery] });
}
