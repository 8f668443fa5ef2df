import { useSubscription } from "@apollo/client/react";

import { OnSyncTaskUpdatedSubscription } from "../api/on-sync-task-updated";

/**
 * Follows the sync task started by "Sync now" over `taskUpdated`: its snapshot, then each change. The export's
 * figures reload on their own when a sync completes (useCandidateExport); this shows how this one is going.
 */
export function useSyncTask(taskId: string | null) {
  const { data, error } = useSubscription(OnSyncTaskUpdatedSubscription, { variables: { id: taskId ?? "" }, skip: taskId === null });
  const task = taskId !== null && data?.taskUpdated.id === taskId ? data.taskUpdated : null;
  return { task, error };
}
