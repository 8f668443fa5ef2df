import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** Their sessions and keys stop working at once; their open tabs are sent to the sign-in page. */
export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      ...UserRow
    }
  }
`);

export function useDeactivateUser() {
  return useMutation(DeactivateUserMutation);
}
