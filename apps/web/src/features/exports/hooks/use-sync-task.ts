import { useApolloClient, useSubscription } from "@apollo/client/react";
import type { TaskStatus } from "@taskline/schema/types";
import { useEffect, useRef } from "react";

import { isTerminal } from "@/components/ui/task-status";

import { GetCandidateExportQuery } from "../api/get-candidate-export";
import { GetExportSchedulesQuery } from "../api/get-export-schedules";
import { OnSyncTaskUpdatedSubscription } from "../api/on-sync-task-updated";

/**
 * Follows the sync task started by "Sync now" over `taskUpdated` until the server says it is final, then reads the
 * export's figures again. A dropped socket is not completion: the subscription resumes with a fresh snapshot.
 */
export function useSyncTask(taskId: string | null) {
  const client = useApolloClient();
  const { data, error } = useSubscription(OnSyncTaskUpdatedSubscription, { variables: { id: taskId ?? "" }, skip: taskId === null });
  const task = taskId !== null && data?.taskUpdated.id === taskId ? data.taskUpdated : null;
  const status: TaskStatus | null = task?.status ?? null;
  const refreshed = useRef<string | null>(null);

  useEffect(() => {
    if (taskId === null || status === null || !isTerminal(status) || refreshed.current === taskId) return;
    refreshed.current = taskId;
    void client.refetchQueries({ include: [GetCandidateExportQuery, GetExportSchedulesQuery] });
  }, [client, taskId, status]);

  return { task, error };
}
