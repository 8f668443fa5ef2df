import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const ResumeTaskTypeMutation = graphql(`
  mutation ResumeTaskType($taskType: String!) {
    resumeTaskType(taskType: $taskType) {
      kind
      name
    }
  }
`);

export function useResumeTaskType() {
  return useMutation(ResumeTaskTypeMutation);
}
