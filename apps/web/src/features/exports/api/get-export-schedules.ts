import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** The task type that keeps the export in sync (tasks/recruiting/export_candidates.ts). */
export const EXPORT_TASK_TYPE = "recruiting.export_candidates";

export const GetExportSchedulesQuery = graphql(`
  query GetExportSchedules {
    schedules {
      id
      version
      name
      taskType
      description
      paused
      nextFires(count: 1)
      lastFire {
        at
        skippedReason
        task {
          id
          status
          version
        }
      }
    }
  }
`);

/** The schedules that run the export (normally the one default schedule); skipped for roles that cannot read schedules. */
export function useExportSchedules(canRead: boolean) {
  const result = useQuery(GetExportSchedulesQuery, { skip: !canRead, fetchPolicy: "cache-and-network" });
  return { ...result, schedules: result.data?.schedules.filter((s) => s.taskType === EXPORT_TASK_TYPE) };
}
