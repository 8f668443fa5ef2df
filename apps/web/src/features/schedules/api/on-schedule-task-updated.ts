import { graphql } from "@taskline/schema/graphql";

/** The last fire's task, so its badge (and the schedule's RUNNING status) follows it without a reload. */
export const OnScheduleTaskUpdatedSubscription = graphql(`
  subscription OnScheduleTaskUpdated($id: ID!) {
    taskUpdated(id: $id) {
      id
      status
      version
    }
  }
`);
