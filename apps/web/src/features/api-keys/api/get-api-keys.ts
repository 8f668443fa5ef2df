import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const ApiKeyRowFragment = graphql(`
  fragment ApiKeyRow on ApiKey {
    id
    name
    prefix
    scopes
    expiresAt
    lastUsedAt
    revokedAt
    createdAt
  }
`);

/** The signed-in user's own keys, newest first. */
export const GetApiKeysQuery = graphql(`
  query GetApiKeys {
    apiKeys {
      ...ApiKeyRow
    }
  }
`);

export function useApiKeys() {
  return useQuery(GetApiKeysQuery, { fetchPolicy: "cache-and-network" });
}
