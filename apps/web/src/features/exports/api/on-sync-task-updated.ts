import { graphql } from "@taskline/schema/graphql";

/** The sync task's snapshot, then its changes: the page refreshes the export's figures once it completes. */
export const OnSyncTaskUpdatedSubscription = graphql(`
  subscription OnSyncTaskUpdated($id: ID!) {
    taskUpdated(id: $id) {
      id
      status
      version
      error
      progress {
        percent
        message
      }
    }
  }
`);
