import { graphql } from "@taskline/schema/graphql";

/** Every change to any schedule; no snapshot, so views refetch after a reconnect. */
export const OnScheduleUpdatedSubscription = graphql(`
  subscription OnScheduleUpdated {
    scheduleUpdated {
      id
      version
      deleted
      schedule {
        ...ScheduleRow
      }
    }
  }
`);
