import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** The secret comes back this once; the API keeps only its hash. */
export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey {
        ...ApiKeyRow
      }
      secret
    }
  }
`);

export function useCreateApiKey() {
  return useMutation(CreateApiKeyMutation, { refetchQueries: ["GetApiKeys"] });
}
