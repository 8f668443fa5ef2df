import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const GetTaskTypesQuery = graphql(`
  query GetTaskTypes {
    taskTypes {
      name
      title
      maxAttempts
      timeLimitSeconds
    }
  }
`);

export function useTaskTypes() {
  return useQuery(GetTaskTypesQuery, { fetchPolicy: "cache-first" });
}
