import { graphql } from "@taskline/schema/graphql";

/** The task's snapshot first, then each change in version order (see DESIGN.md, "The live pipeline"). */
export const OnTaskUpdatedSubscription = graphql(`
  subscription OnTaskUpdated($id: ID!) {
    taskUpdated(id: $id) {
      ...TaskDetail
    }
  }
`);
