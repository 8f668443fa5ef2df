import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** The user's live connections close at once, so the new role applies everywhere. */
export const ChangeUserRoleMutation = graphql(`
  mutation ChangeUserRole($id: ID!, $role: Role!) {
    changeUserRole(id: $id, role: $role) {
      ...UserRow
    }
  }
`);

export function useChangeUserRole() {
  return useMutation(ChangeUserRoleMutation);
}
