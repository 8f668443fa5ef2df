import { graphql } from "@taskline/schema/graphql";

/** What a row in the tasks list shows; also what `tasksUpdated` carries. */
export const TaskListItemFragment = graphql(`
  fragment TaskListItem on Task {
    id
    type
    status
    version
    progress {
      current
      total
      percent
      message
    }
    successCount
    failureCount
    attempts
    maxAttempts
    cancelRequested
    createdAt
    startedAt
    finishedAt
    updatedAt
  }
`);

/** Everything the task page renders; `taskUpdated` carries it, snapshot first. */
export const TaskDetailFragment = graphql(`
  fragment TaskDetail on Task {
    ...TaskListItem
    error
    result
    payload
    runAt
    errors(first: 100) {
      itemKey
      itemLabel
      message
      attempt
      createdAt
    }
  }
`);
