import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";
import type { TaskFilter } from "@taskline/schema/types";

import { useRefetchOnTasks } from "@/lib/use-refetch-on-tasks";

import { GetExportSchedulesQuery } from "./get-export-schedules";

export const GetCandidateExportQuery = graphql(`
  query GetCandidateExport {
    candidateExport {
      target
      updatedAt
      rowCount
      downloadUrl
    }
  }
`);

/** Any sync that completes (scheduled or "Sync now") changes the figures and its schedule's last fire. */
const SYNCS_FINISHED: TaskFilter = { type: ["recruiting.export_candidates"], status: ["COMPLETED"] };

export function useCandidateExport() {
  useRefetchOnTasks(SYNCS_FINISHED, [GetCandidateExportQuery, GetExportSchedulesQuery]);
  return useQuery(GetCandidateExportQuery, { fetchPolicy: "cache-and-network", notifyOnNetworkStatusChange: true });
}
