import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** The newest 100 tasks the viewer may see, with who started each and where waiting ones stand in the queue. */
export const MyTasksQuery = graphql(`
  query MyTasks {
    tasks(first: 100) {
      edges {
        node {
          ...TaskListItem
          error
          createdBy {
            id
          }
          queuePlace {
            position
            estimatedStartAt
          }
        }
      }
    }
  }
`);

export function useMyTasks() {
  return useQuery(MyTasksQuery, { fetchPolicy: "cache-and-network" });
}
