import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** Live connections using the key close at once. */
export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ApiKeyRow
    }
  }
`);

export function useRevokeApiKey() {
  return useMutation(RevokeApiKeyMutation);
}
