import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const ResumeQueueMutation = graphql(`
  mutation ResumeQueue($queue: String!) {
    resumeQueue(queue: $queue) {
      kind
      name
    }
  }
`);

export function useResumeQueue() {
  return useMutation(ResumeQueueMutation);
}
