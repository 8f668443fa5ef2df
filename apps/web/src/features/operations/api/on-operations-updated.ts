import { graphql } from "@taskline/schema/graphql";

/** The current overview first, then a fresh one after each change (the server debounces to ~1.5 s). */
export const OnOperationsUpdatedSubscription = graphql(`
  subscription OnOperationsUpdated {
    operationsUpdated {
      generatedAt
      waiting
      running
      queueDepth {
        taskType
        queue
        pending
        retrying
        running
        paused
      }
      queues {
        queue
        waiting
        running
        paused
      }
      runningTasks {
        taskId
        taskType
        startedAt
        workerPoolId
        percent
      }
      lastHour {
        bucketSeconds
        completed
        failed
        cancelled
        failureRate
        buckets {
          start
          completed
          failed
          cancelled
        }
      }
      lastDay {
        bucketSeconds
        completed
        failed
        cancelled
        failureRate
        buckets {
          start
          completed
          failed
          cancelled
        }
      }
      durations {
        taskType
        count
        avgMs
        p95Ms
      }
      schedulesDueNext {
        at
        schedule {
          id
          name
          taskType
        }
      }
      recentFailures {
        taskId
        taskType
        error
        attempts
        finishedAt
      }
      paused {
        kind
        name
        pausedAt
      }
      workerPools {
        id
        host
        pid
        version
        concurrency
        running
        load
        state
        heartbeatAt
        heartbeatAgeSeconds
        taskTypes
      }
    }
  }
`);
