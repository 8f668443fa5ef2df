import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const PauseQueueMutation = graphql(`
  mutation PauseQueue($queue: String!) {
    pauseQueue(queue: $queue) {
      kind
      name
    }
  }
`);

export function usePauseQueue() {
  return useMutation(PauseQueueMutation);
}
