import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const DeleteScheduleMutation = graphql(`
  mutation DeleteSchedule($id: ID!) {
    deleteSchedule(id: $id) {
      id
    }
  }
`);

/** Removes the schedule from the cache at once; other tabs learn of it from `scheduleUpdated`. */
export function useDeleteSchedule() {
  return useMutation(DeleteScheduleMutation, {
    update(cache, { data }) {
      const id = data?.deleteSchedule.id;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: "Schedule", id }) });
      cache.gc();
    },
  });
}
