import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const OVERVIEW_NEXT_FIRES = 5;

export const GetSchedulerOverviewQuery = graphql(`
  query GetSchedulerOverview($nextFires: Int!) {
    schedulerOverview(nextFires: $nextFires) {
      schedules
      active
      running
      paused
      lastTickAt
      workerPoolsAlive
      nextFires {
        at
        schedule {
          id
          name
          timezone
        }
      }
      last24h {
        fires
        completed
        failed
        cancelled
        inProgress
        skipped
        successRate
      }
    }
  }
`);

export function useSchedulerOverview() {
  return useQuery(GetSchedulerOverviewQuery, { variables: { nextFires: OVERVIEW_NEXT_FIRES }, fetchPolicy: "cache-and-network" });
}
