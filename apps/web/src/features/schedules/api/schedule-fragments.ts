import { graphql } from "@taskline/schema/graphql";

/** How many upcoming fires a row shows. */
export const ROW_NEXT_FIRES = 3;

/** Everything a schedule row and the edit form need; every query, mutation and event selects it. */
export const ScheduleRowFragment = graphql(`
  fragment ScheduleRow on Schedule {
    id
    version
    name
    taskType
    payload
    cron
    intervalSeconds
    timezone
    description
    status
    paused
    overlapPolicy
    catchUpPolicy
    catchUpCap
    nextFires(count: 3)
    lastFire {
      at
      skippedReason
      task {
        id
        status
        version
      }
    }
  }
`);
