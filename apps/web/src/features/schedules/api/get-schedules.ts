import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const GetSchedulesQuery = graphql(`
  query GetSchedules {
    schedules {
      ...ScheduleRow
    }
  }
`);

export function useSchedules() {
  return useQuery(GetSchedulesQuery, { notifyOnNetworkStatusChange: true });
}
