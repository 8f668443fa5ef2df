import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const CancelTaskMutation = graphql(`
  mutation CancelTask($id: ID!) {
    cancelTask(id: $id) {
      ...TaskListItem
    }
  }
`);

/** The returned task lands in the cache (version-checked), so every view of it updates. */
export function useCancelTask() {
  return useMutation(CancelTaskMutation);
}
