import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

/** Every scope a key can have; a key never exceeds its owner's role. */
export const GetScopesQuery = graphql(`
  query GetScopes {
    scopes
  }
`);

export function useScopes() {
  return useQuery(GetScopesQuery, { fetchPolicy: "cache-first" });
}
