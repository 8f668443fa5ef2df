import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const PauseTaskTypeMutation = graphql(`
  mutation PauseTaskType($taskType: String!) {
    pauseTaskType(taskType: $taskType) {
      kind
      name
    }
  }
`);

/** The dashboard follows by subscription (a pause NOTIFY refreshes it); nothing to write in the cache. */
export function usePauseTaskType() {
  return useMutation(PauseTaskTypeMutation);
}
