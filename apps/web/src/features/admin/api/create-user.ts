import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** Without a password the API generates a temporary one and returns it this once. */
export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        ...UserRow
      }
      temporaryPassword
    }
  }
`);

export function useCreateUser() {
  return useMutation(CreateUserMutation, { refetchQueries: ["GetUsers"] });
}
