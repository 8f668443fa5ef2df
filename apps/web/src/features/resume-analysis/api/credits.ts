import { useMutation, useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const CreditsQuery = graphql(`
  query Credits($userId: ID) {
    credits(userId: $userId) {
      userId
      balance
      held
      available
    }
    creditLedger(userId: $userId, first: 50) {
      totalCount
      edges {
        node {
          id
          kind
          amount
          held
          taskId
          note
          createdAt
        }
      }
    }
  }
`);

export const TopUpCreditsMutation = graphql(`
  mutation TopUpCredits($userId: ID!, $amount: Int!, $note: String) {
    topUpCredits(userId: $userId, amount: $amount, note: $note) {
      userId
      balance
      held
      available
    }
  }
`);

export function useCredits(userId: string | null) {
  return useQuery(CreditsQuery, { variables: { userId }, fetchPolicy: "cache-and-network" });
}

export function useTopUpCredits() {
  return useMutation(TopUpCreditsMutation, { refetchQueries: [CreditsQuery] });
}
