import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const UserRowFragment = graphql(`
  fragment UserRow on User {
    id
    email
    name
    role
    active
    createdAt
  }
`);

/** Every user, oldest first (admins only). */
export const GetUsersQuery = graphql(`
  query GetUsers {
    users {
      ...UserRow
    }
  }
`);

export function useUsers() {
  return useQuery(GetUsersQuery, { fetchPolicy: "cache-and-network" });
}
