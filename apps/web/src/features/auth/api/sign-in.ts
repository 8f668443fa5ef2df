import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** Sets the HttpOnly session cookie. Wrong credentials: UNAUTHENTICATED; too many: RATE_LIMITED with retryAfterSeconds. */
export const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      user {
        ...Viewer
      }
      expiresAt
    }
  }
`);

export function useSignInMutation() {
  return useMutation(SignInMutation);
}
