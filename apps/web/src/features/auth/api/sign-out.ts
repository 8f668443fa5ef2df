import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export function useSignOutMutation() {
  return useMutation(SignOutMutation);
}
