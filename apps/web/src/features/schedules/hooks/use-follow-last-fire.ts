import { useApolloClient, useSubscription } from "@apollo/client/react";
import type { TaskStatus } from "@taskline/schema/types";

import { isTerminal } from "@/components/ui/task-status";

import { GetSchedulerOverviewQuery } from "../api/get-scheduler-overview";
import { GetSchedulesQuery } from "../api/get-schedules";
import { OnScheduleTaskUpdatedSubscription } from "../api/on-schedule-task-updated";

/**
 * Follows a schedule's last task until it finishes, so its badge moves live. The task's end changes the schedule's
 * status (RUNNING -> ACTIVE) and the overview's last 24 h without a `scheduleUpdated`, so both refetch once it does.
 */
export function useFollowLastFire(task: { id: string; status: TaskStatus } | null | undefined) {
  const client = useApolloClient();
  const following = task != null && !isTerminal(task.status);
  useSubscription(OnScheduleTaskUpdatedSubscription, {
    variables: { id: task?.id ?? "" },
    skip: !following,
    onData: ({ data }) => {
      const status = data.data?.taskUpdated.status;
      if (status && isTerminal(status)) void client.refetchQueries({ include: [GetSchedulesQuery, GetSchedulerOverviewQuery] });
    },
  });
}
