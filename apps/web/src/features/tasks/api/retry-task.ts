import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const RetryTaskMutation = graphql(`
  mutation RetryTask($id: ID!) {
    retryTask(id: $id) {
      ...TaskListItem
    }
  }
`);

export function useRetryTask() {
  return useMutation(RetryTaskMutation);
}
