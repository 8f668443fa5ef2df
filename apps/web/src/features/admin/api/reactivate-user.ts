import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      ...UserRow
    }
  }
`);

export function useReactivateUser() {
  return useMutation(ReactivateUserMutation);
}
