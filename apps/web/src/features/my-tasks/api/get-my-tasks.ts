import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** The newest 15 tasks (the most the query cost limit allows with these fields) the viewer may see, with who started each and where waiting ones stand in the queue. */
export const MyTasksQuery = graphql(`
  query MyTasks {
    tasks(first: 15) {
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
