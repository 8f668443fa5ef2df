import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** The task types a schedule can fire. */
export const GetScheduleTaskTypesQuery = graphql(`
  query GetScheduleTaskTypes {
    taskTypes {
      name
      title
    }
  }
`);

export function useScheduleTaskTypes() {
  return useQuery(GetScheduleTaskTypesQuery, { fetchPolicy: "cache-first" });
}
