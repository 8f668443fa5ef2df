import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** Ends every other session of the user; this one stays. A wrong current password is UNAUTHENTICATED. */
export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export function useChangePassword() {
  return useMutation(ChangePasswordMutation);
}
